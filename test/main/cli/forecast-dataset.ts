/** A workspace dataset of AirPassengers (datetime + integer columns) written straight through the store's repos. */
import fs from 'node:fs';
import path from 'node:path';
import { ident } from '../../../main/store/datasets-repo.js';
import type { Services } from '../../../main/services.js';

export function addAirPassengers(svc: Services, extra: { name?: string; text?: boolean } = {}): { workspaceId: string; datasetId: string } {
  const c = svc.core();
  const ws = c.workspaces.create('Forecasting');
  const rec = c.datasets.create({
    workspaceId: ws.id,
    name: extra.name ?? 'air',
    source: { kind: 'csv', file: 'AirPassengers.csv' },
    columns: [
      { name: 'month', type: 'datetime' },
      { name: 'passengers', type: 'integer' },
      { name: 'note', type: 'text' },
    ],
    timeColumn: 'month',
  });
  const lines = fs.readFileSync(path.resolve(__dirname, '../../fixtures/forecast/AirPassengers.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  const insert = c.store.db.prepare(`INSERT INTO ${ident(rec.tableName)} (c0, c1, c2) VALUES (?, ?, ?)`);
  c.store.db.transaction(() => {
    // Stored newest first, so the handler's ORDER BY is what puts them in time order.
    for (const line of [...lines].reverse()) {
      const [period, value] = line.split(',');
      const [y, m] = period!.split('-').map(Number);
      insert.run(Date.UTC(y!, m! - 1, 1), Number(value), 'x');
    }
  })();
  c.datasets.updateAfterWrite(rec);
  return { workspaceId: ws.id, datasetId: rec.id };
}
