import { describe, expect, it } from 'vitest';
import { columnDateParser, compileDateFormat, detectDateFormat, ISO_8601 } from '../../../main/import/infer/dates.js';

const utc = (s: string) => Date.parse(s);

describe('date parsing', () => {
  it('reads ISO 8601 with and without time and zone; zone-less values are UTC', () => {
    expect(ISO_8601.parse('2024-02-29')).toBe(utc('2024-02-29T00:00:00Z'));
    expect(ISO_8601.parse('2024-02-29T13:45')).toBe(utc('2024-02-29T13:45:00Z'));
    expect(ISO_8601.parse('2024-02-29 13:45:10')).toBe(utc('2024-02-29T13:45:10Z'));
    expect(ISO_8601.parse('2024-02-29T13:45:10.123Z')).toBe(utc('2024-02-29T13:45:10.123Z'));
    expect(ISO_8601.parse('2024-02-29T13:45:10.5+02:00')).toBe(utc('2024-02-29T11:45:10.500Z'));
    expect(ISO_8601.parse('2024-02-29T13:45:10-0530')).toBe(utc('2024-02-29T19:15:10Z'));
    expect(ISO_8601.parse('1969-12-31T23:59:59Z')).toBe(-1000);
  });

  it('refuses impossible dates and malformed text', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-01T24:00', '2024-01-01T10:60', '2024-1-5', '2024-01-01x', 'hello', '2024-01-01T10:00:00+25:00']) {
      expect(ISO_8601.parse(bad), bad).toBeUndefined();
    }
  });

  it('agrees with Date.UTC across centuries (days-from-civil arithmetic)', () => {
    for (const [y, m, d] of [
      [1600, 3, 1],
      [1900, 2, 28],
      [2000, 2, 29],
      [2100, 12, 31],
      [1970, 1, 1],
    ] as const) {
      const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(ISO_8601.parse(s), s).toBe(Date.UTC(y, m - 1, d));
    }
  });

  it('compiles explicit formats, with an optional time when the format has none', () => {
    const dmy = compileDateFormat('DD/MM/YYYY');
    expect(dmy.parse('05/01/2024')).toBe(utc('2024-01-05T00:00:00Z'));
    expect(dmy.parse('5/1/2024 14:30')).toBe(utc('2024-01-05T14:30:00Z'));
    expect(dmy.parse('31/02/2024')).toBeUndefined();
    const us = compileDateFormat('MM/DD/YYYY hh:mm A');
    expect(us.parse('01/05/2024 02:30 PM')).toBe(utc('2024-01-05T14:30:00Z'));
    expect(us.parse('01/05/2024 12:05 AM')).toBe(utc('2024-01-05T00:05:00Z'));
    expect(compileDateFormat('YYYY-MM-DD HH:mm').parse('2024-01-05 09:07')).toBe(utc('2024-01-05T09:07:00Z'));
    expect(compileDateFormat('D MMM YYYY').parse('7 Mar 2025')).toBe(utc('2025-03-07T00:00:00Z'));
    expect(compileDateFormat('DD.MM.YYYY HH:mm:ss Z').parse('07.03.2025 10:00:00 +01:00')).toBe(utc('2025-03-07T09:00:00Z'));
    expect(() => compileDateFormat('HH:mm')).toThrow(/needs at least a year and a month/);
  });

  it('detects the format from the values, telling day-first from month-first', () => {
    expect(detectDateFormat(['01/02/2024', '13/02/2024'])?.format).toBe('DD/MM/YYYY');
    expect(detectDateFormat(['01/02/2024', '02/13/2024'])?.format).toBe('MM/DD/YYYY');
    // All ambiguous: day-first is the documented default.
    expect(detectDateFormat(['01/02/2024', '03/04/2024'])?.format).toBe('DD/MM/YYYY');
    expect(detectDateFormat(['2024-01-05', '2024-01-06T10:00Z'])).toEqual({ format: 'ISO 8601', fits: 2 });
    expect(detectDateFormat(['Jan 5, 2024', 'Feb 29, 2024'])?.format).toBe('MMM D, YYYY');
    expect(detectDateFormat(['apple', 'pear'])).toBeNull();
  });

  it('a datetime column always accepts ISO values besides its own format', () => {
    const p = columnDateParser('DD/MM/YYYY');
    expect(p.parse('2024-01-05')).toBe(utc('2024-01-05T00:00:00Z'));
    expect(p.parse('05/01/2024')).toBe(utc('2024-01-05T00:00:00Z'));
    expect(p.parse('Jan 5 2024')).toBeUndefined();
  });
});
