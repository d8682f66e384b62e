import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReportAnalytics } from '../../../../../shared/contract/reports.js';
import type { RunRecord } from '../../../../../shared/model/report.js';
import { useApp, useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { Field } from '../../../ui/Field.js';
import { EmptyState, ErrorBanner, Spinner } from '../../../ui/States.js';
import { EChart } from '../../dashboards/charts/EChart.js';
import { chartPalette } from '../../dashboards/charts/palette.js';
import { outcomesOption, popularOption, runsPerDay, runsPerDayOption } from '../model/analytics-options.js';
import { formatDuration, formatRate } from '../model/format.js';
import { useReportsChanged } from '../useReportsChanged.js';

const PERIODS = [7, 30, 90, 365];
/** Runs fetched for the per-day chart (the history call's maximum). */
const RUN_LIMIT = 500;

function Tile({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="card stat-tile" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {hint ? <span className="muted small">{hint}</span> : null}
    </div>
  );
}

/** Delivery analytics: success rate, generation time, most popular reports and engagement (opens, clicks). */
export function DeliveryAnalytics({ workspaceId }: { workspaceId: string }) {
  const client = useClient();
  const theme = useApp((s) => s.theme);
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const [days, setDays] = useState(30);
  const [data, setData] = useState<{ a: ReportAnalytics; runs: RunRecord[]; tracking: boolean; at: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [a, runs, settings] = await Promise.all([client.call('reports.analytics', { workspaceId, days }), client.call('reports.history', { workspaceId, limit: RUN_LIMIT }), client.call('reports.settings.get', { workspaceId })]);
      setData({ a, runs, tracking: settings.workspace.trackingEnabled, at: Date.now() });
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [client, workspaceId, days]);

  useEffect(() => {
    void load();
  }, [load]);
  useReportsChanged(workspaceId, () => void load(), 400);

  const perDay = useMemo(() => (data ? runsPerDayOption(runsPerDay(data.runs, Math.min(days, 90), data.at), palette) : null), [data, days, palette]);
  const outcomes = useMemo(() => (data ? outcomesOption(data.a, palette) : null), [data, palette]);
  const popular = useMemo(() => (data ? popularOption(data.a, palette) : null), [data, palette]);

  return (
    <div className="stack analytics-view">
      <div className="row gap align-end">
        <Field label="Period">
          {(a) => (
            <select {...a} className="select" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  Last {d} days
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {error ? <ErrorBanner message={error} onRetry={() => void load()} /> : null}
      {!data && !error ? <Spinner label="Loading delivery analytics" /> : null}
      {data && data.a.runs === 0 ? (
        <EmptyState icon="analytics" title="No runs in this period">
          Success rates, generation times and engagement appear once reports have run.
        </EmptyState>
      ) : null}
      {data && data.a.runs > 0 ? (
        <>
          <div className="stat-tiles">
            <Tile label="Success rate" value={formatRate(data.a.successRate)} hint={`${data.a.sent} sent · ${data.a.failed} failed · ${data.a.skipped} skipped`} testId="stat-success" />
            <Tile label="Average generation" value={formatDuration(data.a.avgGenerationMs)} hint={`${data.a.runs} runs`} testId="stat-generation" />
            <Tile label="Delivered emails" value={String(data.a.delivered)} hint={`${data.a.bounced} bounced of ${data.a.deliveries}`} testId="stat-delivered" />
            <Tile label="Open rate" value={formatRate(data.a.openRate)} hint={`${data.a.uniqueOpens} unique opens${data.tracking ? '' : ' · tracking is off (Settings)'}`} testId="stat-opens" />
            <Tile label="Click rate" value={formatRate(data.a.clickRate)} hint={`${data.a.clicks} clicks${data.tracking ? '' : ' · tracking is off'}`} testId="stat-clicks" />
          </div>
          <div className="chart-grid">
            <section className="card chart-card" aria-label="Runs per day">
              <h3>Runs per day</h3>
              {perDay ? <EChart option={perDay} ariaLabel="Runs per day by outcome" /> : null}
            </section>
            <section className="card chart-card" aria-label="Outcomes">
              <h3>Outcomes</h3>
              {outcomes ? <EChart option={outcomes} ariaLabel="Runs by outcome" /> : null}
            </section>
            <section className="card chart-card chart-wide" aria-label="Most popular reports">
              <h3>Most popular reports</h3>
              {popular ? <EChart option={popular} ariaLabel="Most popular reports: runs, delivered emails, opens and clicks" /> : null}
            </section>
          </div>
        </>
      ) : null}
    </div>
  );
}
