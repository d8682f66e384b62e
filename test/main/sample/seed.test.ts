import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services.js';
import { SAMPLE_FILES, SAMPLE_WORKSPACE_NAME } from '../../../main/sample/seed.js';
import { WIDGET_TYPES } from '../../../shared/model/dashboard.js';

const homes: string[] = [];
const open: Services[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  // The logger opens its file asynchronously; removing the folder first makes that open fail later.
  for (const h of homes) for (let i = 0; i < 50 && !fs.existsSync(path.join(h, 'logs', 'udash.log')); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 20));
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true });
});

function home(): string {
  const h = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-sample-'));
  homes.push(h);
  return h;
}

async function start(h: string): Promise<Services> {
  const svc = await createServices({ home: h, sample: true });
  open.push(svc);
  return svc;
}

function csvRows(file: string): number {
  return fs.readFileSync(path.join(process.cwd(), 'assets', 'sample-data', file), 'utf8').trim().split('\n').length - 1;
}

describe('sample workspace', () => {
  it('is created on the first start with the sample datasets and a dashboard using every widget type', async () => {
    const t0 = performance.now();
    const svc = await start(home());
    const ms = performance.now() - t0;
    process.stderr.write(`first start with sample: ${Math.round(ms)} ms\n`);
    const spaces = await svc.dispatcher.call('workspaces.list', {});
    expect(spaces).toHaveLength(1);
    expect(spaces[0]).toMatchObject({ name: SAMPLE_WORKSPACE_NAME, isSample: true });
    const workspaceId = spaces[0]!.id;

    const datasets = await svc.dispatcher.call('datasets.list', { workspaceId });
    expect(datasets.map((d) => d.name).sort()).toEqual(SAMPLE_FILES.map((f) => f.name).sort());
    for (const f of SAMPLE_FILES) {
      const d = datasets.find((x) => x.name === f.name)!;
      expect(d.rowCount).toBe(csvRows(f.file));
      expect(d.timeColumn).toBe('date');
    }
    const sales = datasets.find((d) => d.name === 'Sales')!;
    expect(sales.columns.map((c) => [c.name, c.type])).toEqual([
      ['date', 'datetime'],
      ['region', 'text'],
      ['orders', 'integer'],
      ['units', 'integer'],
      ['revenue', 'number'],
    ]);

    const dashboards = await svc.dispatcher.call('dashboards.list', { workspaceId });
    expect(dashboards.map((d) => d.name)).toEqual(['Business overview']);
    const dash = await svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId: dashboards[0]!.id });
    const types = new Set(dash.widgets.map((w) => w.type));
    for (const t of WIDGET_TYPES.filter((t) => t !== 'scatter')) expect(types.has(t), `a ${t} widget`).toBe(true);
    expect(dash.widgets.find((w) => w.type === 'kpi')!.options.compare).toBe('previous_period');
    // Layout items never overlap.
    const items = Object.values(dash.layout);
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!;
        const b = items[j]!;
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }

    // Every widget's query runs against the imported data and returns rows.
    for (const w of dash.widgets) {
      const result = await svc.dispatcher.call('widgets.data', { workspaceId, dashboardId: dash.id, widgetId: w.id });
      expect(result.rows.length, w.title).toBeGreaterThan(0);
    }
  });

  it('is idempotent: later starts (and a store that already has workspaces) add nothing', async () => {
    const h = home();
    const first = await start(h);
    await first.close();
    open.length = 0;
    const again = await start(h);
    const spaces = await again.dispatcher.call('workspaces.list', {});
    expect(spaces).toHaveLength(1);
    expect(await again.dispatcher.call('datasets.list', { workspaceId: spaces[0]!.id })).toHaveLength(SAMPLE_FILES.length);
    expect(await again.dispatcher.call('dashboards.list', { workspaceId: spaces[0]!.id })).toHaveLength(1);
  });

  it('finishes a sample whose builder died half-way', async () => {
    const h = home();
    const first = await start(h);
    const [ws] = await first.dispatcher.call('workspaces.list', {});
    const sales = first.core().datasets.findByName(ws!.id, 'Sales')!;
    // Simulate a crash after the first import: one dataset and the dashboard are missing, the marker remains.
    await first.dispatcher.call('datasets.delete', { workspaceId: ws!.id, datasetId: sales.id });
    for (const d of first.core().dashboards.list(ws!.id)) first.core().dashboards.delete(ws!.id, d.id);
    first.core().settings.set('sample.pending', { workspaceId: ws!.id, pid: 999_999_999 });
    await first.close();
    open.length = 0;
    const again = await start(h);
    expect((await again.dispatcher.call('datasets.list', { workspaceId: ws!.id })).map((d) => d.name)).toContain('Sales');
    expect(await again.dispatcher.call('dashboards.list', { workspaceId: ws!.id })).toHaveLength(1);
    expect(again.core().settings.get('sample.pending')).toBeUndefined();
  });

  it('is not created when sampling is off', async () => {
    const svc = await createServices({ home: home(), sample: false });
    open.push(svc);
    expect(await svc.dispatcher.call('workspaces.list', {})).toEqual([]);
  });
});
