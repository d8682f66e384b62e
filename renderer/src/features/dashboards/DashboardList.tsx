import { useState } from 'react';
import type { Dashboard } from '../../../../shared/model/dashboard.js';
import { useApp, useClient } from '../../app/context.js';
import { formatHash } from '../../app/router.js';
import { Button } from '../../ui/Button.js';
import { Icon } from '../../ui/Icon.js';
import { Menu } from '../../ui/Menu.js';
import { PromptDialog } from '../../ui/PromptDialog.js';
import { EmptyState, Spinner } from '../../ui/States.js';
import { useDashboardActions } from './useDashboardActions.js';

function relativeTime(iso: string): string {
  const ms = Date.now() - Date.parse(iso);
  const min = Math.round(ms / 60000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(iso).toLocaleDateString();
}

export function DashboardList({ workspaceId }: { workspaceId: string }) {
  const client = useClient();
  const { dashboards, loaded, navigate, refreshDashboards } = useApp((s) => ({ dashboards: s.dashboards, loaded: s.dashboardsLoaded, navigate: s.navigate, refreshDashboards: s.refreshDashboards }));
  const actions = useDashboardActions(workspaceId);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Dashboard | null>(null);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Dashboards</h1>
        <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
          New dashboard
        </Button>
      </header>
      {!loaded ? (
        <Spinner />
      ) : dashboards.length === 0 ? (
        <EmptyState icon="dashboard" title="No dashboards yet" actions={<Button variant="primary" icon="plus" onClick={() => setCreating(true)}>Create a dashboard</Button>}>
          A dashboard is a grid of charts, KPIs and tables over your datasets, with one date range and filters for all of them.
        </EmptyState>
      ) : (
        <ul className="card-grid" aria-label="Dashboards">
          {dashboards.map((d) => (
            <li key={d.id} className="card dash-card">
              <a
                className="dash-card-link"
                href={formatHash({ section: 'dashboards', dashboardId: d.id })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ section: 'dashboards', dashboardId: d.id });
                }}
              >
                <span className="dash-card-icon" aria-hidden>
                  <Icon name="dashboard" size={20} />
                </span>
                <span className="dash-card-name">{d.name}</span>
                <span className="dash-card-meta">
                  {Object.keys(d.layout).length} widgets · edited {relativeTime(d.updatedAt)}
                </span>
                {d.description ? <span className="dash-card-desc">{d.description}</span> : null}
              </a>
              <div className="dash-card-menu">
                <Menu
                  label={`Actions for ${d.name}`}
                  items={[
                    { label: 'Rename', icon: 'edit', onSelect: () => setRenaming(d) },
                    { label: 'Duplicate', icon: 'copy', onSelect: () => void actions.duplicate(d) },
                    { label: 'Delete', icon: 'trash', danger: true, separatorBefore: true, onSelect: () => void actions.remove(d) },
                  ]}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {creating ? (
        <PromptDialog
          title="New dashboard"
          label="Name"
          initial="Untitled dashboard"
          confirmLabel="Create"
          onClose={() => setCreating(false)}
          onSubmit={async (name) => {
            const d = await client.call('dashboards.create', { workspaceId, name });
            await refreshDashboards();
            navigate({ section: 'dashboards', dashboardId: d.id });
          }}
        />
      ) : null}
      {renaming ? <PromptDialog title="Rename dashboard" label="Name" initial={renaming.name} confirmLabel="Rename" onClose={() => setRenaming(null)} onSubmit={(name) => actions.rename(renaming, name)} /> : null}
    </div>
  );
}
