import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/db.js';
import { DocLog } from '../../../main/docs/doc-log.js';
import { tempHome } from '../../helpers/home.js';

describe('DocLog', () => {
  it('appends updates, compacts to one row, and reloads the same state', () => {
    const home = tempHome();
    const store = openStore({ file: path.join(home, 's.sqlite'), backupsDir: path.join(home, 'b') });
    store.db.prepare("INSERT INTO workspaces VALUES ('w', 'W', 0, 'now', 'now')").run();
    const log = new DocLog(store.db, 10);
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => {
      log.append('w', u);
      if (log.shouldCompact('w')) log.compact('w', doc);
    });
    const m = doc.getMap<number>('m');
    for (let i = 0; i < 25; i++) m.set(`k${i}`, i);
    expect(log.count('w')).toBeLessThanOrEqual(11);
    const again = new Y.Doc();
    log.load('w', again, 'load');
    expect(again.getMap('m').toJSON()).toEqual(m.toJSON());
    store.close();
  });
});
