/**
 * Tokens in PostgreSQL (`<schema>.tokens`). A revocation commits together with a NOTIFY on
 * `udash_sync_token_revoked`; a watching store (the server) LISTENs on a dedicated connection and adds
 * the id to its in-memory revoked set, so live connections are cut at their next message. After its
 * listening connection drops, the store reconnects and re-reads the revoked set (nothing is missed).
 */
import type pg from 'pg';
import { loadPg, type PgContext } from '../persistence/pg-context.js';
import type { Role } from './roles.js';
import { newTokenSecret } from './token-format.js';
import { verifyWith, type NewToken, type StoredToken, type TokenRecord, type TokenStore, type VerifyResult } from './token-store.js';

const CHANNEL = 'udash_sync_token_revoked';

interface Row {
  id: string;
  workspace: string | null;
  role: string;
  label: string;
  secret_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  created_by: string | null;
}

function fromRow(r: Row): StoredToken {
  return {
    id: r.id,
    workspace: r.workspace,
    role: r.role as Role,
    label: r.label,
    secretHash: r.secret_hash,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    createdBy: r.created_by,
  };
}

function publicRecord(t: StoredToken): TokenRecord {
  const { secretHash: _secret, ...rest } = t;
  return rest;
}

export interface PgTokenStoreOptions {
  /** Listen for revocations by other processes (the server does; the CLI does not need to). */
  watch?: boolean;
  /** Close the shared context on close(). */
  ownsContext?: boolean;
}

export class PgTokenStore implements TokenStore {
  private readonly t: string;
  private revoked = new Set<string>();
  private listener: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly pgc: PgContext,
    private readonly opts: PgTokenStoreOptions,
  ) {
    this.t = pgc.table('tokens');
  }

  static async open(pgc: PgContext, opts: PgTokenStoreOptions = {}): Promise<PgTokenStore> {
    const s = new PgTokenStore(pgc, opts);
    if (opts.watch) await s.listen();
    return s;
  }

  /** LISTEN first, then read the set: a revocation between the two is seen by one or the other. */
  private async listen(): Promise<void> {
    const client = new (loadPg().Client)({ connectionString: this.pgc.url });
    client.on('error', () => this.scheduleReconnect());
    client.on('end', () => this.scheduleReconnect());
    client.on('notification', (n) => {
      const [schema, id] = (n.payload ?? '').split(':');
      if (n.channel === CHANNEL && schema === this.pgc.schema && id) this.revoked.add(id);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
    await this.refreshRevoked();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.listener = null;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().catch(() => this.scheduleReconnect());
    }, 1000);
    this.reconnectTimer.unref();
  }

  private async refreshRevoked(): Promise<void> {
    const r = await this.pgc.pool.query<{ id: string }>(`SELECT id FROM ${this.t} WHERE revoked_at IS NOT NULL AND expires_at > $1`, [Date.now()]);
    for (const row of r.rows) this.revoked.add(row.id);
  }

  async create(input: NewToken): Promise<{ token: string; record: TokenRecord }> {
    const s = newTokenSecret();
    const now = Date.now();
    await this.pgc.pool.query(
      `INSERT INTO ${this.t} (id, workspace, role, label, secret_hash, created_at, expires_at, revoked_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)`,
      [s.id, input.workspace, input.role, input.label, s.secretHash, now, input.expiresAt, input.createdBy],
    );
    return { token: s.token, record: { id: s.id, workspace: input.workspace, role: input.role, label: input.label, createdAt: now, expiresAt: input.expiresAt, revokedAt: null, createdBy: input.createdBy } };
  }

  async verify(token: string | null | undefined, now = Date.now()): Promise<VerifyResult> {
    return verifyWith((id) => this.lookup(id), token, now);
  }

  private async lookup(id: string): Promise<StoredToken | null> {
    const r = await this.pgc.pool.query<Row>(`SELECT * FROM ${this.t} WHERE id = $1`, [id]);
    return r.rows[0] ? fromRow(r.rows[0]) : null;
  }

  async get(id: string): Promise<TokenRecord | null> {
    const t = await this.lookup(id);
    return t ? publicRecord(t) : null;
  }

  async list(filter: { workspace?: string } = {}): Promise<TokenRecord[]> {
    const r =
      filter.workspace !== undefined
        ? await this.pgc.pool.query<Row>(`SELECT * FROM ${this.t} WHERE workspace = $1 ORDER BY created_at, id`, [filter.workspace])
        : await this.pgc.pool.query<Row>(`SELECT * FROM ${this.t} ORDER BY created_at, id`);
    return r.rows.map((row) => publicRecord(fromRow(row)));
  }

  async revoke(id: string): Promise<TokenRecord | null> {
    const c = await this.pgc.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`UPDATE ${this.t} SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, [Date.now(), id]);
      // NOTIFY is transactional: listeners hear of it only if the revocation commits.
      await c.query('SELECT pg_notify($1, $2)', [CHANNEL, `${this.pgc.schema}:${id}`]);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
    const t = await this.lookup(id);
    if (t) this.revoked.add(id);
    return t ? publicRecord(t) : null;
  }

  isRevoked(id: string): boolean {
    return this.revoked.has(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const l = this.listener;
    this.listener = null;
    if (l) await l.end().catch(() => undefined);
    if (this.opts.ownsContext) await this.pgc.close();
  }
}
