import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../helpers/browser.js';

/** Reads a PDF back with poppler (pdfinfo, pdftotext, pdftohtml): an independent reader, not our code. */
export function readPdf(pdf: Buffer) {
  const dir = tempDir('udash-pdf-');
  const file = path.join(dir, 'r.pdf');
  fs.writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const outlineXml = xml.slice(xml.indexOf('<outline>'));
  const outline = [...outlineXml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ page: Number(m[1]), title: m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'") }));
  const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    pageSize: /Page size:\s+([^\n]+)/.exec(info)![1]!,
    tagged: /Tagged:\s+yes/.test(info),
    text,
    outline,
    pageText: (n: number) => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, pdf);
      try {
        return pageText(n);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    raw: pdf.toString('latin1'),
  };
}
