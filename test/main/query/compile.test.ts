import { describe, expect, it } from 'vitest';
import { UdashError } from '../../../shared/errors.js';
import { WidgetQuery, type WidgetQuery as WidgetQueryInput } from '../../../shared/model/query.js';
import { compileWidgetQuery } from '../../../main/query/compile.js';
import type { DatasetRecord } from '../../../main/store/datasets-repo.js';

const rec: DatasetRecord = {
  id: 'ds1',
  workspaceId: 'w1',
  name: 'Sales',
  source: { kind: 'csv' },
  columns: [
    { name: 'date', key: 'c0', type: 'datetime' },
    { name: 'channel', key: 'c1', type: 'text' },
    { name: 'revenue', key: 'c2', type: 'number' },
    { name: 'units', key: 'c3', type: 'integer' },
    { name: 'returned', key: 'c4', type: 'boolean' },
  ],
  rowCount: 0,
  timeColumn: 'date',
  createdAt: '',
  updatedAt: '',
  tableName: 'ds_0123456789abcdef',
};

const compile = (q: Omit<WidgetQueryInput, 'datasetId'>) => compileWidgetQuery(WidgetQuery.parse({ datasetId: 'ds1', ...q }), rec, { latest: () => Date.UTC(2024, 5, 15, 13) });

function failure(q: Omit<WidgetQueryInput, 'datasetId'>): UdashError {
  try {
    compile(q);
  } catch (e) {
    if (e instanceof UdashError) return e;
    throw e;
  }
  throw new Error('expected the query to be refused');
}

