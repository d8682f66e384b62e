import type { Command } from 'commander';
import type { DatasetMeta } from '../../../shared/model/dataset.js';
import { formatTable, makeOut, requireOption, withServices, type GlobalOptions } from '../context.js';

/** `udash workspaces`, `udash datasets`, `udash dashboards`: read-only listings. */
export function registerListing(program: Command, globals: () => GlobalOptions): void {
  program
    .command('workspaces')
    .description('List local workspaces')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const out = makeOut(!!(o.json ?? globals().json));
      await withServices(globals(), async (svc) => {
        const list = await svc.dispatcher.call('workspaces.list', {});
        out.print(list, () => formatTable(['ID', 'NAME', 'SAMPLE'], list.map((w) => [w.id, w.name, w.isSample ? 'yes' : ''])));
      });
    });

  program
    .command('datasets')
    .description('List datasets (of one workspace, or of all)')
    .option('--workspace <idOrName>', 'workspace id or name')
    .option('--json', 'machine-readable output')
    .action(async (o: { workspace?: string; json?: boolean }) => {
      const out = makeOut(!!(o.json ?? globals().json));
      await withServices(globals(), async (svc) => {
        const c = svc.core();
        const spaces = o.workspace ? [c.workspaces.resolve(o.workspace)] : c.workspaces.list();
        const rows: (DatasetMeta & { workspaceName: string })[] = [];
        for (const ws of spaces) for (const d of await svc.dispatcher.call('datasets.list', { workspaceId: ws.id })) rows.push({ ...d, workspaceName: ws.name });
        out.print(rows, () =>
          formatTable(
            ['WORKSPACE', 'NAME', 'ROWS', 'COLUMNS', 'TIME COLUMN', 'ID'],
            rows.map((d) => [d.workspaceName, d.name, d.rowCount, d.columns.map((col) => `${col.name}:${col.type}`).join(', '), d.timeColumn ?? '', d.id]),
          ),
        );
      });
    });

  program
    .command('dashboards')
    .description('List the dashboards of a workspace')
    .option('--workspace <idOrName>', 'workspace id or name (required)')
    .option('--json', 'machine-readable output')
    .action(async (o: { workspace?: string; json?: boolean }) => {
      const out = makeOut(!!(o.json ?? globals().json));
      const wsName = requireOption(o.workspace, '--workspace');
      await withServices(globals(), async (svc) => {
        const ws = svc.core().workspaces.resolve(wsName);
        const list = await svc.dispatcher.call('dashboards.list', { workspaceId: ws.id });
        const rows = list.map((d) => ({ ...d, widgetCount: Object.keys(d.layout).length }));
        out.print(rows, () => formatTable(['ID', 'NAME', 'WIDGETS', 'UPDATED'], rows.map((d) => [d.id, d.name, d.widgetCount, d.updatedAt])));
      });
    });
}
