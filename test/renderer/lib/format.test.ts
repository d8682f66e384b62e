import { describe, expect, it } from 'vitest';
import { formatBucket, formatCell, formatNumber, relativeChange, toTime } from '../../../renderer/src/lib/format.js';

describe('formatting', () => {
  it('reads ISO text and epoch milliseconds as times, and nothing else', () => {
    expect(toTime('2025-03-04T00:00:00.000Z')).toBe(Date.UTC(2025, 2, 4));
    expect(toTime(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(toTime('North')).toBeNull();
    expect(toTime('12')).toBeNull();
    expect(toTime(null)).toBeNull();
  });
  it('names buckets the way people do', () => {
    // Local midnight so the label does not depend on the machine's time zone.
    const t = new Date(2025, 4, 17).getTime();
    expect(formatBucket(t, 'year')).toBe('2025');
    expect(formatBucket(t, 'quarter')).toBe('Q2 2025');
    expect(formatBucket(t, 'month')).toBe('May 2025');
    expect(formatBucket(t, 'day')).toBe('May 17, 2025');
    expect(formatBucket('East', 'month')).toBe('East');
    expect(formatBucket(null, undefined)).toBe('(empty)');
  });
  it('formats numbers by the widget format and shows missing values as a dash', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(0.256, 'percent')).toBe(new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(0.256));
    expect(formatNumber(12_345_678)).toBe(new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(12_345_678));
    expect(formatNumber('abc')).toBe('abc');
  });
  it('shows table cells exactly', () => {
    expect(formatCell(1234567.25)).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 }).format(1234567.25));
    expect(formatCell(true)).toBe('true');
    expect(formatCell(null)).toBe('—');
  });
  it('computes relative change only against a non-zero base', () => {
    expect(relativeChange(120, 100)).toBeCloseTo(0.2);
    expect(relativeChange(80, -100)).toBeCloseTo(1.8);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 3)).toBeNull();
  });
});
