import { describe, expect, it } from 'vitest';
import { chunkRanges, CHUNK_BYTES } from '../../../../../renderer/src/features/data/import/upload.js';
import { datasetNameFromFile, effectiveOptions, formatBytes } from '../../../../../renderer/src/features/data/import/options.js';

describe('import helpers', () => {
  it('cuts a file into ~1 MB chunks that cover it exactly', () => {
    expect(chunkRanges(0)).toEqual([]);
    expect(chunkRanges(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    const r = chunkRanges(CHUNK_BYTES * 2 + 1);
    expect(r).toHaveLength(3);
    expect(r.at(-1)).toEqual([CHUNK_BYTES * 2, CHUNK_BYTES * 2 + 1]);
  });
  it('names a dataset after its file', () => {
    expect(datasetNameFromFile('/tmp/Sales_2024.csv')).toBe('Sales 2024');
    expect(datasetNameFromFile('C:\\data\\orders.xlsx')).toBe('orders');
    expect(datasetNameFromFile('.csv')).toBe('Imported data');
  });
  it('sends only the options the user set, so main detects the rest', () => {
    expect(effectiveOptions({ delimiter: undefined, encoding: '', types: { a: 'text' } })).toEqual({ hasHeader: true, types: { a: 'text' }, dateFormats: {} });
    expect(effectiveOptions({ delimiter: ';', sheet: 'Q1', timeColumn: 'day', hasHeader: false })).toMatchObject({ delimiter: ';', sheet: 'Q1', timeColumn: 'day', hasHeader: false });
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
