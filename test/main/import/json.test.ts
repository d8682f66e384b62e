import { describe, expect, it } from 'vitest';
import { isUdashError, type UdashError } from '../../../shared/errors.js';
import { allRows, importEnv } from './helpers.js';

async function failure(p: Promise<unknown>): Promise<UdashError> {
  try {
    await p;
  } catch (e) {
    if (isUdashError(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const records = [
  { id: 1, at: '2024-05-01T08:00:00Z', user: { name: 'Ann', address: { city: 'Oslo' } }, tags: ['a', 'b'], score: 9.5, active: true },
  { id: 2, at: '2024-05-02T09:30:00Z', user: { name: 'Bob', address: { city: 'Rome' } }, tags: [], score: 7, active: false, note: null },
];

describe('JSON import', () => {
  it('imports an array of objects, flattening nested objects to dot keys and keeping arrays as JSON text', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('users.json', JSON.stringify(records, null, 2));
    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
    expect(p.format).toBe('json');
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'integer'],
      ['at', 'datetime'],
      ['user.name', 'text'],
      ['user.address.city', 'text'],
      ['tags', 'text'],
      ['score', 'number'],
      ['active', 'boolean'],
      ['note', 'text'],
    ]);
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Users' });
    expect(allRows(svc, workspaceId, r.dataset.id)).toEqual([
      [1, '2024-05-01T08:00:00.000Z', 'Ann', 'Oslo', '["a","b"]', 9.5, true, null],
      [2, '2024-05-02T09:30:00.000Z', 'Bob', 'Rome', '[]', 7, false, null],
    ]);
  });

  it('imports NDJSON, numbering issues by line', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify({ ...records[i % 2], id: i + 1 }));
    const file = write('events.ndjson', [...lines.slice(0, 5), '', ...lines.slice(5), '{"id": "eleven"}', 'not json', '[1,2]'].join('\n'));
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Events', onError: 'skip' });
    expect(r.inserted).toBe(10);
    expect(r.dataset.columns.find((c) => c.name === 'id')!.type).toBe('integer');
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [12, 'id'],
      [13, '(record)'],
      [14, '(record)'],
    ]);
    expect(r.issues[1]!.reason).toMatch(/not valid JSON/);
    expect(r.issues[2]!.reason).toMatch(/is an array, not an object/);
  });

  it('reports keys that appear only after the sampled records, and array items that are not objects', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const items: unknown[] = Array.from({ length: 1200 }, (_, i) => ({ n: i }));
    items[1100] = { n: 1100, surprise: 'late' };
    items[1150] = 42;
    const file = write('late.json', JSON.stringify(items));
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Late', onError: 'skip' });
    expect(r.inserted).toBe(1198);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [1101, 'surprise'],
      [1151, '(record)'],
    ]);
  });

  it('refuses JSON that is not an array of objects or NDJSON, saying which shapes it expected', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const cases: [string, string, RegExp][] = [
      ['scalar.json', '42', /not an array of objects or NDJSON/],
      ['single.json', '{\n  "data": [1, 2]\n}\n', /spanning several lines/],
      ['text.json', '"hello"', /not an array of objects or NDJSON: it starts with/],
      ['truncated.json', '{"a": ', /single JSON object, not a list of records/],
      ['numbers.json', '[1, 2, 3]', /not a list of records: item 1 is a number/],
      ['broken.json', '[{"a": 1}, {"a": ]', /not valid JSON/],
    ];
    for (const [name, content, message] of cases) {
      const e = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: write(name, content) }, name: name }));
      expect(e.code, name).toBe('BAD_DATA');
      expect(e.message, name).toMatch(message);
      expect(e.details.file, name).toBe(name);
    }
    expect(await svc.dispatcher.call('datasets.list', { workspaceId })).toEqual([]);
  });
});
