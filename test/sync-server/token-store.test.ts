/** One suite, two token stores: SQLite (embedded) and PostgreSQL. */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseToken } from '../../sync-server/auth/token-format.js';
import { PG_URL } from './helpers/pg.js';
import { BACKENDS, freshLocation, openAt, type StoreLocation } from './helpers/stores.js';
import { waitFor } from './helpers/wait.js';

async function rawRows(loc: StoreLocation): Promise<string> {
  if (loc.backend === 'sqlite') {
    const dir = loc.dataDir;
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('tokens.sqlite'))
      .map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1'))
      .join('');
  }
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return JSON.stringify((await c.query(`SELECT * FROM "${loc.pgSchema}".tokens`)).rows);
  } finally {
    await c.end();
  }
}

describe.each(BACKENDS)('token store: %s', (backend) => {
  it('creates tokens whose secret is stored only as a digest, and verifies them', async (ctx) => {
    const loc = await freshLocation(backend, ctx);
    const s = await openAt(loc);
    const { token, record } = await s.tokens.create({ workspace: 'ws-a', role: 'editor', label: 'Ann', expiresAt: Date.now() + 60_000, createdBy: null });
    const parsed = parseToken(token)!;
    expect(parsed.id).toBe(record.id);
    const v = await s.tokens.verify(token);
    expect(v).toEqual({ ok: true, principal: { tokenId: record.id, workspace: 'ws-a', role: 'editor', label: 'Ann', expiresAt: record.expiresAt } });
    const raw = await rawRows(loc);
    expect(raw).toContain(record.id);
    expect(raw).not.toContain(parsed.secret);
    const listed = await s.tokens.list();
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toMatch(/secret|hash/i);
  });

  it('refuses missing, malformed, unknown, wrong, expired and revoked tokens with the reason', async (ctx) => {
    const s = await openAt(await freshLocation(backend, ctx));
    const good = await s.tokens.create({ workspace: 'ws-a', role: 'viewer', label: 'x', expiresAt: Date.now() + 60_000, createdBy: null });
    const old = await s.tokens.create({ workspace: 'ws-a', role: 'viewer', label: 'x', expiresAt: Date.now() + 50, createdBy: null });
    const gone = await s.tokens.create({ workspace: 'ws-a', role: 'viewer', label: 'x', expiresAt: Date.now() + 60_000, createdBy: null });
    await s.tokens.revoke(gone.record.id);
    const { id, secret } = parseToken(good.token)!;
    const flipped = `udsync_${id}_${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
    const reasons = async (t: string | null) => {
      const r = await s.tokens.verify(t, Date.now() + 100);
      return r.ok ? 'ok' : r.reason;
    };
    expect(await reasons(null)).toBe('missing');
    expect(await reasons('udsync_nope')).toBe('malformed');
    expect(await reasons(`udsync_${'0'.repeat(16)}_${secret}`)).toBe('unknown');
    expect(await reasons(flipped)).toBe('unknown');
    expect(await reasons(old.token)).toBe('expired');
    expect(await reasons(gone.token)).toBe('revoked');
    expect(await reasons(good.token)).toBe('ok');
  });

  it('lists by workspace, and revocations by another process are seen by isRevoked', async (ctx) => {
    const loc = await freshLocation(backend, ctx);
    const server = await openAt(loc, true);
    const cli = await openAt(loc, false);
    const a = await server.tokens.create({ workspace: 'ws-a', role: 'owner', label: 'a', expiresAt: Date.now() + 60_000, createdBy: null });
    await server.tokens.create({ workspace: 'ws-b', role: 'owner', label: 'b', expiresAt: Date.now() + 60_000, createdBy: null });
    await server.tokens.create({ workspace: null, role: 'admin', label: 'admin', expiresAt: Date.now() + 60_000, createdBy: null });
    expect((await cli.tokens.list({ workspace: 'ws-a' })).map((r) => r.label)).toEqual(['a']);
    expect(await cli.tokens.list()).toHaveLength(3);
    expect(server.tokens.isRevoked(a.record.id)).toBe(false);
    const revoked = await cli.tokens.revoke(a.record.id);
    expect(revoked?.revokedAt).toBeGreaterThan(0);
    await waitFor(() => server.tokens.isRevoked(a.record.id), 'the server store to see the revocation', 3000, 2);
    expect(await cli.tokens.revoke('0123456789abcdef')).toBeNull();
  });
});
