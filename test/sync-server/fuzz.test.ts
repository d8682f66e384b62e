/**
 * Adversarial frames from an authenticated editor: random bytes, and valid y-websocket frames cut
 * short or with flipped bytes. Whatever arrives, only that connection may be closed; the document,
 * the stored log and the other clients must carry on (checked after every batch and after a restart).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE } from '../../sync-server/protocol/close-codes.js';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../sync-server/protocol/messages.js';
import { connectClient, snapshot } from './helpers/clients.js';
import { closeWithin, rawConnect } from './helpers/raw.js';
import { startTestServer, tempDir } from './helpers/server.js';
import { waitFor } from './helpers/wait.js';

/** Valid frames of every kind, as material to cut and corrupt. */
function sampleFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const m = doc.getMap<unknown>('widgets');
  m.set('w', { title: 'Revenue', n: 3 });
  const nested = new Y.Map<unknown>();
  m.set('nested', nested);
  nested.set('k', [1, 'two', { three: 3 }]);
  doc.getText('notes').insert(0, 'hello world');
  doc.getArray('list').push([1, 2, 3]);
  m.delete('w');
  const aw = new awarenessProtocol.Awareness(doc);
  aw.setLocalState({ user: { name: 'Ann', color: '#f00' }, cursor: 3 });
  const awUpdate = awarenessProtocol.encodeAwarenessUpdate(aw, [doc.clientID]);
  aw.destroy();
  return [
    syncStep1Frame(Y.encodeStateVector(doc)),
    syncStep2Frame(Y.encodeStateAsUpdate(doc)),
    ...updates.map((u) => updateFrame(u)),
    awarenessFrame(awUpdate),
    new Uint8Array([3]),
  ];
}

const MAX = 4096;

describe('sync server: malformed and hostile frames', () => {
  it('random, truncated and corrupted frames close only the sender; others and the stored doc are unharmed', { timeout: 180_000 }, async () => {
    const dataDir = tempDir();
    const t = await startTestServer({ dataDir, limits: { maxMessageBytes: MAX } });
    const { token } = await t.token('editor', 'ws-a');
    const a = connectClient(t.url, 'ws-a', token);
    const b = connectClient(t.url, 'ws-a', token);
    await Promise.all([a.synced(), b.synced()]);
    const frames = sampleFrames();

    const hostileFrame = fc.oneof(
      fc.uint8Array({ minLength: 0, maxLength: 64 }),
      fc.uint8Array({ minLength: 0, maxLength: MAX + 512 }),
      fc.tuple(fc.constantFrom(...frames), fc.nat()).map(([f, cut]) => f.slice(0, f.length > 1 ? cut % f.length : 0)),
      fc.tuple(fc.constantFrom(...frames), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })).map(([f, flips]) => {
        const copy = f.slice();
        for (const [at, v] of flips) copy[at % copy.length] = v;
        return copy;
      }),
      // Valid prefixes followed by garbage, and huge declared lengths.
      fc.tuple(fc.constantFrom(0, 1, 3), fc.constantFrom(0, 1, 2), fc.uint8Array({ maxLength: 32 })).map(([t1, t2, rest]) => Uint8Array.from([t1, t2, 0xff, 0xff, 0xff, 0xff, 0x0f, ...rest])),
    );

    let round = 0;
    const outcomes = new Map<number | null, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(hostileFrame, { minLength: 1, maxLength: 3 }), async (batch) => {
        round++;
        const s = await rawConnect(t.url, 'ws-a', token);
        for (const f of batch) if (s.ws.readyState === s.ws.OPEN) s.ws.send(f);
        const code = await closeWithin(s, 150);
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
        // Closed for a reason we name, or still open because the frames happened to be valid.
        expect([null, CLOSE.BAD_MESSAGE, CLOSE.MESSAGE_TOO_BIG]).toContain(code);
        s.ws.terminate();
        // The healthy clients still sync both ways.
        a.doc.getMap('widgets').set(`round${round}`, round);
        await waitFor(() => b.doc.getMap('widgets').get(`round${round}`) === round, `healthy clients to sync in round ${round}`, 5000);
      }),
      { numRuns: 150 },
    );
    expect(outcomes.get(CLOSE.BAD_MESSAGE) ?? 0).toBeGreaterThan(20);

    // The live document and the stored log agree, and the stored log still loads after a restart.
    await waitFor(() => snapshot(a.doc, ['widgets', 'notes']) === snapshot(b.doc, ['widgets', 'notes']), 'healthy replicas to match');
    const live = new Y.Doc();
    Y.applyUpdate(live, await t.server.snapshotDocument('ws-a'));
    a.destroy();
    b.destroy();
    await t.stop();
    const t2 = await startTestServer({ dataDir });
    const c = connectClient(t2.url, 'ws-a', (await t2.token('viewer', 'ws-a')).token);
    await c.synced();
    await waitFor(() => c.doc.getMap('widgets').get(`round${round}`) === round, 'restarted server to serve every healthy edit');
    expect(snapshot(c.doc, ['widgets'])).toBe(snapshot(live, ['widgets']));
  });
});
