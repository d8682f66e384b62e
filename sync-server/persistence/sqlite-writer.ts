/**
 * The SQLite writer thread, and the compactor thread beside it. better-sqlite3 is synchronous: a
 * commit with synchronous=FULL waits for an fsync, and under disk contention that can take 50–100 ms,
 * during which an event loop that committed itself would stop relaying anything. So appends run on a
 * worker thread with a connection of its own; the main thread keeps a read connection (WAL readers
 * never wait for the writer) and goes on serving while a batch is being made durable.
 *
 * Compaction is split so that it never holds up appends (every broadcast waits for its append to
 * commit, so a writer busy merging a document is latency for every client of every document):
 *   1. the compactor thread reads the document's rows from its own connection (a WAL snapshot, no
 *      lock) and merges them — the expensive part;
 *   2. the writer thread, between two appends, deletes the rows it merged (seq ≤ the last one read)
 *      and inserts the merged update, in one short transaction.
 * Rows appended meanwhile have higher seqs and are kept. Every row that step 2 deletes was read in
 * step 1 (seqs only grow; rows are never rewritten), so its content is in the merged row: another
 * process compacting the same document at the same time can at worst leave two merged rows holding
 * the same updates, which Yjs applies idempotently. A crash between or during the steps leaves the
 * old rows.
 *
 * Batches cross to the writer as one transferred buffer (the updates back to back, and their
 * lengths), not as an array of small Uint8Arrays that postMessage would clone one by one.
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
const db = new Database(workerData.file, { timeout: 10000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + workerData.synchronous);
const insert = db.prepare('INSERT INTO doc_updates (doc, data, created_at) VALUES (?, ?, ?)');
const selectDoc = db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq');
const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?');
const append = db.transaction((docs, bytes, lengths, now) => {
  for (let i = 0, at = 0; i < docs.length; at += lengths[i], i++) insert.run(docs[i], Buffer.from(bytes, at, lengths[i]), now);
});
const replace = db.transaction((doc, lastSeq, merged) => {
  deleteUpTo.run(doc, lastSeq);
  insert.run(doc, merged, Date.now());
});
let Y = null;
// Same grouping as merge.ts mergeMany (Y.mergeUpdates is superlinear in the number of inputs).
const mergeMany = (updates) => {
  Y = Y || require(workerData.yjs);
  let level = updates;
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i < level.length; i += 32) { const s = level.slice(i, i + 32); next.push(s.length === 1 ? s[0] : Y.mergeUpdates(s)); }
    level = next;
  }
  return level[0];
};
parentPort.on('message', (m) => {
  try {
    if (m.op === 'append') { append(m.docs, m.bytes, m.lengths, Date.now()); parentPort.postMessage({ id: m.id, ok: true }); }
    else if (m.op === 'merge') {
      const rows = selectDoc.all(m.doc);
      if (rows.length <= 1) parentPort.postMessage({ id: m.id, ok: true, value: { rows: rows.length, lastSeq: 0, merged: null } });
      else {
        const merged = mergeMany(rows.map((r) => r.data));
        // Transferred, so it must own its whole buffer (copied only if it is a view into a larger one).
        const own = merged.byteOffset === 0 && merged.byteLength === merged.buffer.byteLength ? merged : new Uint8Array(merged);
        parentPort.postMessage({ id: m.id, ok: true, value: { rows: rows.length, lastSeq: rows[rows.length - 1].seq, merged: own } }, [own.buffer]);
      }
    }
    else if (m.op === 'replace') { replace.immediate(m.doc, m.lastSeq, Buffer.from(m.merged.buffer, m.merged.byteOffset, m.merged.byteLength)); parentPort.postMessage({ id: m.id, ok: true }); }
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

/** One worker thread with its own connection, answering numbered requests. */
class SqliteThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly synchronous: 'FULL' | 'NORMAL',
  ) {}

  /** Started lazily, and again after a crash: a failed request is reported, the next one gets a fresh thread. */
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

  call<T>(msg: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // Keep the process alive while a request is in flight (a one-shot CLI command has nothing else),
      // and let it exit when the thread is idle.
      w.ref();
      w.postMessage({ ...msg, id }, transfer);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    if (!w) return;
    await this.call({ op: 'close' }).catch(() => undefined);
    await w.terminate();
    this.worker = null;
  }
}

export class SqliteWriter {
  private readonly writer: SqliteThread;
  private readonly compactor: SqliteThread;
  private closed = false;

  constructor(file: string, synchronous: 'FULL' | 'NORMAL') {
    this.writer = new SqliteThread(file, synchronous);
    this.compactor = new SqliteThread(file, synchronous);
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('the document store is closed');
  }

  append(batch: readonly DocUpdate[]): Promise<void> {
    try {
      this.ensureOpen();
    } catch (e) {
      return Promise.reject(e);
    }
    const lengths = new Array<number>(batch.length);
    let total = 0;
    for (let i = 0; i < batch.length; i++) total += lengths[i] = batch[i]!.update.byteLength;
    const bytes = new Uint8Array(total);
    for (let i = 0, at = 0; i < batch.length; at += lengths[i]!, i++) bytes.set(batch[i]!.update, at);
    return this.writer.call<void>({ op: 'append', docs: batch.map((u) => u.doc), bytes: bytes.buffer, lengths }, [bytes.buffer]);
  }

  /** Merges on the compactor thread, then swaps the merged row in on the writer thread (see the file comment). */
  async compact(doc: string): Promise<{ before: number; after: number }> {
    this.ensureOpen();
    const m = await this.compactor.call<{ rows: number; lastSeq: number; merged: Uint8Array | null }>({ op: 'merge', doc });
    if (!m.merged) return { before: m.rows, after: m.rows };
    this.ensureOpen();
    await this.writer.call<void>({ op: 'replace', doc, lastSeq: m.lastSeq, merged: m.merged }, [m.merged.buffer as ArrayBuffer]);
    return { before: m.rows, after: 1 };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.compactor.close(), this.writer.close()]);
  }
}
