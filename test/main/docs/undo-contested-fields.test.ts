/**
 * Per-user undo when a colleague wrote the same field concurrently (yjs/yjs#514, see
 * main/docs/contested-fields.ts). Two WorkspaceDocs on their own stores exchange updates by hand, so
 * which write wins (the higher Yjs client id) is chosen by the test instead of by chance — through the
 * sync server (test/main/sync/undo.test.ts) each ordering happens about half the time.
 */
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DashboardsService } from '../../../main/dashboards/dashboards-service.js';
import { DocLog } from '../../../main/docs/doc-log.js';
import { WorkspaceDocs } from '../../../main/docs/workspace-docs.js';
import { EventBus } from '../../../main/events.js';
import { openStore } from '../../../main/store/db.js';
import { tempHome } from '../../helpers/home.js';

const WS = 'w';
const REMOTE = Symbol('remote');

function replica(clientID: number) {
  const home = tempHome();
  const store = openStore({ file: path.join(home, 's.sqlite'), backupsDir: path.join(home, 'b') });
  store.db.prepare("INSERT INTO workspaces (id, name, is_sample, created_at, updated_at) VALUES (?, 'W', 0, 'now', 'now')").run(WS);
  const docs = new WorkspaceDocs(new DocLog(store.db, 1000), new EventBus());
  docs.get(WS).clientID = clientID; // before the first write; decides who wins a concurrent write
  return { docs, dashboards: new DashboardsService(docs), doc: docs.get(WS) };
}

type Replica = ReturnType<typeof replica>;

/** Both replicas send each other what the other lacks, as the sync server would. */
function exchange(a: Replica, b: Replica): void {
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), REMOTE);
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), REMOTE);
  expect(a.doc.getMap('dashboards').toJSON()).toEqual(b.doc.getMap('dashboards').toJSON());
}

/** A (undoing) and B (colleague), B's dashboard already on both. */
function pair(aWins: boolean) {
  const a = replica(aWins ? 200 : 100);
  const b = replica(aWins ? 100 : 200);
  const dash = b.dashboards.create(WS, 'Original');
  exchange(a, b);
  return { a, b, id: dash.id };
}

describe('undo against a concurrent write of the same field by a colleague', () => {
  for (const aWins of [true, false]) {
    describe(aWins ? "A's concurrent write won" : "B's concurrent write won", () => {
      it("different fields (both edits also write updatedAt): undo takes back A's rename, keeps B's edit and the dashboard", () => {
        const { a, b, id } = pair(aWins);
        a.dashboards.update(WS, id, { name: 'Renamed by A' });
        b.dashboards.update(WS, id, { description: 'Described by B' }); // before A's rename reached B
        exchange(a, b);
        a.docs.undo(WS);
        exchange(a, b);
        for (const r of [a, b]) {
          expect(r.dashboards.get(WS, id)).toMatchObject({ name: 'Original', description: 'Described by B' });
          expect(r.dashboards.list(WS).map((d) => d.id)).toEqual([id]);
        }
        // Redo brings the rename back.
        a.docs.redo(WS);
        exchange(a, b);
        for (const r of [a, b]) expect(r.dashboards.get(WS, id)).toMatchObject({ name: 'Renamed by A', description: 'Described by B' });
      });

      it('the same field: undo never empties it; it keeps the value that won, and the dashboard stays', () => {
        const { a, b, id } = pair(aWins);
        a.dashboards.update(WS, id, { name: 'A' });
        b.dashboards.update(WS, id, { name: 'B' });
        exchange(a, b);
        const winner = aWins ? 'A' : 'B';
        for (const r of [a, b]) expect(r.dashboards.get(WS, id).name).toBe(winner);
        a.docs.undo(WS);
        exchange(a, b);
        // The value before A's edit ('Original') would overwrite B's concurrent change, and B's losing value is
        // gone; so the field is not undone either way.
        for (const r of [a, b]) expect(r.dashboards.get(WS, id).name).toBe(winner);
      });

      it('an earlier contested step, undone after a later step of A', () => {
        const { a, b, id } = pair(aWins);
        a.dashboards.update(WS, id, { name: 'Renamed by A' });
        b.dashboards.update(WS, id, { description: 'Described by B' });
        exchange(a, b);
        a.dashboards.update(WS, id, { name: 'Renamed again by A' });
        exchange(a, b);
        a.docs.undo(WS);
        a.docs.undo(WS);
        exchange(a, b);
        for (const r of [a, b]) expect(r.dashboards.get(WS, id)).toMatchObject({ name: 'Original', description: 'Described by B' });
      });
    });
  }

  it("undo still removes what A's step created (nothing was there before)", () => {
    const { a, b, id } = pair(true);
    const w = a.dashboards.addWidget(WS, id, { type: 'kpi', query: { datasetId: 'none', y: [{ field: 'x', agg: 'count' }] } });
    b.dashboards.update(WS, id, { description: 'Described by B' }); // concurrent updatedAt again
    exchange(a, b);
    a.docs.undo(WS);
    exchange(a, b);
    for (const r of [a, b]) {
      const dash = r.dashboards.get(WS, id);
      expect(dash.widgets).toEqual([]);
      expect(dash.layout).toEqual({});
      expect(dash.description).toBe('Described by B');
      expect(r.doc.getMap('widgets').has(w.id)).toBe(false);
    }
  });
});
