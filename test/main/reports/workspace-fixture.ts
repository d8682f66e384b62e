/**
 * A workspace with real data through the real pipeline: a CSV imported with import.commit, a dashboard
 * of four widgets created through the contract, and the reports module configured for tests (fake or
 * real clock, short mail retries, a vault-file secret store).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WidgetQuery } from '../../../shared/model/query.js';
import type { Services } from '../../../main/services.js';
import { reportsOf, type ReportsModule, type ReportsOptions } from '../../../main/reports/module.js';
import { createSecretStore } from '../../../main/vault/secrets.js';
import { testServices } from '../../helpers/home.js';

export const REGIONS = ['North', 'South', 'East', 'West'];

/** 120 days of sales from 2026-01-01, four regions, with a jump in the last week. */
export function salesCsv(): string {
  const lines = ['date,region,revenue,orders'];
  for (let d = 0; d < 120; d++) {
    const date = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
    REGIONS.forEach((r, i) => {
      const revenue = 1000 + i * 250 + (d % 7) * 40 + (d >= 113 ? 2500 : 0);
      lines.push(`${date},${r},${revenue},${10 + i + (d % 5)}`);
    });
  }
  return lines.join('\n') + '\n';
}

export interface ReportWorkspace {
  svc: Services;
  m: ReportsModule;
  workspaceId: string;
  dashboardId: string;
  widgetIds: string[];
}

export async function reportWorkspace(opts: ReportsOptions = {}): Promise<ReportWorkspace> {
  const svc = await testServices();
  const m = reportsOf(svc, {
    secrets: createSecretStore({ home: svc.paths.home, platform: svc.platform, env: { UDASH_VAULT_KEY: 'test vault passphrase', UDASH_SECRETS: 'vault' } }),
    mailRetry: { attempts: 2, baseDelayMs: 20 },
    ...opts,
  });
  const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'Acme' });
  const csv = path.join(svc.paths.home, 'sales.csv');
  fs.writeFileSync(csv, salesCsv());
  const { dataset } = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: csv }, name: 'Sales' });
  const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'Sales overview' });
  const q = (extra: Omit<WidgetQuery, 'datasetId'>): WidgetQuery => ({ datasetId: dataset.id, ...extra });
  const widgets = [
    { title: 'Revenue', type: 'kpi' as const, query: q({ y: [{ agg: 'sum', field: 'revenue' }] }), options: { format: 'currency' as const } },
    { title: 'Revenue by day', type: 'line' as const, query: q({ x: { field: 'date', bucket: 'day' }, y: [{ agg: 'sum', field: 'revenue' }] }), options: { format: 'currency' as const } },
    { title: 'Orders by region', type: 'bar' as const, query: q({ x: { field: 'region' }, y: [{ agg: 'sum', field: 'orders' }] }), options: {} },
    { title: 'Regions', type: 'table' as const, query: q({ x: { field: 'region' }, y: [{ agg: 'sum', field: 'revenue' }, { agg: 'sum', field: 'orders' }] }), options: {} },
  ];
  const widgetIds: string[] = [];
  for (const w of widgets) widgetIds.push((await svc.dispatcher.call('widgets.create', { workspaceId, dashboardId: dash.id, widget: w })).id);
  return { svc, m, workspaceId, dashboardId: dash.id, widgetIds };
}

export async function configureSmtp(svc: Services, port: number): Promise<void> {
  await svc.dispatcher.call('mail.settings.set', { smtp: { host: '127.0.0.1', port, from: 'reports@acme.test', fromName: 'Acme Reports' } });
}
