import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueColumnNames } from '../../../main/import/columns.js';
import { inferType } from '../../../main/import/infer/infer.js';
import { isNullMarker, parseBoolean, parseInteger, parseNumber } from '../../../main/import/infer/values.js';

describe('value recognisers', () => {
  it('parse integers strictly', () => {
    expect(parseInteger('42')).toBe(42);
    expect(parseInteger('-7')).toBe(-7);
    expect(parseInteger('0')).toBe(0);
    for (const bad of ['007', '1.0', '1e3', '0x10', '', '-', '12a', '99999999999999999']) expect(parseInteger(bad), bad).toBeUndefined();
  });

  it('parse decimals to exactly what Number() gives', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = String(x);
        if (/^-?0\d/.test(s) || s.includes('Infinity')) return;
        expect(parseNumber(s)).toBe(Number(s));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 6 }), (m, k) => {
        const s = k === 0 ? String(m) : `${Math.floor(m / 10 ** k)}.${String(m % 10 ** k).padStart(k, '0')}`;
        expect(parseNumber(s)).toBe(Number(s));
      }),
    );
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e-3')).toBe(0.001);
    for (const bad of ['', '.', '-', '1e', '1.2.3', 'Infinity', '0x1F', ' 1', '01.5']) expect(parseNumber(bad), bad).toBeUndefined();
  });

  it('read booleans and null markers', () => {
    expect(['true', 'Yes', 'Y', 't', 'TRUE'].map((s) => parseBoolean(s))).toEqual([true, true, true, true, true]);
    expect(['false', 'No', 'n', 'F'].map((s) => parseBoolean(s))).toEqual([false, false, false, false]);
    expect(parseBoolean('1')).toBeUndefined();
    expect(parseBoolean('1', true)).toBe(true);
    expect(['', 'NULL', 'N/A', '#N/A', 'NaN', '\\N'].every(isNullMarker)).toBe(true);
    expect(isNullMarker('Nancy')).toBe(false);
  });
});

describe('type inference', () => {
  it('picks the most specific type that fits, tolerating a few misfits', () => {
    expect(inferType(['1', '2', '3']).type).toBe('integer');
    expect(inferType(['1', '2.5', '3']).type).toBe('number');
    expect(inferType(['yes', 'no', 'YES']).type).toBe('boolean');
    expect(inferType(['0', '1', '1']).type).toBe('integer');
    expect(inferType(['2024-01-01', '2024-01-02']).type).toBe('datetime');
    expect(inferType(['a', '1']).type).toBe('text');
    // One typo among many numbers: still a number column (the typo becomes a row issue).
    expect(inferType(['1', '2', '3', '4', '5', 'x6']).type).toBe('integer');
    // Zip codes with leading zeros stay text.
    expect(inferType(['02134', '10001', '00501', '02139']).type).toBe('text');
    // Empty values and null markers do not decide the type.
    expect(inferType(['', 'NA', '3', '4'])).toMatchObject({ type: 'integer', nullCount: 2, sample: ['3', '4'] });
    expect(inferType(['', null]).type).toBe('text');
  });

  it('uses typed values from JSON and Excel as they are', () => {
    expect(inferType([1, 2, 3]).type).toBe('integer');
    expect(inferType([1, 2.5]).type).toBe('number');
    expect(inferType([true, false]).type).toBe('boolean');
    expect(inferType([new Date(0), new Date(1)]).type).toBe('datetime');
  });

  it('honours explicit types and date formats', () => {
    expect(inferType(['1', '2'], { type: 'text' }).type).toBe('text');
    expect(inferType(['05/01/2024'], { type: 'datetime' })).toMatchObject({ type: 'datetime', dateFormat: 'DD/MM/YYYY' });
    expect(inferType(['05/01/2024', '06/01/2024'], { dateFormat: 'MM/DD/YYYY' })).toMatchObject({ type: 'datetime', dateFormat: 'MM/DD/YYYY' });
  });
});

describe('column names', () => {
  it('makes names unique and names empty headers by position', () => {
    expect(uniqueColumnNames(['id', 'name', '', 'name', ' price ', 'name_2', 'name'])).toEqual([
      { name: 'id' },
      { name: 'name' },
      { name: 'column_3', renamedFrom: '' },
      { name: 'name_3', renamedFrom: 'name' },
      { name: 'price' },
      { name: 'name_2' },
      { name: 'name_4', renamedFrom: 'name' },
    ]);
  });
});
