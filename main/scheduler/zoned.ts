/**
 * Local calendar fields of an instant in an IANA time zone, and the instant of a local date and time.
 * Intl does the zone arithmetic; croner resolves local times (including the DST gap and overlap) the
 * same way it does for schedules, so a shifted run and a natural run agree.
 */
import { Cron } from 'croner';

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday */
  weekday: number;
  /** YYYY-MM-DD */
  ymd: string;
  /** HH:MM */
  hm: string;
}

/** Formatters are costly to build and immutable, so one per zone is kept for the process. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function localParts(d: Date, tz: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(d)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { year, month, day, hour, minute, weekday: WEEKDAYS[parts.weekday!] ?? 0, ymd: `${year}-${pad(month)}-${pad(day)}`, hm: `${pad(hour)}:${pad(minute)}` };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Weekday (0 = Sunday) of a calendar date, independent of any zone. */
export function weekdayOf(ymd: string): number {
  return new Date(`${ymd}T00:00:00Z`).getUTCDay();
}

export function addDays(ymd: string, days: number): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The instant of a local date and time in a zone. A time inside the spring-forward gap resolves to the
 * first valid time after the gap; a repeated time (fall back) resolves to its first occurrence.
 */
export function zonedInstant(ymd: string, hm: string, tz: string): Date {
  const job = new Cron(`${ymd}T${hm}:00`, { timezone: tz, paused: true, allowPast: true });
  const at = job.nextRun(new Date(Date.UTC(Number(ymd.slice(0, 4)) - 1, 0, 1)));
  job.stop();
  if (!at) throw new Error(`Cannot resolve ${ymd} ${hm} in ${tz}`);
  return at;
}
