/**
 * A sync token is a secret: it goes to the encrypted vault (or the keychain), never into the SQLite
 * store, its WAL or backups, the log, an answer or an event. Checked on the bytes of every file the
 * app wrote, after a session that shared, joined, invited, failed with a wrong token and synced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services.js';
import { tokenIdOf } from '../../../shared/model/sync.js';
import { startTestServer, tempDir } from '../../sync-server/helpers/server.js';
import { synced } from './helpers.js';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('sync: tokens stay secret', () => {
  it('no token in the store file, WAL, backups, log, vault file, answers or events', async () => {
    const srv = await startTestServer();
    const [homeA, homeB] = [tempDir('udash-secret-a-'), tempDir('udash-secret-b-')];
    const a = await createServices({ home: homeA, sample: false });
    const b = await createServices({ home: homeB, sample: false });
    const seen: string[] = [];
    for (const svc of [a, b]) for (const name of ['sync.state', 'presence.changed', 'workspaces.changed', 'doc.changed'] as const) svc.events.on(name, (p) => seen.push(JSON.stringify(p)));

    const ws = await a.dispatcher.call('workspaces.create', { name: 'Secret plans' });
    const owner = (await srv.token('owner', ws.id)).token;
    const answers: unknown[] = [];
    answers.push(await a.dispatcher.call('sync.share', { workspaceId: ws.id, serverUrl: srv.httpUrl, token: owner }));
    await synced(a, ws.id);
    const invite = await a.dispatcher.call('sync.invite', { workspaceId: ws.id, role: 'editor', label: 'Bob' });
    answers.push(await b.dispatcher.call('sync.join', { serverUrl: srv.httpUrl, token: invite.token }));
    await synced(b, ws.id);
    await b.dispatcher.call('dashboards.create', { workspaceId: ws.id, name: 'Plan B' });
    answers.push(await a.dispatcher.call('sync.list', {}), await b.dispatcher.call('sync.list', {}), await a.dispatcher.call('sync.members', { workspaceId: ws.id }));
    // A well-formed token the server does not know: refused, and the refusal does not quote it.
    const unknown = `udsync_${'0'.repeat(16)}_${'ab'.repeat(32)}`;
    const refused: unknown = await b.dispatcher.call('sync.join', { serverUrl: srv.httpUrl, token: unknown }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((refused as Error).message).not.toContain(unknown);
    a.log.error('a failure quoting a URL', new Error(`ws://127.0.0.1/x?token=${owner}`));
    // A backup of the store (VACUUM INTO), as the app makes before a migration.
    const backup = await a.dispatcher.call('store.backup', {});

    await a.close();
    await b.close();
    const secrets = [owner, invite.token, unknown];
    const secretParts = secrets.map((t) => t.slice(t.lastIndexOf('_') + 1));
    const files = [...filesUnder(homeA), ...filesUnder(homeB)];
    expect(files.some((f) => f.endsWith('udash.sqlite'))).toBe(true);
    expect(files.some((f) => f.endsWith('udash.log'))).toBe(true);
    expect(files.some((f) => f.endsWith('secrets.vault.json'))).toBe(true);
    expect(files).toContain(backup.file);
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      for (const part of secretParts) {
        expect(bytes.includes(part), `${f} holds a token secret in hex`).toBe(false);
        expect(bytes.includes(Buffer.from(part, 'hex')), `${f} holds a token secret as bytes`).toBe(false);
      }
    }
    // The public token id is in the store (the scan looks at the right bytes), and the log names only ids.
    expect(fs.readFileSync(path.join(homeA, 'udash.sqlite')).includes(tokenIdOf(owner)!)).toBe(true);
    expect(fs.readFileSync(path.join(homeA, 'logs', 'udash.log'), 'utf8')).toContain(`udsync_${tokenIdOf(owner)}_…`);
    for (const text of [...seen, JSON.stringify(answers)]) for (const part of secretParts) expect(text).not.toContain(part);
  });
});
