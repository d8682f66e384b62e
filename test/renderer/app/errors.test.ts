import { describe, expect, it } from 'vitest';
import { UdashError } from '../../../shared/errors.js';
import { errorField, errorMessage } from '../../../renderer/src/app/errors.js';

describe('error helpers', () => {
  it('strips the call envelope from a BAD_INPUT path so a form can find its control', () => {
    expect(errorField(new UdashError('BAD_INPUT', 'x', {}, ['query', 'y', 0, 'field']))).toBe('y.0.field');
    expect(errorField(new UdashError('BAD_INPUT', 'x', {}, ['widget', 'query', 'x', 'bucket']))).toBe('x.bucket');
    expect(errorField(new UdashError('BAD_INPUT', 'x', {}, ['name']))).toBe('name');
  });
  it('falls back to the field or column named in the details', () => {
    expect(errorField(new UdashError('BAD_DATA', 'x', { column: 'price' }))).toBe('price');
    expect(errorField(new Error('plain'))).toBeUndefined();
  });
  it('shows UdashError messages as they are and never an empty message', () => {
    expect(errorMessage(new UdashError('NOT_FOUND', 'No dashboard with id "x"'))).toBe('No dashboard with id "x"');
    expect(errorMessage('weird')).toBe('Something went wrong.');
  });
});
