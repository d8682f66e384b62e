/** CSV input for the CLI: numbers only, missing markers, text refused with its row (header = row 1), dates. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numericCsvColumn, numericCsvColumnNames, readCsv, timeCsvColumn } from '../../../main/analytics/csv-columns.js';

function csv(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'udash-csv-')), 'data.csv');
  fs.writeFileSync(file, text);
  return file;
}

describe('csv columns', () => {
  it('reads numbers, treats empty/NA/null as missing and finds the numeric columns', () => {
    const t = readCsv(csv('\uFEFFa, b ,c\n1,2,x\n,NA,y\n-3.5e2,null,z\n'));
    expect(t.fields).toEqual(['a', 'b', 'c']);
    expect(Array.from(numericCsvColumn(t, 'a').values)).toEqual([1, NaN, -350]);
    expect(numericCsvColumnNames(t)).toEqual(['a', 'b']);
  });
  it('refuses text and overflowing numbers with the file row', () => {
    const t = readCsv(csv('a,b\n1,2\n3,abc\n1e999,4\n'));
    expect(() => numericCsvColumn(t, 'b')).toThrow(/column "b" has a value that is not a number at row 3: "abc"/);
    expect(() => numericCsvColumn(t, 'a')).toThrow(/at row 4: "1e999"/);
  });
  it('parses YYYY-MM, YYYY-Qn and ISO dates as UTC times, numbers as numbers', () => {
    const t = readCsv(csv('m,q,d,n\n1960-01,1960-Q1,2024-03-01,5\n1960-02,1960-Q2,2024-03-02 12:00,6\n'));
    expect(timeCsvColumn(t, 'm')).toMatchObject({ kind: 'datetime' });
    expect(Array.from(timeCsvColumn(t, 'm').column.values)).toEqual([Date.UTC(1960, 0, 1), Date.UTC(1960, 1, 1)]);
    expect(Array.from(timeCsvColumn(t, 'q').column.values)).toEqual([Date.UTC(1960, 0, 1), Date.UTC(1960, 3, 1)]);
    expect(timeCsvColumn(t, 'd').column.values[1]).toBe(Date.UTC(2024, 2, 2, 12));
    expect(timeCsvColumn(t, 'n').kind).toBe('number');
    const bad = readCsv(csv('t\n2024-01-01\nyesterday\n'));
    expect(() => timeCsvColumn(bad, 't')).toThrow(/neither a date nor a number at row 3: "yesterday"/);
  });
});
