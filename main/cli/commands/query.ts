import type { Command } from 'commander';
import { AGGREGATIONS, FILTER_OPS, TIME_BUCKETS, type Aggregation, type Filter, type FilterOp, type TimeBucket, type WidgetQuery } from '../../../shared/model/query.js';
import { formatTable, makeOut, requireOption, UsageError, withServices, type GlobalOptions } from '../context.js';

interface QueryOpts {
  workspace?: string;
  dataset?: string;
  x?: string;
  bucket?: string;
  y?: string[];
  series?: string;
  filter?: string[];
  from?: string;
  to?: string;
  sort?: string;
  limit?: string;
  maxPoints?: string;
  query?: string;
  json?: boolean;
}

/** "sum:revenue" → {agg:'sum', field:'revenue'}; "count" → COUNT(*). */
export function parseMeasure(s: string): { agg: Aggregation; field?: string } {
  const [agg, ...rest] = s.split(':');
  if (!AGGREGATIONS.includes(agg as Aggregation)) throw new UsageError(`--y expects agg:field with agg one of ${AGGREGATIONS.join(', ')}; got "${s}"`);
  const field = rest.join(':');
  return field ? { agg: agg as Aggregation, field } : { agg: agg as Aggregation };
}

/** "channel=web", "revenue>=100", "region in north,south", "notes is_null". */
export function parseFilter(s: string): Filter {
  const word = /^(.+?)\s+(in|not_in|contains|between|is_null|not_null)(?:\s+(.*))?$/.exec(s);
  if (word) {
    const [, field, op, rest] = word;
    const list = (rest ?? '').split(',').map((v) => v.trim());
    if (op === 'is_null' || op === 'not_null') return { field: field!, op: op as FilterOp };
    if (op === 'contains') return { field: field!, op: 'contains', value: rest ?? '' };
    return { field: field!, op: op as FilterOp, value: list.map(coerce) };
  }
  const sym = /^(.+?)(>=|<=|!=|=|>|<)(.*)$/.exec(s);
  if (!sym) throw new UsageError(`--filter expects field=value, field>=value, "field in a,b" …; got "${s}"`);
  const ops: Record<string, FilterOp> = { '=': 'eq', '!=': 'neq', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };
  if (!FILTER_OPS.includes(ops[sym[2]!]!)) throw new UsageError(`unknown operator in "${s}"`);
  return { field: sym[1]!.trim(), op: ops[sym[2]!]!, value: coerce(sym[3]!.trim()) };
}

/** --limit and --max-points: a positive whole number, or bad usage (exit 2). */
function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} expects a positive whole number, got "${v}"`);
  return n;
}

function coerce(v: string): string | number | boolean {
  if (v === 'true' || v === 'false') return v === 'true';
  if (v !== '' && Number.isFinite(Number(v))) return Number(v);
  return v;
}

export function registerQuery(program: Command, globals: () => GlobalOptions): void {
  program
    .command('query')
    .description('Aggregate a dataset the way a widget does (SQL compiled and parameterised)')
    .option('--workspace <idOrName>', 'workspace id or name (required)')
    .option('--dataset <idOrName>', 'dataset id or name (required unless --query)')
    .option('--x <field>', 'group by this field (the x axis)')
    .option('--bucket <unit>', `time bucket for a datetime x: ${TIME_BUCKETS.join('|')}`)
    .option('--y <agg:field...>', `measures, e.g. sum:revenue count (aggs: ${AGGREGATIONS.join(', ')})`)
    .option('--series <field>', 'split into series by this field')
    .option('--filter <expr...>', 'e.g. channel=web "revenue>=100" "region in north,south"')
    .option('--from <iso>', 'time range start (inclusive)')
    .option('--to <iso>', 'time range end (exclusive)')
    .option('--sort <by:dir>', 'e.g. x:asc or "sum(revenue):desc"')
    .option('--limit <n>', 'at most n rows')
    .option('--max-points <n>', 'downsample each series to n points (LTTB)')
    .option('--query <json>', 'a full widget query as JSON (datasetId may be a name)')
    .option('--json', 'machine-readable output')
    .action(async (o: QueryOpts) => {
      const out = makeOut(!!(o.json ?? globals().json));
      const wsName = requireOption(o.workspace, '--workspace');
      if (o.bucket && !TIME_BUCKETS.includes(o.bucket as TimeBucket)) throw new UsageError(`--bucket must be one of ${TIME_BUCKETS.join(', ')}`);
      const limit = positiveInt(o.limit, '--limit');
      const maxPoints = positiveInt(o.maxPoints, '--max-points');
      await withServices(globals(), async (svc) => {
        const c = svc.core();
        const ws = c.workspaces.resolve(wsName);
        let query: WidgetQuery;
        if (o.query) {
          try {
            query = JSON.parse(o.query) as WidgetQuery;
          } catch {
            throw new UsageError('--query is not valid JSON');
          }
          query.datasetId = c.datasets.resolve(ws.id, query.datasetId).id;
        } else {
          const ds = c.datasets.resolve(ws.id, requireOption(o.dataset, '--dataset'));
          const [sortBy, sortDir] = (o.sort ?? '').split(/:(?=asc$|desc$)/);
          query = {
            datasetId: ds.id,
            y: (o.y ?? ['count']).map(parseMeasure),
            ...(o.x ? { x: { field: o.x, ...(o.bucket ? { bucket: o.bucket as TimeBucket } : {}) } } : {}),
            ...(o.series ? { series: o.series } : {}),
            filters: (o.filter ?? []).map(parseFilter),
            ...(o.from || o.to ? { dateRange: { preset: 'custom' as const, ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) } } : {}),
            ...(o.sort ? { sort: { by: sortBy!, dir: (sortDir ?? 'asc') as 'asc' | 'desc' } } : {}),
            ...(limit ? { limit } : {}),
            ...(maxPoints ? { maxPoints } : {}),
          };
        }
        const r = await svc.dispatcher.call('query.run', { workspaceId: ws.id, query });
        out.print(r, () => formatTable(r.columns.map((col) => col.name), r.rows.map((row) => row.map((v) => (v === null ? '' : typeof v === 'number' ? +v.toPrecision(12) : String(v))))));
      });
    });
}
