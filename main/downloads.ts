import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

export interface Download {
  id: string;
  path: string;
  fileName: string;
  contentType: string;
  expiresAt: number;
}

/**
 * Files produced for the user (exports, reports) that a UI fetches by an unguessable id: the browser
 * host serves them at /downloads/<id>, the desktop shell saves them with a dialog.
 */
export class Downloads {
  private readonly items = new Map<string, Download>();

  register(path: string, fileName: string, contentType: string, ttlMs = 60 * 60 * 1000): Download {
    this.sweep();
    const d: Download = { id: randomBytes(16).toString('hex'), path, fileName, contentType, expiresAt: Date.now() + ttlMs };
    this.items.set(d.id, d);
    return d;
  }

  get(id: string): Download | undefined {
    const d = this.items.get(id);
    if (!d || d.expiresAt < Date.now() || !fs.existsSync(d.path)) return undefined;
    return d;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, d] of this.items) if (d.expiresAt < now) this.items.delete(id);
  }
}
