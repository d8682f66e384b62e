/**
 * Signed, self-contained tracking tokens: base64url(JSON claim) "." base64url(HMAC-SHA256). The app
 * signs them when it sends a report; the tracking endpoints verify them with the same key, so the
 * server needs no database of links, and a token cannot be forged or altered (a changed redirect
 * target, recipient or expiry breaks the signature). Used by main/ (signing) and this module (checking).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TrackingClaim =
  /** Open pixel: workspace, run, delivery (one recipient). */
  | { k: 'o'; w: string; r: string; d: string }
  /** Click redirect to u. */
  | { k: 'c'; w: string; r: string; d: string; u: string }
  /** Download of stored report file f until exp (ms); d when it was sent to one tracked recipient. */
  | { k: 'f'; w: string; r: string; f: string; exp: number; d?: string }
  /** Pull a workspace's events until exp. */
  | { k: 'e'; w: string; exp: number }
  /** Upload report file f until exp. */
  | { k: 'u'; w: string; f: string; exp: number };

const b64 = (b: Buffer) => b.toString('base64url');

function mac(body: string, key: Buffer | string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

export function signClaim(claim: TrackingClaim, key: Buffer | string): string {
  const body = b64(Buffer.from(JSON.stringify(claim), 'utf8'));
  return `${body}.${b64(mac(body, key))}`;
}

/** The claim when the signature is right and it has not expired; null otherwise. */
export function verifyClaim(token: string, key: Buffer | string, now = Date.now()): TrackingClaim | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 8192) return null;
  const body = token.slice(0, dot);
  const sig = Buffer.from(token.slice(dot + 1), 'base64url');
  const want = mac(body, key);
  if (sig.length !== want.length || !timingSafeEqual(sig, want)) return null;
  let claim: TrackingClaim;
  try {
    claim = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TrackingClaim;
  } catch {
    return null;
  }
  if (typeof claim !== 'object' || claim === null || typeof claim.k !== 'string' || typeof claim.w !== 'string') return null;
  if ('exp' in claim && (typeof claim.exp !== 'number' || claim.exp < now)) return null;
  return claim;
}

export const SEVEN_DAYS_MS = 7 * 24 * 3600_000;
