/**
 * The SQLite writer thread. better-sqlite3 is synchronous: a commit with synchronous=FULL waits for
 * an fsync, and under disk contention that can take 50–100 ms, during which an event loop that
 * committed itself would stop relaying anything. So appends and compactions run on a worker thread
 * with a connection of its own; the main thread keeps a read connection (WAL readers never wait
 * for the writer) and goes on serving while a batch is being made durable.
 *
 * The worker is a short script evaluated from a string rather than a file: the server also runs
 * from the CLI bundle, where a separate worker file would have to be built and located. It loads
 * better-sqlite3 and yjs from the paths this module resolves, so it finds the same copies.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DocUpdate } from './doc-store.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const Y = require(workerData.yjs);
const db = new Database(workerData.file, { timeout: 10000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + workerData.synchronous);
const insert = db.prepare('INSERT INTO doc_updates (doc, data, created_at) VALUES (?, ?, ?)');
const selectDoc = db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq');
const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?');
const append = db.transaction((docs, data, now) => { for (let i = 0; i < docs.length; i++) insert.run(docs[i], data[i], now); });
// Same grouping as merge.ts mergeMany (Y.mergeUpdates is superlinear in the number of inputs).
const mergeMany = (updates) => {
  let level = updates;
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i < level.length; i += 32) { const s = level.slice(i, i + 32); next.push(s.length === 1 ? s[0] : Y.mergeUpdates(s)); }
    level = next;
  }
  return level[0];
};
const compact = db.transaction((doc) => {
  const rows = selectDoc.all(doc);
  if (rows.length <= 1) return { before: rows.length, after: rows.length };
  const merged = mergeMany(rows.map((r) => r.data));
  deleteUpTo.run(doc, rows[rows.length - 1].seq);
  insert.run(doc, Buffer.from(merged), Date.now());
  return { before: rows.length, after: 1 };
});
parentPort.on('message', (m) => {
  try {
    if (m.op === 'append') { append(m.docs, m.data, Date.now()); parentPort.postMessage({ id: m.id, ok: true }); }
    else if (m.op === 'compact') parentPort.postMessage({ id: m.id, ok: true, value: compact.immediate(m.doc) });
    else if (m.op === 'close') { db.close(); parentPort.postMessage({ id: m.id, ok: true }); parentPort.close(); }
  } catch (e) {
    parentPort.postMessage({ id: m.id, ok: false, error: String((e && e.message) || e) });
  }
});
`;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class SqliteWriter {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly synchronous: 'FULL' | 'NORMAL',
  ) {}

  /** Started lazily, and again after a crash: a failed batch is reported, the next one gets a fresh writer. */
  private ensure(): Worker {
    if (this.worker) return this.worker;
    const require = createRequire(import.meta.url);
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, synchronous: this.synchronous, sqlite: require.resolve('better-sqlite3'), yjs: require.resolve('yjs') } });
    w.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(`SQLite write failed: ${m.error}`));
    });
    const fail = (e: Error) => {
      if (this.worker === w) this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    w.on('exit', (code) => fail(new Error(`the SQLite writer thread stopped (exit ${code})`)));
    w.unref();
    this.worker = w;
    return w;
  }

  private call<T>(msg: Record<string, unknown>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the document store is closed'));
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // Keep the process alive while a write is in flight (a one-shot CLI command has nothing else),
      // and let it exit when the writer is idle.
      w.ref();
      w.postMessage({ ...msg, id });
    });
  }

  append(batch: readonly DocUpdate[]): Promise<void> {
    return this.call<void>({ op: 'append', docs: batch.map((u) => u.doc), data: batch.map((u) => u.update) });
  }

  compact(doc: string): Promise<{ before: number; after: number }> {
    return this.call({ op: 'compact', doc });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const w = this.worker;
    if (w) {
      await this.call({ op: 'close' }).catch(() => undefined);
      await w.terminate();
    }
    this.closed = true;
    this.worker = null;
  }
}
