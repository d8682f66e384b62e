/**
 * Streams a text file as decoded string chunks. UTF-8 has a fast path (below), UTF-16LE uses Node's StringDecoder;
 * other encodings go through iconv-lite. The byte-order mark is skipped, never decoded.
 */
import fs from 'node:fs/promises';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import { READ_CHUNK_BYTES } from '../limits.js';
import type { TextEncoding } from './encoding.js';

export interface TextChunk {
  text: string;
  bytesRead: number;
  last: boolean;
}

interface Decoder {
  write(buf: Uint8Array): string;
  end(): string;
}

function decoderFor(encoding: string): Decoder {
  // Node's StringDecoder is faster than a streaming TextDecoder.
  if (encoding === 'utf-16le') {
    const d = new StringDecoder('utf16le');
    return { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() };
  }
  const d = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? '' };
}

/** Reads the first `bytes` of a file (for detection). */
export async function readHead(file: string, bytes: number): Promise<Uint8Array> {
  const fh = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Disk reads are this big (fewer round trips); the text is handed on in READ_CHUNK_BYTES-sized pieces. */
const DISK_READ_BYTES = 1024 * 1024;

/** Where the last complete UTF-8 character in buf[0, end) ends (an incomplete one is at most 3 bytes). */
function utf8Boundary(buf: Uint8Array, end: number): number {
  let i = end - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (buf[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return end;
  const lead = buf[i]!;
  const len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return end - i >= len ? end : i;
}

const utf8 = new TextDecoder('utf-8');

/**
 * UTF-8 gets its own path, the hottest in big imports: each read is cut at a character boundary (the
 * incomplete tail moves to the front of the buffer for the next read) and decoded in one call —
 * pure-ASCII blocks as latin1, which is the same text and about twice as fast to decode.
 */
async function* readUtf8Chunks(fh: fs.FileHandle, start: number, chunkChars: number): AsyncGenerator<TextChunk> {
  const buf = Buffer.alloc(DISK_READ_BYTES);
  let position = start;
  let carry = 0;
  for (;;) {
    const { bytesRead } = await fh.read(buf, carry, DISK_READ_BYTES - carry, position);
    position += bytesRead;
    const end = carry + bytesRead;
    if (bytesRead === 0) {
      yield { text: carry ? utf8.decode(buf.subarray(0, carry)) : '', bytesRead: position, last: true };
      return;
    }
    const cut = utf8Boundary(buf, end);
    const block = buf.subarray(0, cut);
    const text = isAscii(block) ? block.toString('latin1') : utf8.decode(block);
    buf.copy(buf, 0, cut, end);
    carry = end - cut;
    for (let i = 0; i < text.length; i += chunkChars) yield { text: text.slice(i, i + chunkChars), bytesRead: position, last: false };
  }
}

export async function* readTextChunks(file: string, enc: TextEncoding, chunkChars = READ_CHUNK_BYTES): AsyncGenerator<TextChunk> {
  const fh = await fs.open(file, 'r');
  try {
    if (enc.encoding === 'utf-8' || enc.encoding === 'utf8') {
      yield* readUtf8Chunks(fh, enc.bomBytes, chunkChars);
      return;
    }
    const decoder = decoderFor(enc.encoding);
    const buf = Buffer.alloc(DISK_READ_BYTES);
    let position = enc.bomBytes;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, DISK_READ_BYTES, position);
      position += bytesRead;
      if (bytesRead === 0) {
        yield { text: decoder.end(), bytesRead: position, last: true };
        return;
      }
      const text = decoder.write(buf.subarray(0, bytesRead));
      for (let i = 0; i < text.length; i += chunkChars) yield { text: text.slice(i, i + chunkChars), bytesRead: position, last: false };
    }
  } finally {
    await fh.close();
  }
}
