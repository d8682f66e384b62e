import type { RawValue } from '../types.js';

/** A record that could not be read as an object; the row checker turns it into a row issue. */
export class BadRecord {
  constructor(
    readonly reason: string,
    readonly value: string,
  ) {}
}

export type JsonRecord = Record<string, RawValue> | BadRecord;
