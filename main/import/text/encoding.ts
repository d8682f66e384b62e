/**
 * Which text encoding a file uses: a byte-order mark decides; otherwise valid UTF-8 is UTF-8, and
 * anything else is guessed by chardet. NUL bytes outside a UTF-16 pattern mean the file is not text.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { UdashError } from '../../../shared/errors.js';

export interface TextEncoding {
  /** A name iconv-lite (and, for UTF-8/UTF-16, TextDecoder) understands. */
  encoding: string;
  /** Bytes of byte-order mark to skip at the start of the file. */
  bomBytes: number;
}

function bomOf(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  return null;
}

/** UTF-16 text without a BOM has NULs in every other byte (for Latin text); binaries scatter them. */
function utf16Guess(head: Uint8Array): string | null {
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = head.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.02) return 'utf-16le';
  if (evenZeros > half * 0.3 && oddZeros < half * 0.02) return 'utf-16be';
  return null;
}

function isValidUtf8(head: Uint8Array, wholeFile: boolean): boolean {
  let end = head.length;
  if (!wholeFile) {
    // The sample may end inside a multi-byte character: drop an incomplete tail (at most 3 bytes).
    let i = end - 1;
    let back = 0;
    while (i >= 0 && back < 3 && (head[i]! & 0xc0) === 0x80) {
      i--;
      back++;
    }
    if (i >= 0 && head[i]! >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** chardet's names mapped to what iconv-lite decodes; ISO-8859-1 is read as its superset windows-1252. */
function normalizeName(name: string): string {
  const n = name.toLowerCase();
  if (n === 'iso-8859-1' || n === 'ascii') return 'windows-1252';
  return n;
}

export function detectEncoding(head: Uint8Array, opts: { override?: string; wholeFile: boolean; file: string }): TextEncoding {
  const bom = bomOf(head);
  if (opts.override) {
    const name = opts.override.toLowerCase();
    if (!iconv.encodingExists(name)) throw new UdashError('BAD_INPUT', `Unknown text encoding "${opts.override}"`, { field: 'encoding' }, ['options', 'encoding']);
    const sameAsBom = bom && iconv.getCodec(name) === iconv.getCodec(bom.encoding);
    return { encoding: name, bomBytes: sameAsBom ? bom.bomBytes : 0 };
  }
  if (bom) return bom;
  if (head.includes(0)) {
    const utf16 = utf16Guess(head);
    if (utf16) return { encoding: utf16, bomBytes: 0 };
    throw new UdashError('BAD_DATA', `${opts.file} is not a text file: it contains NUL bytes (is it a binary file with a text extension?)`, { file: opts.file });
  }
  if (isValidUtf8(head, opts.wholeFile)) return { encoding: 'utf-8', bomBytes: 0 };
  const guess = chardet.detect(head);
  const name = guess ? normalizeName(guess) : 'windows-1252';
  return { encoding: iconv.encodingExists(name) ? name : 'windows-1252', bomBytes: 0 };
}