describe('compiling widget queries to SQL', () => {
  it('uses generated identifiers and binds every value', () => {
    const c = compile({
      x: { field: 'date', bucket: 'month' },
      y: [{ agg: 'sum', field: 'revenue' }, { agg: 'count' }],
      series: 'channel',
      filters: [{ field: 'channel', op: 'in', value: ['web', 'store'] }, { field: 'revenue', op: 'gte', value: 10 }],
      dateRange: { preset: 'custom', from: '2024-01-01', to: '2024-07-01' },
      limit: 50,
    });
    expect(c.sql).toContain('FROM "ds_0123456789abcdef"');
    expect(c.sql).toMatch(/SUM\("c2"\) AS m0, COUNT\(\*\) AS m1/);
    expect(c.sql).toContain('GROUP BY x, s ORDER BY x ASC, s ASC LIMIT ?');
    expect(c.sql).not.toMatch(/web|store|revenue|channel|2024/);
    expect(c.params).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1), 'web', 'store', 10, 50]);
  });

  it('names the missing column, where it was and what exists', () => {
    const e = failure({ x: { field: 'date', bucket: 'day' }, y: [{ agg: 'sum', field: 'revenu' }] });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.path).toEqual(['query', 'y', 0, 'field']);
    expect(e.message).toContain('"revenu"');
    expect(e.message).toContain('query.y[0].field');
    expect(e.message).toContain('"revenue"');
    expect(e.details.available).toEqual(['date', 'channel', 'revenue', 'units', 'returned']);

    expect(failure({ x: { field: 'day' }, y: [{ agg: 'count' }] }).path).toEqual(['query', 'x', 'field']);
    expect(failure({ series: 'chanel', y: [{ agg: 'count' }] }).path).toEqual(['query', 'series']);
    expect(failure({ y: [{ agg: 'count' }], filters: [{ field: 'x', op: 'eq', value: 1 }] }).path).toEqual(['query', 'filters', 0, 'field']);
  });

  it('checks aggregations against column types', () => {
    const sumText = failure({ y: [{ agg: 'sum', field: 'channel' }] });
    expect(sumText.message).toMatch(/SUM needs a numeric column; "channel" is text/);
    expect(sumText.path).toEqual(['query', 'y', 0, 'agg']);
    expect(failure({ y: [{ agg: 'avg', field: 'date' }] }).message).toMatch(/AVG needs a numeric column/);
    expect(failure({ y: [{ agg: 'max' }] }).path).toEqual(['query', 'y', 0, 'field']);
    expect(failure({ x: { field: 'channel', bucket: 'day' }, y: [{ agg: 'count' }] }).path).toEqual(['query', 'x', 'bucket']);
    expect(failure({ y: [{ agg: 'count' }, { agg: 'count' }] }).message).toMatch(/both named "count\(\*\)"/);
    // MIN/MAX and COUNT work on any column; result types follow.
    const ok = compile({ y: [{ agg: 'min', field: 'date' }, { agg: 'max', field: 'channel' }, { agg: 'count_distinct', field: 'channel' }, { agg: 'sum', field: 'returned' }, { agg: 'avg', field: 'units' }] });
    expect(ok.resolved.measures.map((m) => m.type)).toEqual(['datetime', 'text', 'integer', 'integer', 'number']);
  });

  it('checks filter values against column types', () => {
    expect(failure({ y: [{ agg: 'count' }], filters: [{ field: 'revenue', op: 'gt', value: 'lots' }] }).message).toMatch(/needs a number/);
    expect(failure({ y: [{ agg: 'count' }], filters: [{ field: 'date', op: 'gte', value: 'last tuesday' }] }).path).toEqual(['query', 'filters', 0, 'value']);
    expect(failure({ y: [{ agg: 'count' }], filters: [{ field: 'units', op: 'contains', value: '1' }] }).message).toMatch(/contains filter needs a text column/);
    expect(failure({ y: [{ agg: 'count' }], filters: [{ field: 'units', op: 'between', value: [1] }] }).message).toMatch(/two values/);
    expect(failure({ y: [{ agg: 'count' }], filters: [{ field: 'units', op: 'in', value: [] }] }).message).toMatch(/at least one value/);
    expect(failure({ y: [{ agg: 'count' }], filters: [{ field: 'units', op: 'eq', value: null }] }).message).toMatch(/is_null/);
    expect(failure({ y: [{ agg: 'count' }], filters: [{ field: 'returned', op: 'eq', value: 'yes' }] }).message).toMatch(/true or false/);
    expect(failure({ y: [{ agg: 'count' }], dateRange: { preset: 'custom', from: '2024-02-01', to: '2024-01-01' } }).path).toEqual(['query', 'dateRange']);
    expect(failure({ y: [{ agg: 'count' }], dateRange: { preset: 'custom', from: 'soon' } }).path).toEqual(['query', 'dateRange', 'from']);
  });

  it('refuses to sort by something that is not in the result', () => {
    const e = failure({ x: { field: 'channel' }, y: [{ agg: 'sum', field: 'revenue', as: 'total' }], sort: { by: 'revenue', dir: 'desc' } });
    expect(e.path).toEqual(['query', 'sort', 'by']);
    expect(e.details.available).toEqual(['x', 'channel', 'total']);
    expect(compile({ x: { field: 'channel' }, y: [{ agg: 'sum', field: 'revenue', as: 'total' }], sort: { by: 'total', dir: 'desc' } }).sql).toContain('ORDER BY m0 DESC, x ASC');
  });

  it('turns presets into whole UTC days ending with the latest timestamp', () => {
    const r = (preset: 'last_7d' | 'ytd') => compile({ y: [{ agg: 'count' }], dateRange: { preset } }).resolved.range;
    expect(r('last_7d')).toMatchObject({ from: Date.UTC(2024, 5, 9), to: Date.UTC(2024, 5, 16) });
    expect(r('ytd')).toMatchObject({ from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 5, 16) });
  });

  it('keeps injection attempts out of the SQL text', () => {
    const evil = 'revenue"); DROP TABLE datasets; --';
    expect(failure({ y: [{ agg: 'sum', field: evil }] }).details.field).toBe(evil);
    const c = compile({ y: [{ agg: 'count', as: 'n"; DROP TABLE x; --' }], filters: [{ field: 'channel', op: 'eq', value: "web'; DROP TABLE datasets; --" }] });
    expect(c.sql).not.toContain('DROP');
    expect(c.params).toContain("web'; DROP TABLE datasets; --");
  });
});
