/**
 * Tokens in `<data>/tokens.sqlite` (a file of its own, so `PRAGMA data_version` changes only when a
 * token changes: that is how the server notices a revocation made by the CLI at the next message).
 */
import path from 'node:path';
import { openSqlite, type SqliteDb } from '../persistence/sqlite-open.js';
import type { Role } from './roles.js';
import { newTokenSecret } from './token-format.js';
import { verifyWith, type NewToken, type StoredToken, type TokenRecord, type TokenStore, type VerifyResult } from './token-store.js';

const MIGRATIONS = [
  (db: SqliteDb) =>
    db.exec(`
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        workspace TEXT,
        role TEXT NOT NULL,
        label TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        created_by TEXT
      );
      CREATE INDEX tokens_by_workspace ON tokens (workspace);
    `),
];

interface Row {
  id: string;
  workspace: string | null;
  role: string;
  label: string;
  secret_hash: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  created_by: string | null;
}

function fromRow(r: Row): StoredToken {
  return {
    id: r.id,
    workspace: r.workspace,
    role: r.role as Role,
    label: r.label,
    secretHash: r.secret_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    createdBy: r.created_by,
  };
}

function publicRecord(t: StoredToken): TokenRecord {
  const { secretHash: _secret, ...rest } = t;
  return rest;
}

export class SqliteTokenStore implements TokenStore {
  private readonly db: SqliteDb;
  private readonly dataVersion;
  private readonly byId;
  private seenVersion = -1;
  private checkedThisTick = false;
  private revoked = new Set<string>();

  constructor(dataDir: string) {
    this.db = openSqlite({ file: path.join(dataDir, 'tokens.sqlite'), synchronous: 'FULL', migrations: MIGRATIONS });
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck();
    this.byId = this.db.prepare('SELECT * FROM tokens WHERE id = ?');
    this.refreshRevoked();
  }

  async create(input: NewToken): Promise<{ token: string; record: TokenRecord }> {
    const s = newTokenSecret();
    const now = Date.now();
    this.db
      .prepare('INSERT INTO tokens (id, workspace, role, label, secret_hash, created_at, expires_at, revoked_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)')
      .run(s.id, input.workspace, input.role, input.label, s.secretHash, now, input.expiresAt, input.createdBy);
    return { token: s.token, record: { id: s.id, workspace: input.workspace, role: input.role, label: input.label, createdAt: now, expiresAt: input.expiresAt, revokedAt: null, createdBy: input.createdBy } };
  }

  async verify(token: string | null | undefined, now = Date.now()): Promise<VerifyResult> {
    return verifyWith(async (id) => this.lookup(id), token, now);
  }

  private lookup(id: string): StoredToken | null {
    const r = this.byId.get(id) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  async get(id: string): Promise<TokenRecord | null> {
    const t = this.lookup(id);
    return t ? publicRecord(t) : null;
  }

  async list(filter: { workspace?: string } = {}): Promise<TokenRecord[]> {
    const rows = (
      filter.workspace !== undefined
        ? this.db.prepare('SELECT * FROM tokens WHERE workspace = ? ORDER BY created_at, id').all(filter.workspace)
        : this.db.prepare('SELECT * FROM tokens ORDER BY created_at, id').all()
    ) as Row[];
    return rows.map((r) => publicRecord(fromRow(r)));
  }

  async revoke(id: string): Promise<TokenRecord | null> {
    this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(Date.now(), id);
    this.revoked.add(id);
    const t = this.lookup(id);
    if (!t) this.revoked.delete(id);
    return t ? publicRecord(t) : null;
  }

  isRevoked(id: string): boolean {
    // Frames that arrived together are checked against one reading (a PRAGMA costs ~10 µs; at
    // 20,000 frames/s that mattered). A revocation committed later is seen from the next tick on.
    if (!this.checkedThisTick) {
      this.checkedThisTick = true;
      setImmediate(() => (this.checkedThisTick = false));
      const v = this.dataVersion.get() as number;
      if (v !== this.seenVersion) this.refreshRevoked();
    }
    return this.revoked.has(id);
  }

  /** Only unexpired revoked tokens matter: expired ones are refused by their expiry anyway. */
  private refreshRevoked(): void {
    this.seenVersion = this.dataVersion.get() as number;
    const ids = this.db.prepare('SELECT id FROM tokens WHERE revoked_at IS NOT NULL AND expires_at > ?').pluck().all(Date.now()) as string[];
    this.revoked = new Set(ids);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
