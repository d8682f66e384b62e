/**
 * Token strings: `udsync_<id>_<secret>`, id = 8 random bytes (hex, public: listed, logged, used to
 * revoke), secret = 32 random bytes (hex, shown once). Only SHA-256(secret) is stored. A plain
 * SHA-256 is enough (no slow KDF) because the secret is 256 random bits, not a password; the digests
 * are compared in constant time. The fixed prefix lets secret scanners recognise leaked tokens.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_RE = /^udsync_([0-9a-f]{16})_([0-9a-f]{64})$/;
/** Matches a token anywhere in a text (used to redact logs). */
export const TOKEN_IN_TEXT = /udsync_([0-9a-f]{16})_[0-9a-f]{64}/g;

export interface NewSecret {
  id: string;
  token: string;
  secretHash: string;
}

export function newTokenSecret(): NewSecret {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('hex');
  return { id, token: `udsync_${id}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseToken(token: string): { id: string; secret: string } | null {
  const m = TOKEN_RE.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export function hashSecret(secretHex: string): string {
  return createHash('sha256').update(Buffer.from(secretHex, 'hex')).digest('hex');
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** A digest to compare against when the id is unknown, so both paths cost the same. */
export const DUMMY_DIGEST = hashSecret('00'.repeat(32));
