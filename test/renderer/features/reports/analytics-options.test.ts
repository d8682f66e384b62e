import { describe, expect, it } from 'vitest';
import type { ReportAnalytics } from '../../../../shared/contract/reports.js';
import type { RunRecord, RunStatus } from '../../../../shared/model/report.js';
import { outcomesOption, popularOption, runsPerDay, runsPerDayOption } from '../../../../renderer/src/features/reports/model/analytics-options.js';
import { chartPalette } from '../../../../renderer/src/features/dashboards/charts/palette.js';
import { countPoints } from '../../../../renderer/src/features/dashboards/charts/build-option.js';

const palette = chartPalette('light');
const run = (createdAt: Date, status: RunStatus) => ({ createdAt: createdAt.toISOString(), status }) as RunRecord;

const analytics: ReportAnalytics = {
  since: '',
  runs: 10,
  sent: 6,
  failed: 2,
  skipped: 1,
  successRate: 0.75,
  avgGenerationMs: 1200,
  deliveries: 12,
  delivered: 11,
  bounced: 1,
  opens: 5,
  uniqueOpens: 4,
  clicks: 2,
  openRate: 4 / 11,
  clickRate: 2 / 11,
  mostPopular: [
    { reportId: 'a', reportName: 'Weekly', runs: 7, delivered: 9, opens: 4, clicks: 2 },
    { reportId: 'b', reportName: 'A very long report name that will not fit the axis', runs: 3, delivered: 2, opens: 1, clicks: 0 },
  ],
};

describe('delivery analytics charts', () => {
  it('counts runs per local day and outcome over the period, leaving older runs out', () => {
    const now = new Date(2026, 2, 6, 15, 0).getTime();
    const runs = [run(new Date(2026, 2, 6, 9), 'sent'), run(new Date(2026, 2, 6, 10), 'failed'), run(new Date(2026, 2, 5, 23, 59), 'sent'), run(new Date(2026, 2, 4, 8), 'generating'), run(new Date(2026, 2, 4, 9), 'skipped'), run(new Date(2026, 1, 1), 'sent')];
    const b = runsPerDay(runs, 3, now);
    expect(b.days).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    expect(b.counts).toEqual({ sent: [0, 1, 1], failed: [0, 0, 1], skipped: [1, 0, 0], other: [1, 0, 0] });
    const option = runsPerDayOption(b, palette);
    expect(countPoints(option)).toBe(12);
    expect((option.xAxis as { data: string[] }).data).toEqual(['03-04', '03-05', '03-06']);
  });

  it('splits outcomes, leaving out empty ones', () => {
    const series = (outcomesOption(analytics, palette).series as { data: { name: string; value: number }[] }[])[0]!;
    expect(series.data.map((d) => [d.name, d.value])).toEqual([
      ['Sent', 6],
      ['Failed', 2],
      ['Skipped', 1],
      ['Generated or in progress', 1],
    ]);
  });

  it('lists the most popular reports top-down with runs, deliveries, opens and clicks', () => {
    const option = popularOption(analytics, palette);
    expect((option.yAxis as { data: string[] }).data).toEqual(['A very long report name tha…', 'Weekly']);
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Runs', [3, 7]],
      ['Delivered', [2, 9]],
      ['Opens', [1, 4]],
      ['Clicks', [0, 2]],
    ]);
  });
});
