import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRate, formatWhen, relativeTime } from '../../../../renderer/src/features/reports/model/format.js';
import { runStatus } from '../../../../renderer/src/features/reports/model/run-status.js';

describe('report formatting', () => {
  it('formats sizes, durations and rates', () => {
    expect([formatBytes(null), formatBytes(900), formatBytes(2048), formatBytes(120_000), formatBytes(5 * 1024 * 1024)]).toEqual(['—', '900 B', '2.0 KB', '117 KB', '5.0 MB']);
    expect([formatDuration(null), formatDuration(850), formatDuration(2400), formatDuration(65_000), formatDuration(120_000)]).toEqual(['—', '850 ms', '2.4 s', '1 min 5 s', '2 min']);
    expect([formatRate(null), formatRate(1), formatRate(0.75), formatRate(0.3333), formatRate(0)]).toEqual(['—', '100%', '75.0%', '33.3%', '0%']);
  });

  it('says how far a time is, both ways', () => {
    const now = Date.parse('2026-03-06T12:00:00Z');
    expect(relativeTime('2026-03-06T12:00:20Z', now)).toBe('in less than a minute');
    expect(relativeTime('2026-03-06T12:30:00Z', now)).toBe('in 30 min');
    expect(relativeTime('2026-03-06T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2026-03-10T12:00:00Z', now)).toBe('in 4 days');
    expect(relativeTime(null, now)).toBe('');
  });

  it('shows a run time in the schedule’s own zone', () => {
    const iso = '2026-03-09T13:00:00.000Z';
    expect(formatWhen(iso, 'America/New_York')).toMatch(/09:00/);
    expect(formatWhen(iso, 'Asia/Tokyo')).toMatch(/22:00/);
    expect(formatWhen(null)).toBe('—');
  });

  it('names run statuses', () => {
    expect(runStatus('sent')).toEqual({ label: 'Sent', tone: 'success' });
    expect(runStatus('failed').tone).toBe('danger');
  });
});
