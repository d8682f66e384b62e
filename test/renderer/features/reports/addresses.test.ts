import { describe, expect, it } from 'vitest';
import { checkAddress, checkAddressList, splitAddresses } from '../../../../renderer/src/features/reports/model/addresses.js';

describe('addresses as typed', () => {
  it('accepts what the save schema accepts and names what it refuses', () => {
    expect(checkAddress('  ann@acme.test ')).toEqual({ ok: true, address: 'ann@acme.test' });
    expect(checkAddress('Bob Partner <bob@partner.test>')).toEqual({ ok: true, address: 'bob@partner.test' });
    const bad = checkAddress('not-an-address');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.message).toBe('“not-an-address” is not a valid email address');
    expect(checkAddress('a@b').ok).toBe(false);
  });

  it('splits pasted lists on commas, semicolons and lines, never inside <…>', () => {
    expect(splitAddresses('a@x.io, "Doe, Jane" <jane@x.io>;b@x.io\n\nc@x.io,')).toEqual(['a@x.io', '"Doe, Jane" <jane@x.io>', 'b@x.io', 'c@x.io']);
    expect(checkAddress('"Doe, Jane" <jane@x.io>')).toEqual({ ok: true, address: 'jane@x.io' });
    expect(splitAddresses('Jane <jane@x.io>, <odd,one@x.io>')).toEqual(['Jane <jane@x.io>', '<odd,one@x.io>']);
  });

  it('adds the good ones once, skipping those already present, and returns the refused ones', () => {
    const r = checkAddressList('ann@acme.test, ANN@acme.test; boss@acme.test, nope, x@y', ['boss@acme.test']);
    expect(r.added).toEqual(['ann@acme.test']);
    expect(r.refused.map((x) => x.input)).toEqual(['nope', 'x@y']);
  });
});
