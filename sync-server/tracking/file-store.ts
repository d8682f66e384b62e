/**
 * Report files the app pushed so attachment links work for 7 days. Keys are "<workspace>/<run>/<name>"
 * made of safe characters only; the directory store maps them to files under its root and refuses
 * anything that would leave it.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface StoredFile {
  body: Buffer;
  fileName: string;
  contentType: string;
}

export interface ReportFileStore {
  put(key: string, file: StoredFile): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  /** Deletes files stored longer ago than maxAgeMs (their links have expired); returns how many. */
  prune?(maxAgeMs: number, now?: number): Promise<number>;
}

const KEY = /^[A-Za-z0-9_-]{1,128}\/[A-Za-z0-9_-]{1,128}\/[A-Za-z0-9._ -]{1,160}$/;

export function validFileKey(key: string): boolean {
  return KEY.test(key) && !key.split('/').some((p) => p === '.' || p === '..' || p.startsWith('.'));
}

export class DirFileStore implements ReportFileStore {
  constructor(private readonly root: string) {}

  private where(key: string): string {
    if (!validFileKey(key)) throw new Error(`invalid file key ${key}`);
    const p = path.resolve(this.root, key);
    if (!p.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`invalid file key ${key}`);
    return p;
  }

  async put(key: string, f: StoredFile): Promise<void> {
    const p = this.where(key);
    await fs.promises.mkdir(path.dirname(p), { recursive: true });
    await fs.promises.writeFile(p, f.body);
    await fs.promises.writeFile(`${p}.meta.json`, JSON.stringify({ fileName: f.fileName, contentType: f.contentType }));
  }

  async prune(maxAgeMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    const walk = async (dir: string): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (now - (await fs.promises.stat(p)).mtimeMs > maxAgeMs) {
          await fs.promises.rm(p, { force: true });
          if (!e.name.endsWith('.meta.json')) removed++;
        }
      }
    };
    await walk(path.resolve(this.root));
    return removed;
  }

  async get(key: string): Promise<StoredFile | null> {
    const p = this.where(key);
    try {
      const meta = JSON.parse(await fs.promises.readFile(`${p}.meta.json`, 'utf8')) as { fileName: string; contentType: string };
      return { body: await fs.promises.readFile(p), ...meta };
    } catch {
      return null;
    }
  }
}
