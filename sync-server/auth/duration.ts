import { UdashError } from '../../shared/errors.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 };
/** Tokens live at most ten years: "never expires" is not offered, so a forgotten token still dies. */
export const MAX_TOKEN_LIFETIME_MS = 10 * UNITS.y!;
export const DEFAULT_TOKEN_LIFETIME = '90d';

/** Parses a lifetime such as `30d`, `12h`, `2w`, `1y` into milliseconds. */
export function parseDuration(text: string, field = 'expires'): number {
  const m = /^(\d{1,6})\s*([mhdwy])$/.exec(text.trim());
  if (!m) throw new UdashError('BAD_INPUT', `${field} "${text}" is not a duration such as 30m, 12h, 30d, 2w or 1y`, { field });
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  if (ms <= 0) throw new UdashError('BAD_INPUT', `${field} must be longer than zero`, { field });
  if (ms > MAX_TOKEN_LIFETIME_MS) throw new UdashError('BAD_INPUT', `${field} "${text}" is longer than the ten-year maximum`, { field });
  return ms;
}
