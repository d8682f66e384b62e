/**
 * The first-start sample workspace: when the store has no workspace, create "Sample workspace",
 * import assets/sample-data/*.csv through the real import pipeline, and build the "Business overview"
 * dashboard. Runs at the start of every entry point (app, `udash serve`, CLI), so it is quick
 * (~0.2 s) and idempotent: the workspace is claimed in an immediate transaction (two processes
 * starting together create it once), and a run cut short (crash) is finished by the next start.
 * A failure here is logged and never stops the app from opening.
 */
import path from 'node:path';
import { assetsDir } from '../assets.js';
import type { Services } from '../services.js';
import { businessOverviewWidgets, SAMPLE_DASHBOARD_DESCRIPTION, SAMPLE_DASHBOARD_NAME, type SampleDatasets } from './business-overview.js';

export const SAMPLE_WORKSPACE_NAME = 'Sample workspace';
/** Set while the sample is being built: { workspaceId, pid }; removed when it is complete. */
const PENDING_KEY = 'sample.pending';

export const SAMPLE_FILES: { key: keyof SampleDatasets; file: string; name: string }[] = [
  { key: 'sales', file: 'sales.csv', name: 'Sales' },
  { key: 'traffic', file: 'web_traffic.csv', name: 'Web traffic' },
  { key: 'tickets', file: 'support_tickets.csv', name: 'Support tickets' },
];

interface Pending {
  workspaceId: string;
  pid: number;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Creates the sample workspace if the store is empty, or takes over an unfinished one whose builder died. */
function claim(svc: Services): string | null {
  const c = svc.core();
  return c.store.db
    .transaction((): string | null => {
      const pending = c.settings.get<Pending>(PENDING_KEY);
      if (c.workspaces.count() === 0) {
        const ws = c.workspaces.create(SAMPLE_WORKSPACE_NAME, { isSample: true });
        c.settings.set(PENDING_KEY, { workspaceId: ws.id, pid: process.pid } satisfies Pending);
        return ws.id;
      }
      if (!pending) return null;
      const exists = c.workspaces.list().some((w) => w.id === pending.workspaceId);
      if (!exists) {
        c.settings.delete(PENDING_KEY);
        return null;
      }
      if (processAlive(pending.pid) && pending.pid !== process.pid) return null;
      c.settings.set(PENDING_KEY, { workspaceId: pending.workspaceId, pid: process.pid } satisfies Pending);
      return pending.workspaceId;
    })
    .immediate();
}

async function build(svc: Services, workspaceId: string): Promise<void> {
  const c = svc.core();
  const dir = path.join(assetsDir(), 'sample-data');
  const ids = {} as SampleDatasets;
  for (const f of SAMPLE_FILES) {
    const existing = c.datasets.findByName(workspaceId, f.name);
    ids[f.key] =
      existing?.id ??
      (await svc.dispatcher.call('import.commit', { workspaceId, source: { path: path.join(dir, f.file) }, name: f.name, mode: 'create', onError: 'abort', taskId: `sample-${f.key}-${process.pid}` }))
        .dataset.id;
  }
  if (!c.dashboards.list(workspaceId).some((d) => d.name === SAMPLE_DASHBOARD_NAME)) {
    const dash = c.dashboards.create(workspaceId, SAMPLE_DASHBOARD_NAME, { description: SAMPLE_DASHBOARD_DESCRIPTION });
    for (const w of businessOverviewWidgets(ids)) c.dashboards.addWidget(workspaceId, dash.id, w.draft, w.layout);
  }
  c.settings.delete(PENDING_KEY);
}

export async function ensureSampleWorkspace(svc: Services): Promise<void> {
  try {
    const workspaceId = claim(svc);
    if (!workspaceId) return;
    const t0 = performance.now();
    await build(svc, workspaceId);
    svc.log.info(`sample workspace ready in ${Math.round(performance.now() - t0)} ms`);
    svc.events.emit('workspaces.changed', {});
  } catch (e) {
    svc.log.error('The sample workspace could not be created', e);
  }
}
