/**
 * Fan-out through Redis pub/sub: one channel per document (`<prefix>doc:<room>`), subscribed while the
 * document is loaded. A message is one kind byte, the 16-byte id of the sending instance (so an
 * instance ignores its own echoes) and the payload (a Yjs update or an awareness update).
 *
 * During a Redis outage publishing fails fast (no offline queue that would grow without bound);
 * every instance keeps serving its own clients from the shared storage. When the connection comes
 * back, the instance re-subscribes, then re-reads every loaded document from storage and publishes
 * `resync` so the others do the same: instances converge again without replaying anything from Redis.
 */
import { randomBytes } from 'node:crypto';
import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import { lazyRequire } from '../lazy-require.js';
import type { Fanout, FanoutHandler, FanoutKind } from './fanout.js';

const loadIORedis = lazyRequire<typeof IORedis>('ioredis');
const KINDS: FanoutKind[] = ['update', 'awareness', 'resync'];
const ID_BYTES = 16;

export interface RedisFanoutOptions {
  url: string;
  /** Channel prefix; instances that share documents must use the same one. */
  prefix?: string;
  /** How long `connect` waits for Redis before starting anyway (reported as down). */
  connectTimeoutMs?: number;
}

export class RedisFanout implements Fanout {
  readonly instanceId: string;
  private readonly idBytes: Buffer;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly handlers = new Map<string, FanoutHandler>();
  private readonly reconnectCbs: (() => void)[] = [];
  private readonly statusCbs: ((up: boolean) => void)[] = [];
  private readonly failureCbs: ((e: unknown) => void)[] = [];
  private subReady = false;
  private pubReady = false;
  private everReady = false;
  private closed = false;

  private constructor(opts: RedisFanoutOptions) {
    this.idBytes = randomBytes(ID_BYTES);
    this.instanceId = this.idBytes.toString('hex');
    this.prefix = opts.prefix ?? 'udash-sync:';
    const retryStrategy = (times: number) => Math.min(100 * times, 2000);
    const { Redis } = loadIORedis();
    this.pub = new Redis(opts.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy, lazyConnect: true });
    this.sub = new Redis(opts.url, { retryStrategy, lazyConnect: true, maxRetriesPerRequest: null });
    for (const c of [this.pub, this.sub]) c.on('error', () => undefined);
    this.pub.on('ready', () => this.setPub(true));
    this.pub.on('close', () => this.setPub(false));
    this.sub.on('ready', () => void this.onSubReady());
    this.sub.on('close', () => this.setSub(false));
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
  }

  static async connect(opts: RedisFanoutOptions): Promise<RedisFanout> {
    const f = new RedisFanout(opts);
    const timeout = opts.connectTimeoutMs ?? 5000;
    await Promise.race([Promise.all([f.pub.connect(), f.sub.connect()]).catch(() => undefined), new Promise((r) => setTimeout(r, timeout).unref())]);
    return f;
  }

  private channel(room: string): string {
    return `${this.prefix}doc:${room}`;
  }

  private up(): boolean {
    return this.pubReady && this.subReady;
  }

  private setPub(v: boolean): void {
    const before = this.up();
    this.pubReady = v;
    if (before !== this.up()) for (const cb of this.statusCbs) cb(this.up());
  }

  private setSub(v: boolean): void {
    const before = this.up();
    this.subReady = v;
    if (before !== this.up()) for (const cb of this.statusCbs) cb(this.up());
  }

  private async onSubReady(): Promise<void> {
    const again = this.everReady;
    this.everReady = true;
    if (again && this.handlers.size > 0) {
      // Confirm the subscriptions before re-reading storage, so nothing published afterwards is missed.
      await this.sub.subscribe(...[...this.handlers.keys()].map((r) => this.channel(r))).catch(() => undefined);
    }
    this.setSub(true);
    if (again) for (const cb of this.reconnectCbs) cb();
  }

  private onMessage(channel: string, message: Buffer): void {
    if (!channel.startsWith(`${this.prefix}doc:`) || message.length < 1 + ID_BYTES) return;
    const kind = KINDS[message[0]!];
    if (!kind || message.subarray(1, 1 + ID_BYTES).equals(this.idBytes)) return;
    const handler = this.handlers.get(channel.slice(this.prefix.length + 4));
    if (handler) handler(kind, new Uint8Array(message.buffer, message.byteOffset + 1 + ID_BYTES, message.length - 1 - ID_BYTES));
  }

  async subscribe(room: string, handler: FanoutHandler): Promise<void> {
    this.handlers.set(room, handler);
    await this.sub.subscribe(this.channel(room));
  }

  async unsubscribe(room: string): Promise<void> {
    if (!this.handlers.delete(room)) return;
    if (this.subReady) await this.sub.unsubscribe(this.channel(room)).catch(() => undefined);
  }

  publish(room: string, kind: FanoutKind, payload: Uint8Array): void {
    if (this.closed) return;
    const msg = Buffer.allocUnsafe(1 + ID_BYTES + payload.byteLength);
    msg[0] = KINDS.indexOf(kind);
    this.idBytes.copy(msg, 1);
    msg.set(payload, 1 + ID_BYTES);
    this.pub.publish(this.channel(room), msg).catch((e: unknown) => {
      for (const cb of this.failureCbs) cb(e);
    });
  }

  onReconnect(cb: () => void): void {
    this.reconnectCbs.push(cb);
  }

  onStatus(cb: (up: boolean) => void): void {
    this.statusCbs.push(cb);
  }

  onPublishFailure(cb: (error: unknown) => void): void {
    this.failureCbs.push(cb);
  }

  isUp(): boolean {
    return this.up();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    for (const c of [this.pub, this.sub]) {
      if (c.status === 'ready') await c.quit().catch(() => c.disconnect());
      else c.disconnect();
    }
  }
}
