/**
 * The Reports section: the list of reports with their next run and quick actions, the creation flow
 * (a stepper that replaces the list while it is open), the history viewer and delivery analytics.
 * Everything follows main's 'reports.changed' events, so runs started by the scheduler, another
 * window or the CLI show up without a reload.
 */
import './reports.css';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useApp, useWorkspaceId } from '../../app/context.js';
import { moveFocus } from '../../app/keyboard.js';
import { Button } from '../../ui/Button.js';
import { EmptyState, ErrorBanner, Spinner } from '../../ui/States.js';
import { DeliveryAnalytics } from './analytics/DeliveryAnalytics.js';
import { ReportEditor } from './editor/ReportEditor.js';
import { HistoryView } from './history/HistoryView.js';
import { ReportList } from './list/ReportList.js';
import { useReportActions } from './list/useReportActions.js';
import { editorStateFrom, newReport, type EditorState } from './model/draft.js';
import { localTimeZone, newSchedule } from './model/schedule-form.js';
import { useReports } from './useReports.js';

const TABS = [
  { key: 'reports', label: 'Reports' },
  { key: 'history', label: 'History' },
  { key: 'analytics', label: 'Delivery analytics' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export default function ReportsSection() {
  const workspaceId = useWorkspaceId();
  const { dashboards, dashboardsLoaded, navigate } = useApp((s) => ({ dashboards: s.dashboards, dashboardsLoaded: s.dashboardsLoaded, navigate: s.navigate }));
  const { reports, error, refresh } = useReports(workspaceId);
  const actions = useReportActions(workspaceId, refresh);
  const [tab, setTab] = useState<Tab>('reports');
  const [historyReport, setHistoryReport] = useState<string | null>(null);
  const [editing, setEditing] = useState<EditorState | null>(null);
  const tabsRef = useRef<HTMLDivElement>(null);

  if (editing) {
    return (
      <ReportEditor
        key={editing.reportId ?? 'new'}
        workspaceId={workspaceId}
        initial={editing}
        onDone={() => {
          setEditing(null);
          setTab('reports');
          void refresh();
        }}
      />
    );
  }

  const startNew = () => {
    const dash = dashboards[0];
    if (dash) setEditing({ report: newReport(dash), schedules: [newSchedule(localTimeZone())], template: null });
  };
  const onTabKey = (e: KeyboardEvent) => {
    const items = [...(tabsRef.current?.querySelectorAll<HTMLElement>('[role=tab]') ?? [])];
    if (moveFocus(items, document.activeElement, e.key)) {
      e.preventDefault();
      const key = (document.activeElement as HTMLElement | null)?.dataset.tab as Tab | undefined;
      if (key) setTab(key);
    }
  };

  return (
    <div className="page reports-page">
      <header className="page-header">
        <div>
          <h1>Reports</h1>
          <p className="muted small">Dashboards delivered on a schedule as PDF, Excel, PowerPoint and email, with a history of every run.</p>
        </div>
        <Button variant="primary" icon="plus" onClick={startNew} disabled={!dashboardsLoaded || dashboards.length === 0}>
          New report
        </Button>
      </header>

      <div ref={tabsRef} className="tabs" role="tablist" aria-label="Reports views" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button key={t.key} type="button" role="tab" id={`reports-tab-${t.key}`} data-tab={t.key} aria-selected={tab === t.key} aria-controls={`reports-panel-${t.key}`} tabIndex={tab === t.key ? 0 : -1} className={`tab${tab === t.key ? ' active' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`reports-panel-${tab}`} aria-labelledby={`reports-tab-${tab}`}>
        {tab === 'reports' ? (
          <>
            {error ? <ErrorBanner title="Could not load the reports" message={error} onRetry={() => void refresh()} /> : null}
            {!reports && !error ? (
              <div className="center-fill">
                <Spinner label="Loading reports" />
              </div>
            ) : null}
            {reports && reports.length === 0 ? (
              dashboards.length === 0 && dashboardsLoaded ? (
                <EmptyState icon="reports" title="Reports are made from dashboards" actions={<Button variant="primary" onClick={() => navigate({ section: 'dashboards' })}>Go to dashboards</Button>}>
                  Create a dashboard first; a report sends it (or some of its widgets) on a schedule.
                </EmptyState>
              ) : (
                <EmptyState icon="reports" title="No reports yet" actions={<Button variant="primary" icon="plus" onClick={startNew} disabled={!dashboardsLoaded}>New report</Button>}>
                  A report sends a dashboard as PDF, Excel, PowerPoint or an email, daily, weekly, monthly or quarterly, to the people who need it.
                </EmptyState>
              )
            ) : null}
            {reports && reports.length > 0 ? (
              <ReportList
                reports={reports}
                actions={actions}
                onEdit={(r) => setEditing(editorStateFrom(r))}
                onHistory={(r) => {
                  setHistoryReport(r.id);
                  setTab('history');
                }}
              />
            ) : null}
          </>
        ) : null}
        {tab === 'history' ? <HistoryView workspaceId={workspaceId} reports={reports ?? []} reportId={historyReport} onReportId={setHistoryReport} /> : null}
        {tab === 'analytics' ? <DeliveryAnalytics workspaceId={workspaceId} /> : null}
      </div>
    </div>
  );
}
