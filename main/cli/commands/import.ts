import path from 'node:path';
import type { Command } from 'commander';
import { COLUMN_TYPES, type ColumnType } from '../../../shared/model/dataset.js';
import { makeOut, requireOption, UsageError, withServices, type GlobalOptions } from '../context.js';

interface ImportOpts {
  workspace?: string;
  dataset?: string;
  mode?: string;
  format?: string;
  delimiter?: string;
  encoding?: string;
  sheet?: string;
  type?: string[];
  dateFormat?: string[];
  quote?: string;
  timeColumn?: string;
  onError?: string;
  noHeader?: boolean;
  header?: boolean;
  json?: boolean;
}

function parseTypes(list: string[] = []): Record<string, ColumnType> {
  const out: Record<string, ColumnType> = {};
  for (const item of list) {
    const i = item.lastIndexOf('=');
    const name = item.slice(0, i);
    const type = item.slice(i + 1) as ColumnType;
    if (i <= 0 || !COLUMN_TYPES.includes(type)) throw new UsageError(`--type expects column=${COLUMN_TYPES.join('|')}, got "${item}"`);
    out[name] = type;
  }
  return out;
}

function parseDateFormats(list: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0 || i === item.length - 1) throw new UsageError(`--date-format expects column=FORMAT (e.g. day=DD/MM/YYYY), got "${item}"`);
    out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

export function registerImport(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import <file>')
    .description('Import a CSV, JSON/NDJSON or XLSX file into a dataset (one transaction)')
    .option('--workspace <idOrName>', 'workspace id or name (required)')
    .option('--dataset <name>', 'dataset name (default: the file name)')
    .option('--mode <mode>', 'create | append | replace', 'create')
    .option('--format <format>', 'csv | json | xlsx (default: from the extension and content)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected among , ; TAB |)')
    .option('--quote <char>', 'CSV quote character (default: detected, " or \')')
    .option('--encoding <name>', 'text encoding (default: detected)')
    .option('--sheet <name>', 'XLSX sheet (default: the first)')
    .option('--type <column=type...>', 'override a column type: integer|number|boolean|datetime|text')
    .option('--date-format <column=format...>', 'read a datetime column in this format, e.g. day=DD/MM/YYYY (tokens YYYY MM DD HH mm ss)')
    .option('--time-column <name>', 'the time column (default: the first datetime column)')
    .option('--on-error <what>', 'skip bad rows or abort the import', 'abort')
    .option('--no-header', 'the first row is data, not column names')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: ImportOpts) => {
      const out = makeOut(!!(o.json ?? globals().json));
      const wsName = requireOption(o.workspace, '--workspace');
      if (!['create', 'append', 'replace'].includes(o.mode ?? '')) throw new UsageError('--mode must be create, append or replace');
      if (!['skip', 'abort'].includes(o.onError ?? '')) throw new UsageError('--on-error must be skip or abort');
      if (o.format && !['csv', 'json', 'xlsx'].includes(o.format)) throw new UsageError('--format must be csv, json or xlsx');
      if (o.quote !== undefined && o.quote.length !== 1) throw new UsageError('--quote must be a single character');
      const types = parseTypes(o.type);
      const dateFormats = parseDateFormats(o.dateFormat);
      await withServices(globals(), async (svc) => {
        const ws = svc.core().workspaces.resolve(wsName);
        const name = o.dataset ?? path.basename(file).replace(/\.[^.]+$/, '');
        const taskId = `cli-import-${process.pid}`;
        const showProgress = !out.json && process.stderr.isTTY;
        const off = svc.events.on('progress', (p) => {
          if (showProgress && p.taskId === taskId) process.stderr.write(`\r${p.phase}: ${p.done.toLocaleString()}${p.total ? ` / ${p.total.toLocaleString()}` : ''} rows   `);
        });
        try {
          const result = await svc.dispatcher.call('import.commit', {
            workspaceId: ws.id,
            source: { path: path.resolve(file) },
            name,
            mode: o.mode as 'create' | 'append' | 'replace',
            onError: o.onError as 'skip' | 'abort',
            taskId,
            options: {
              ...(o.format ? { format: o.format as 'csv' | 'json' | 'xlsx' } : {}),
              ...(o.delimiter ? { delimiter: o.delimiter === '\\t' || o.delimiter === 'TAB' ? '\t' : o.delimiter } : {}),
              ...(o.quote ? { quote: o.quote } : {}),
              ...(o.encoding ? { encoding: o.encoding } : {}),
              ...(o.sheet ? { sheet: o.sheet } : {}),
              ...(o.timeColumn ? { timeColumn: o.timeColumn } : {}),
              hasHeader: o.header !== false,
              types,
              dateFormats,
            },
          });
          if (showProgress) process.stderr.write('\n');
          out.print(
            { datasetId: result.dataset.id, name: result.dataset.name, rowCount: result.dataset.rowCount, inserted: result.inserted, skipped: result.skipped, issueCount: result.issueCount, issues: result.issues, elapsedMs: result.elapsedMs },
            () =>
              [
                `Imported ${result.inserted.toLocaleString()} rows into "${result.dataset.name}" (${result.dataset.rowCount.toLocaleString()} rows in all) in ${Math.round(result.elapsedMs)} ms.`,
                ...(result.skipped ? [`Skipped ${result.skipped} bad rows:`, ...result.issues.slice(0, 20).map((i) => `  row ${i.row}, column "${i.column}": ${i.reason} (value "${i.value}")`)] : []),
              ].join('\n'),
          );
        } finally {
          off();
        }
      });
    });
}
