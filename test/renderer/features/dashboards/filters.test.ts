import { describe, expect, it } from 'vitest';
import { describeFilter, exclusiveEnd, inclusiveEnd, opsFor, parseFilterValue } from '../../../../renderer/src/features/dashboards/filters.js';

describe('filter editing', () => {
  it('converts typed text to the value type of the column', () => {
    expect(parseFilterValue('eq', ' 42 ', 'integer')).toBe(42);
    expect(parseFilterValue('eq', 'yes', 'boolean')).toBe(true);
    expect(parseFilterValue('in', 'North, South ,', 'text')).toEqual(['North', 'South']);
    expect(parseFilterValue('between', '10 and 20', 'number')).toEqual([10, 20]);
    expect(parseFilterValue('between', '2025-01-01, 2025-02-01', 'datetime')).toEqual(['2025-01-01', '2025-02-01']);
    expect(parseFilterValue('is_null', 'ignored', 'text')).toBeUndefined();
  });
  it('says what is wrong with a value', () => {
    expect(() => parseFilterValue('gt', 'abc', 'number')).toThrow('"abc" is not a number');
    expect(() => parseFilterValue('between', '5', 'number')).toThrow(/two values/);
    expect(() => parseFilterValue('eq', '  ', 'text')).toThrow(/Enter a value/);
  });
  it('offers operators that fit the column type', () => {
    expect(opsFor('text')).toContain('contains');
    expect(opsFor('number')).not.toContain('contains');
    expect(opsFor('boolean')).toEqual(['eq', 'neq', 'is_null', 'not_null']);
  });
  it('describes filters for chips', () => {
    expect(describeFilter({ field: 'region', op: 'in', value: ['N', 'S'] })).toBe('region is one of N, S');
    expect(describeFilter({ field: 'price', op: 'between', value: [1, 2] })).toBe('price between 1 and 2');
    expect(describeFilter({ field: 'note', op: 'is_null' })).toBe('note is empty');
  });
  it('shows custom ranges with an inclusive end and stores an exclusive one', () => {
    expect(exclusiveEnd('2025-02-28')).toBe('2025-03-01');
    expect(inclusiveEnd('2025-03-01')).toBe('2025-02-28');
    expect(inclusiveEnd(exclusiveEnd('2024-12-31'))).toBe('2024-12-31');
    expect(exclusiveEnd('')).toBeUndefined();
  });
});
