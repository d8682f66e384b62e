import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIME_BUCKETS, type TimeBucket } from '../../../shared/model/query.js';
import { bucketSql, parseIsoMs } from '../../../main/query/time.js';
import { jsBucket } from './fixtures.js';

function sqlBuckets(values: number[], bucket: TimeBucket): number[] {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (i INTEGER PRIMARY KEY, v INTEGER)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  for (const v of values) ins.run(v);
  const out = (db.prepare(`SELECT ${bucketSql('v', bucket)} AS b FROM t ORDER BY i`).all() as { b: number }[]).map((r) => r.b);
  db.close();
  return out;
}

const iso = (s: string) => Date.parse(s);

describe('UTC time buckets in SQL', () => {
  it('match the JavaScript oracle at week, month, quarter and year boundaries, leap days and before 1970', () => {
    const cases: [string, TimeBucket, string][] = [
      ['2024-02-29T23:59:59.999Z', 'day', '2024-02-29T00:00:00.000Z'],
      ['2024-02-29T12:00:00Z', 'month', '2024-02-01T00:00:00.000Z'],
      ['2024-03-01T00:00:00Z', 'month', '2024-03-01T00:00:00.000Z'],
      ['2024-02-29T12:00:00Z', 'week', '2024-02-26T00:00:00.000Z'], // Thursday → Monday 26th
      ['2024-03-03T23:59:59Z', 'week', '2024-02-26T00:00:00.000Z'], // Sunday belongs to the week before
      ['2024-03-04T00:00:00Z', 'week', '2024-03-04T00:00:00.000Z'], // Monday starts a week
      ['2021-01-01T10:00:00Z', 'week', '2020-12-28T00:00:00.000Z'], // ISO week 53 of 2020 crosses the year
      ['2024-03-31T23:59:59.999Z', 'quarter', '2024-01-01T00:00:00.000Z'],
      ['2024-04-01T00:00:00Z', 'quarter', '2024-04-01T00:00:00.000Z'],
      ['2024-12-31T23:59:59.999Z', 'quarter', '2024-10-01T00:00:00.000Z'],
      ['2023-12-31T23:59:59.999Z', 'year', '2023-01-01T00:00:00.000Z'],
      ['1969-12-31T23:59:59.999Z', 'day', '1969-12-31T00:00:00.000Z'],
      ['1969-12-31T23:59:59.999Z', 'month', '1969-12-01T00:00:00.000Z'],
      ['1969-12-31T23:59:59.999Z', 'week', '1969-12-29T00:00:00.000Z'],
      ['1970-01-01T00:30:00Z', 'hour', '1970-01-01T00:00:00.000Z'],
      ['2000-02-29T05:59:59Z', 'quarter', '2000-01-01T00:00:00.000Z'],
    ];
    for (const [at, bucket, want] of cases) {
      expect(new Date(sqlBuckets([iso(at)], bucket)[0]!).toISOString(), `${bucket} of ${at}`).toBe(want);
      expect(new Date(jsBucket(iso(at), bucket)).toISOString()).toBe(want);
    }
  });

  it('agree with the oracle on random timestamps from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }), { minLength: 1, maxLength: 200 }), fc.constantFrom(...TIME_BUCKETS), (values, bucket) => {
        expect(sqlBuckets(values, bucket)).toEqual(values.map((v) => jsBucket(v, bucket)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('ISO parsing for filters and ranges', () => {
  it('reads dates and date-times as UTC unless an offset is given', () => {
    expect(parseIsoMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoMs('2024-02-29T10:15')).toBe(Date.UTC(2024, 1, 29, 10, 15));
    expect(parseIsoMs('2024-02-29 10:15:30.250')).toBe(Date.UTC(2024, 1, 29, 10, 15, 30, 250));
    expect(parseIsoMs('2024-02-29T10:15:00+02:00')).toBe(Date.UTC(2024, 1, 29, 8, 15));
    expect(parseIsoMs('2024-02-29T10:15:00-0530')).toBe(Date.UTC(2024, 1, 29, 15, 45));
  });

  it('refuses what is not a real ISO date', () => {
    for (const bad of ['2023-02-29', '2024-13-01', 'yesterday', '01/02/2024', '2024-01-01T25:00', "2024-01-01'; DROP TABLE datasets; --"]) expect(parseIsoMs(bad), bad).toBeNull();
  });
});
