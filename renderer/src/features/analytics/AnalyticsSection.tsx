/**
 * The Analytics section: pick a dataset, then correlation, regression, distribution, trend and
 * forecasting, and the saved forecast revisions. Dataset-wide statistics run in main's worker
 * threads through the contract (progress, Cancel); readings of data already in the page (the
 * forecast headline's trend, a regression's residual plots) run in the renderer's Web Workers. Both
 * share the page's five-minute result cache (docs/architecture.md, "Where analytics run"). Only roles
 * with the view_analytics permission see it.
 */
import './analytics.css';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DatasetMeta } from '../../../../shared/model/dataset.js';
import { useApp, useWorkspaceId } from '../../app/context.js';
import { moveFocus } from '../../app/keyboard.js';
import { Button } from '../../ui/Button.js';
import { Field } from '../../ui/Field.js';
import { EmptyState, Spinner } from '../../ui/States.js';
import { usePermitted } from './access/useWorkspaceAccess.js';
import { numericColumns, timeColumns } from './columns.js';
import { CorrelationPanel } from './panels/CorrelationPanel.js';
import { DistributionPanel } from './panels/DistributionPanel.js';
import { ForecastPanel } from './panels/forecast/ForecastPanel.js';
import { RegressionPanel } from './panels/RegressionPanel.js';
import { RevisionsPanel } from './panels/RevisionsPanel.js';
import { TrendPanel } from './panels/TrendPanel.js';

const TABS = [
  { key: 'correlation', label: 'Correlation' },
  { key: 'regression', label: 'Regression' },
  { key: 'distribution', label: 'Distribution' },
  { key: 'trend', label: 'Trend' },
  { key: 'forecast', label: 'Forecast' },
  { key: 'revisions', label: 'Revisions' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export default function AnalyticsSection() {
  const workspaceId = useWorkspaceId();
  const access = usePermitted(workspaceId, 'view_analytics');
  if (!access.permitted) {
    return (
      <div className="page">
        <EmptyState icon="analytics" title="Analytics is not available to your role">
          Your role in this workspace does not include analytics. Ask an owner of the workspace for editor access.
        </EmptyState>
      </div>
    );
  }
  return <Analytics workspaceId={workspaceId} />;
}

function Analytics({ workspaceId }: { workspaceId: string }) {
  const { datasets, loaded, navigate } = useApp((s) => ({ datasets: s.datasets, loaded: s.datasetsLoaded, navigate: s.navigate }));
  const usable = useMemo(() => datasets.filter((d) => d.rowCount > 0 && numericColumns(d).length > 0), [datasets]);
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('correlation');
  const [visited, setVisited] = useState<Set<Tab>>(() => new Set(['correlation']));
  const [revisionsVersion, setRevisionsVersion] = useState(0);
  const tabsRef = useRef<HTMLDivElement>(null);
  const dataset = usable.find((d) => d.id === datasetId) ?? usable.find((d) => d.timeColumn) ?? usable[0];

  useEffect(() => {
    if (dataset && dataset.id !== datasetId) setDatasetId(dataset.id);
  }, [dataset, datasetId]);

  const choose = (t: Tab) => {
    setTab(t);
    setVisited((v) => (v.has(t) ? v : new Set([...v, t])));
  };
  const onTabKey = (e: KeyboardEvent) => {
    const items = [...(tabsRef.current?.querySelectorAll<HTMLElement>('[role=tab]') ?? [])];
    if (moveFocus(items, document.activeElement, e.key)) {
      e.preventDefault();
      const key = (document.activeElement as HTMLElement | null)?.dataset.tab as Tab | undefined;
      if (key) choose(key);
    }
  };

  if (!loaded) {
    return (
      <div className="center-fill">
        <Spinner label="Loading datasets" />
      </div>
    );
  }
  if (!dataset) {
    return (
      <div className="page">
        <header className="page-header">
          <h1>Analytics</h1>
        </header>
        <EmptyState icon="analytics" title="Nothing to analyse yet" actions={<Button variant="primary" icon="upload" onClick={() => navigate({ section: 'data', view: 'import' })}>Import data</Button>}>
          Statistics and forecasts need a dataset with rows and at least one numeric column.
        </EmptyState>
      </div>
    );
  }

  const hasTime = timeColumns(dataset).length > 0;
  return (
    <div className="page analytics-page">
      <header className="page-header">
        <div>
          <h1>Analytics</h1>
          <p className="muted small">Statistics, trends and forecasts on a dataset's rows. Long runs report progress and can be cancelled.</p>
        </div>
        <Field label="Dataset" className="dataset-picker">
          {(a) => (
            <select {...a} className="select" value={dataset.id} onChange={(e) => setDatasetId(e.target.value)}>
              {usable.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.rowCount.toLocaleString()} rows)
                </option>
              ))}
            </select>
          )}
        </Field>
      </header>

      <div ref={tabsRef} className="tabs" role="tablist" aria-label="Analyses" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`analytics-tab-${t.key}`}
            data-tab={t.key}
            aria-selected={tab === t.key}
            aria-controls={`analytics-panel-${t.key}`}
            tabIndex={tab === t.key ? 0 : -1}
            className={`tab${tab === t.key ? ' active' : ''}`}
            onClick={() => choose(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>

      {TABS.map((t) => (
        <div key={t.key} role="tabpanel" id={`analytics-panel-${t.key}`} aria-labelledby={`analytics-tab-${t.key}`} hidden={tab !== t.key} className="tab-panel">
          {/* Panels mount on first visit and stay mounted, so switching tabs keeps their results. */}
          {visited.has(t.key) ? <Panel key={`${dataset.id}-${t.key}`} tab={t.key} workspaceId={workspaceId} dataset={dataset} hasTime={hasTime} revisionsVersion={revisionsVersion} onSaved={() => setRevisionsVersion((v) => v + 1)} /> : null}
        </div>
      ))}
    </div>
  );
}

function Panel({ tab, workspaceId, dataset, hasTime, revisionsVersion, onSaved }: { tab: Tab; workspaceId: string; dataset: DatasetMeta; hasTime: boolean; revisionsVersion: number; onSaved: () => void }) {
  const needsTime = tab === 'trend' || tab === 'forecast';
  if (needsTime && !hasTime) {
    return (
      <EmptyState icon="calendar" title="This dataset has no time or numeric axis" compact>
        Trends and forecasts need a date, time or numeric column to order the values by.
      </EmptyState>
    );
  }
  if (tab === 'correlation' && numericColumns(dataset).length < 2) {
    return (
      <EmptyState icon="heatmap" title="Correlation needs two numeric columns" compact>
        {dataset.name} has only one.
      </EmptyState>
    );
  }
  switch (tab) {
    case 'correlation':
      return <CorrelationPanel workspaceId={workspaceId} dataset={dataset} />;
    case 'regression':
      return <RegressionPanel workspaceId={workspaceId} dataset={dataset} />;
    case 'distribution':
      return <DistributionPanel workspaceId={workspaceId} dataset={dataset} />;
    case 'trend':
      return <TrendPanel workspaceId={workspaceId} dataset={dataset} />;
    case 'forecast':
      return <ForecastPanel workspaceId={workspaceId} dataset={dataset} onSaved={onSaved} />;
    case 'revisions':
      return <RevisionsPanel workspaceId={workspaceId} dataset={dataset} version={revisionsVersion} />;
  }
}
