/**
 * What the reports list says about a report at a glance: when it runs next, and the states that need
 * attention (paused, flagged because its dashboard or template is gone, late, an ended schedule,
 * nobody to send to). Derived from the ReportDetail main answers; pure and unit-tested.
 */
import type { ReportDetail } from '../../../../../shared/contract/reports.js';
import type { ReportProblem } from '../../../../../shared/model/report.js';
import { formatWhen, relativeTime } from './format.js';

export type BadgeKind = 'paused' | 'flagged' | 'late' | 'ended' | 'warning';

export interface StateBadge {
  kind: BadgeKind;
  label: string;
  /** The explanation (tooltip and screen-reader text). */
  detail: string;
}

/** Problems that need the author's attention (shown as "Flagged"). */
const BLOCKING: ReportProblem['code'][] = ['DASHBOARD_MISSING', 'WIDGET_MISSING', 'TEMPLATE_MISSING', 'GROUP_MISSING'];

/** Whether its schedules are stopped: a schedule the scheduler flagged, or a dashboard that is gone (main says they "will not run until then"). */
export function isStopped(r: ReportDetail): boolean {
  return r.schedules.some((s) => s.flag) || r.problems.some((p) => p.code === 'DASHBOARD_MISSING');
}
/** A next run this far in the past means the run is overdue (the machine slept, or the run is waiting). */
const OVERDUE_MS = 60_000;

export function reportBadges(r: ReportDetail, now: number): StateBadge[] {
  const out: StateBadge[] = [];
  if (r.paused) out.push({ kind: 'paused', label: 'Paused', detail: 'Paused: its schedules do not run until it is resumed.' });
  const flags = [...new Set(r.schedules.map((s) => s.flag).filter((f): f is string => !!f))];
  const blocking = r.problems.filter((p) => BLOCKING.includes(p.code));
  if (flags.length || blocking.length) out.push({ kind: 'flagged', label: 'Flagged', detail: [...new Set([...blocking.map((p) => p.message), ...flags])].join(' ') });
  const overdue = !r.paused && !isStopped(r) && r.nextRunAt !== null && Date.parse(r.nextRunAt) < now - OVERDUE_MS;
  if (overdue) out.push({ kind: 'late', label: 'Late', detail: `Was due ${formatWhen(r.nextRunAt)}; it runs once as soon as the app can.` });
  else if (r.lastRun?.late) out.push({ kind: 'late', label: 'Ran late', detail: r.lastRun.note ?? 'The last run was late: the computer was asleep or off at its time.' });
  const ended = r.problems.filter((p) => p.code === 'SCHEDULE_ENDED');
  if (ended.length) out.push({ kind: 'ended', label: 'Ended', detail: ended.map((p) => p.message).join(' ') });
  const warnings = r.problems.filter((p) => p.code === 'NO_RECIPIENTS' || p.code === 'SMTP_NOT_CONFIGURED');
  if (warnings.length) out.push({ kind: 'warning', label: warnings.some((p) => p.code === 'SMTP_NOT_CONFIGURED') ? 'Email not set up' : 'No recipients', detail: warnings.map((p) => p.message).join(' ') });
  return out;
}

/** The next-run cell: the time (with how far away), or why there is none. */
export function nextRunText(r: ReportDetail, now: number): { main: string; sub: string } {
  if (r.paused) return { main: 'Paused', sub: '' };
  if (r.schedules.length === 0) return { main: 'Not scheduled', sub: 'Runs only when started' };
  if (isStopped(r)) return { main: 'Stopped', sub: 'Fix the flagged problem' };
  if (!r.nextRunAt) return { main: 'No more runs', sub: '' };
  const zone = r.schedules.find((s) => s.nextRunAt === r.nextRunAt)?.timezone;
  return { main: formatWhen(r.nextRunAt, zone), sub: `${relativeTime(r.nextRunAt, now)}${zone ? ` · ${zone}` : ''}` };
}

/** The schedules in words (one line each, from main's descriptions). */
export function scheduleSummary(r: ReportDetail): string {
  if (r.schedules.length === 0) return 'On demand';
  return r.schedules.map((s) => (s.label ? `${s.label}: ${s.description}` : s.description)).join('; ');
}
