/**
 * Automatic versions on real services: the cadence (a settle delay after a quiet spell, then at most
 * one per interval while edits keep coming, and the end state of a burst), the interval setting, a
 * version at close and at start when the document changed behind the app's back, and thinning out.
 * Time is driven with fake timers (setTimeout and Date only; everything else is real).
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../../main/services.js';
import { AUTO_VERSION_MINUTES_KEY } from '../../../main/collab/module.js';
import { DocLog } from '../../../main/docs/doc-log.js';
import { openStore } from '../../../main/store/db.js';
import { DAY_MS, HOUR_MS, versionsToPrune } from '../../../main/collab/versions/prune.js';
import { tempHome, testServices } from '../../helpers/home.js';

const MIN = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

async function workspace(svc: Services) {
  const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
  const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'D' });
  const rename = (name: string) => svc.dispatcher.call('dashboards.update', { workspaceId, dashboardId: dash.id, patch: { name } });
  const versions = () => svc.dispatcher.call('versions.list', { workspaceId });
  return { workspaceId, dashboardId: dash.id, rename, versions };
}

describe('automatic versions', () => {
  it('settles after a quiet spell, then takes at most one per interval while edits go on, and keeps the end of a burst', async () => {
    const svc = await testServices();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { rename, versions } = await workspace(svc);

    vi.advanceTimersByTime(29_000);
    expect(await versions()).toEqual([]);
    vi.advanceTimersByTime(2_000);
    let list = await versions();
    expect(list.map((v) => [v.kind, v.reason])).toEqual([['auto', 'edit']]);

    // Edits every minute for twenty minutes: one version per ten minutes (at 10:31 and 20:31), not one per edit.
    for (let i = 1; i <= 20; i++) {
      vi.advanceTimersByTime(MIN);
      await rename(`name ${i}`);
    }
    list = await versions();
    expect(list).toHaveLength(3);
    // The burst ended with name 20, just after the last version; the trailing version keeps it.
    vi.advanceTimersByTime(10 * MIN);
    list = await versions();
    expect(list).toHaveLength(4);
    const last = await svc.dispatcher.call('versions.get', { workspaceId: list[0]!.workspaceId, versionId: list[0]!.id });
    expect(last.dashboards[0]!.name).toBe('name 20');
    // Spaced at least ten minutes apart.
    const times = list.map((v) => Date.parse(v.createdAt)).reverse();
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(10 * MIN);

    // Nothing changes: no more versions, however long we wait.
    vi.advanceTimersByTime(5 * 60 * MIN);
    expect(await versions()).toHaveLength(4);

    // The interval is a setting.
    svc.core().settings.set(AUTO_VERSION_MINUTES_KEY, 2);
    await rename('after setting');
    vi.advanceTimersByTime(30_000);
    expect(await versions()).toHaveLength(5);
    await rename('soon after');
    vi.advanceTimersByTime(MIN);
    expect(await versions()).toHaveLength(5);
    vi.advanceTimersByTime(MIN);
    expect(await versions()).toHaveLength(6);
  });

  it('after an edit and its undo, the newest version holds the dashboard as the user sees it', async () => {
    const svc = await testServices();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { workspaceId, rename, versions } = await workspace(svc);
    vi.advanceTimersByTime(31_000);
    expect(await versions()).toHaveLength(1);
    await rename('typo');
    await svc.dispatcher.call('doc.undo', { workspaceId });
    vi.advanceTimersByTime(11 * MIN);
    // An undo is itself a new change to the document (Yjs re-inserts the old value), so a version may
    // follow; what matters is that it holds what the user sees.
    const list = await versions();
    const newest = await svc.dispatcher.call('versions.get', { workspaceId, versionId: list[0]!.id });
    expect(newest.dashboards[0]!.name).toBe('D');
  });

  it('saves a version at close, none at the next start when nothing changed, and one at start when the log changed behind its back', async () => {
    const home = tempHome();
    let svc = await createServices({ home, sample: false });
    const { workspaceId, rename } = await workspace(svc);
    await rename('closing state');
    await svc.close();

    svc = await createServices({ home, sample: false });
    let list = await svc.dispatcher.call('versions.list', { workspaceId });
    expect(list.map((v) => v.reason)).toEqual(['close']);
    await svc.close();

    // Another process (a CLI run that crashed before its close version) appended an update to the log.
    const store = openStore({ file: svc.paths.store, backupsDir: svc.paths.backups });
    const log = new DocLog(store.db);
    const doc = new Y.Doc();
    log.load(workspaceId, doc, 'load');
    const before = Y.encodeStateVector(doc);
    const dash = [...doc.getMap<Y.Map<unknown>>('dashboards').values()][0]!;
    dash.set('name', 'changed elsewhere');
    log.append(workspaceId, Y.encodeStateAsUpdate(doc, before));
    store.close();

    svc = await createServices({ home, sample: false });
    try {
      list = await svc.dispatcher.call('versions.list', { workspaceId });
      expect(list.map((v) => v.reason)).toEqual(['start', 'close']);
      const got = await svc.dispatcher.call('versions.get', { workspaceId, versionId: list[0]!.id });
      expect(got.dashboards[0]!.name).toBe('changed elsewhere');
    } finally {
      await svc.close();
    }
  });

  it('thins out old automatic versions and never touches named ones', async () => {
    const svc = await testServices();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { workspaceId, rename, versions } = await workspace(svc);
    vi.advanceTimersByTime(31_000);
    await svc.dispatcher.call('versions.create', { workspaceId, name: 'Keep me' });
    expect((await versions()).map((v) => v.kind)).toEqual(['named', 'auto']);
    // A hundred days later, the next automatic version drops the old automatic one.
    vi.setSystemTime(Date.now() + 100 * DAY_MS);
    await rename('much later');
    vi.advanceTimersByTime(31_000);
    const list = await versions();
    expect(list.map((v) => [v.kind, v.name ?? null])).toEqual([
      ['auto', null],
      ['named', 'Keep me'],
    ]);
  });
});

describe('which automatic versions are thinned out', () => {
  const now = 1_000 * DAY_MS;
  const auto = (id: string, ageMs: number) => ({ id, kind: 'auto' as const, createdMs: now - ageMs });

  it('keeps every version of the last day, the newest per hour for a week, per day for ninety days', () => {
    const versions = [
      auto('recent-1', 10 * MIN),
      auto('recent-2', 20 * MIN),
      auto('recent-3', 23 * HOUR_MS),
      // Two in the same hour two days ago: the newer stays.
      { id: 'h-new', kind: 'auto' as const, createdMs: Math.floor((now - 2 * DAY_MS) / HOUR_MS) * HOUR_MS + 50 * MIN },
      { id: 'h-old', kind: 'auto' as const, createdMs: Math.floor((now - 2 * DAY_MS) / HOUR_MS) * HOUR_MS + 10 * MIN },
      // Two on the same day thirty days ago: the newer stays.
      { id: 'd-new', kind: 'auto' as const, createdMs: Math.floor((now - 30 * DAY_MS) / DAY_MS) * DAY_MS + 20 * HOUR_MS },
      { id: 'd-old', kind: 'auto' as const, createdMs: Math.floor((now - 30 * DAY_MS) / DAY_MS) * DAY_MS + 2 * HOUR_MS },
      auto('ancient', 120 * DAY_MS),
      { id: 'named-ancient', kind: 'named' as const, createdMs: now - 400 * DAY_MS },
    ];
    expect(versionsToPrune(versions, now).sort()).toEqual(['ancient', 'd-old', 'h-old']);
  });

  it('caps the number of automatic versions, dropping the oldest', () => {
    const versions = Array.from({ length: 10 }, (_, i) => auto(`v${i}`, i * MIN));
    expect(versionsToPrune(versions, now, { keepAllMs: DAY_MS, hourlyUntilMs: 7 * DAY_MS, dailyUntilMs: 90 * DAY_MS, maxAuto: 7 }).sort()).toEqual(['v7', 'v8', 'v9']);
  });
});
