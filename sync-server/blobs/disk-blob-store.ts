/**
 * Blobs as files: `<root>/<scope>/<first two hex>/<sha256>`. Writes are a rename of the verified
 * upload (atomic on one filesystem), so a reader never sees half a blob.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { BlobInfo, BlobStore } from './blob-store.js';

export class DiskBlobStore implements BlobStore {
  readonly kind = 'disk' as const;

  constructor(readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  /** Scope and hash are validated by the caller (room-name and hex patterns): no path traversal. */
  private file(scope: string, sha256: string): string {
    return path.join(this.root, scope, sha256.slice(0, 2), sha256);
  }

  async head(scope: string, sha256: string): Promise<BlobInfo | null> {
    try {
      const st = await fsp.stat(this.file(scope, sha256));
      return { size: st.size };
    } catch {
      return null;
    }
  }

  async put(scope: string, sha256: string, file: string): Promise<void> {
    const dest = this.file(scope, sha256);
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fsp.rename(file, dest);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      // The upload folder is on another filesystem: copy to a temporary name, then rename.
      const tmp = `${dest}.${process.pid}.tmp`;
      await fsp.copyFile(file, tmp);
      await fsp.rename(tmp, dest);
    }
  }

  async get(scope: string, sha256: string): Promise<{ size: number; body: fs.ReadStream } | null> {
    const info = await this.head(scope, sha256);
    if (!info) return null;
    return { size: info.size, body: fs.createReadStream(this.file(scope, sha256)) };
  }

  async close(): Promise<void> {}
}
