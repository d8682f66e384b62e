/**
 * Reads the outline (bookmarks) of a PDF Chromium printed: each entry's title and 1-based page.
 * Used for the table of contents' page numbers (first printing → outline → second printing).
 *
 * Hand-written because no PDF reader is a dependency and this needs only three structures Chromium
 * (Skia) writes as plain, uncompressed dictionaries: the catalog, the page tree and the outline items
 * with direct destinations. Anything it cannot follow yields no page, never a wrong one.
 */
export interface OutlineEntry {
  title: string;
  page: number | null;
  depth: number;
}

type Objects = Map<number, string>;

function readObjects(pdf: Buffer): Objects {
  const text = pdf.toString('latin1');
  const objects: Objects = new Map();
  const re = /(\d+)\s+0\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    let body = text.slice(start, end);
    const stream = body.indexOf('stream');
    if (stream >= 0) body = body.slice(0, stream);
    objects.set(Number(m[1]), body);
    re.lastIndex = end;
  }
  return objects;
}

const ref = (body: string | undefined, key: string): number | null => {
  const m = body ? new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(body) : null;
  return m ? Number(m[1]) : null;
};

function pageOrder(objects: Objects): number[] {
  const catalog = [...objects.values()].find((b) => /\/Type\s*\/Catalog\b/.test(b));
  const root = ref(catalog, 'Pages');
  const pages: number[] = [];
  const walk = (id: number, depth: number) => {
    const body = objects.get(id);
    if (!body || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(body)) pages.push(id);
  };
  if (root !== null) walk(root, 0);
  return pages;
}

function decodeLiteral(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const n = s[++i];
    if (n === undefined) break;
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in esc) bytes.push(esc[n]!);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      bytes.push(parseInt(oct, 8) & 0xff);
    } else if (n === '\r' || n === '\n') {
      if (n === '\r' && s[i + 1] === '\n') i++;
    } else bytes.push(n.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeText(raw: Buffer): string {
  if (raw[0] === 0xfe && raw[1] === 0xff) {
    const body = raw.subarray(2);
    const swapped = Buffer.alloc(body.length - (body.length % 2));
    for (let i = 0; i + 1 < body.length; i += 2) {
      swapped[i] = body[i + 1]!;
      swapped[i + 1] = body[i]!;
    }
    return swapped.toString('utf16le');
  }
  return raw.toString('latin1');
}

function titleOf(body: string): string {
  const hex = /\/Title\s*<([0-9A-Fa-f\s]*)>/.exec(body);
  if (hex) return decodeText(Buffer.from(hex[1]!.replace(/\s+/g, ''), 'hex'));
  const start = body.search(/\/Title\s*\(/);
  if (start < 0) return '';
  let i = body.indexOf('(', start) + 1;
  let depth = 1;
  let out = '';
  for (; i < body.length && depth > 0; i++) {
    const c = body[i]!;
    if (c === '\\') {
      out += c + (body[++i] ?? '');
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) break;
    out += c;
  }
  return decodeText(decodeLiteral(out));
}

function destPage(body: string): number | null {
  const d = /\/Dest\s*\[\s*(\d+)\s+0\s+R/.exec(body) ?? /\/D\s*\[\s*(\d+)\s+0\s+R/.exec(body);
  return d ? Number(d[1]) : null;
}

export function readPdfOutline(pdf: Buffer): OutlineEntry[] {
  const objects = readObjects(pdf);
  const pages = pageOrder(objects);
  const catalog = [...objects.values()].find((b) => /\/Type\s*\/Catalog\b/.test(b));
  const root = ref(catalog, 'Outlines');
  const out: OutlineEntry[] = [];
  const seen = new Set<number>();
  const walk = (first: number | null, depth: number) => {
    for (let id = first; id !== null && !seen.has(id); ) {
      seen.add(id);
      const body = objects.get(id);
      if (!body) return;
      const target = destPage(body);
      const index = target !== null ? pages.indexOf(target) : -1;
      out.push({ title: titleOf(body).replace(/\s+/g, ' ').trim(), page: index >= 0 ? index + 1 : null, depth });
      walk(ref(body, 'First'), depth + 1);
      id = ref(body, 'Next');
    }
  };
  if (root !== null) walk(ref(objects.get(root), 'First'), 0);
  return out;
}

export function pdfPageCount(pdf: Buffer): number {
  return pageOrder(readObjects(pdf)).length;
}
