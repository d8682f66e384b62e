/**
 * Files the browser UI sends for import, in base64 chunks (a browser cannot hand main a path).
 * Each upload is `<id>.part` plus a `<id>.json` sidecar (original name, declared size, bytes
 * received) under the uploads folder; ids are random, chunks must arrive in order (a resent chunk
 * that is already stored is accepted, so a retry is harmless), and nothing beyond the declared size
 * is written. Uploads older than a day are removed whenever a new one begins.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UdashError } from '../../shared/errors.js';

/** The largest file the UI may upload (big files are better imported by path from the desktop app or the CLI). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const ID = /^[0-9a-f]{32}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

interface UploadMeta {
  name: string;
  size: number;
  received: number;
  createdAt: string;
}

export class UploadStore {
  constructor(private readonly dir: string) {}

  private files(id: string): { data: string; meta: string } {
    if (!ID.test(id)) throw new UdashError('NOT_FOUND', `No upload with id "${id}"`, { field: 'uploadId' });
    return { data: path.join(this.dir, `${id}.part`), meta: path.join(this.dir, `${id}.json`) };
  }

  private readMeta(id: string): UploadMeta {
    const { meta } = this.files(id);
    try {
      return JSON.parse(fs.readFileSync(meta, 'utf8')) as UploadMeta;
    } catch {
      throw new UdashError('NOT_FOUND', `No upload with id "${id}" (it may have expired)`, { field: 'uploadId' });
    }
  }

  begin(name: string, size: number): string {
    if (size > MAX_UPLOAD_BYTES) throw new UdashError('LIMIT', `${name} is ${(size / 1024 ** 3).toFixed(1)} GB; uploads are limited to ${MAX_UPLOAD_BYTES / 1024 ** 3} GB. Import it by path (desktop app or \`udash import\`).`, { file: name, field: 'size' });
    fs.mkdirSync(this.dir, { recursive: true });
    this.sweep();
    const id = randomBytes(16).toString('hex');
    const { data, meta } = this.files(id);
    fs.writeFileSync(data, '');
    fs.writeFileSync(meta, JSON.stringify({ name: path.basename(name), size, received: 0, createdAt: new Date().toISOString() } satisfies UploadMeta));
    return id;
  }

  chunk(id: string, offset: number, base64: string): number {
    const meta = this.readMeta(id);
    if (!BASE64.test(base64) || base64.length % 4 !== 0) throw new UdashError('BAD_INPUT', 'The chunk is not valid base64', { field: 'data' }, ['data']);
    const bytes = Buffer.from(base64, 'base64');
    if (offset < meta.received && offset + bytes.length <= meta.received) return meta.received; // a retry of a stored chunk
    if (offset !== meta.received) throw new UdashError('BAD_INPUT', `Chunk offset ${offset} does not continue the upload of ${meta.name}; expected offset ${meta.received}`, { field: 'offset', expected: meta.received }, ['offset']);
    if (offset + bytes.length > meta.size) throw new UdashError('LIMIT', `The chunk would take ${meta.name} past its declared size of ${meta.size} bytes`, { field: 'data' }, ['data']);
    const { data, meta: metaFile } = this.files(id);
    const fd = fs.openSync(data, 'r+');
    try {
      fs.writeSync(fd, bytes, 0, bytes.length, offset);
    } finally {
      fs.closeSync(fd);
    }
    meta.received = offset + bytes.length;
    fs.writeFileSync(metaFile, JSON.stringify(meta));
    return meta.received;
  }

  /** The uploaded file, complete; an unfinished upload is refused. */
  resolve(id: string): { file: string; name: string } {
    const meta = this.readMeta(id);
    if (meta.received !== meta.size) throw new UdashError('BAD_INPUT', `The upload of ${meta.name} is incomplete: ${meta.received} of ${meta.size} bytes arrived`, { file: meta.name, field: 'uploadId' }, ['source', 'uploadId']);
    return { file: this.files(id).data, name: meta.name };
  }

  remove(id: string): void {
    const { data, meta } = this.files(id);
    fs.rmSync(data, { force: true });
    fs.rmSync(meta, { force: true });
  }

  private sweep(): void {
    const now = Date.now();
    for (const f of fs.readdirSync(this.dir)) {
      const full = path.join(this.dir, f);
      try {
        if (now - fs.statSync(full).mtimeMs > MAX_AGE_MS) fs.rmSync(full, { force: true });
      } catch {
        // Removed meanwhile by another process.
      }
    }
  }
}
