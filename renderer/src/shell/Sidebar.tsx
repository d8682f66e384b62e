import { useRef, useState } from 'react';
import { useApp, useClient } from '../app/context.js';
import { moveFocus } from '../app/keyboard.js';
import { formatHash, SECTIONS, type Route } from '../app/router.js';
import { Icon } from '../ui/Icon.js';
import { PromptDialog } from '../ui/PromptDialog.js';
import { SECTIONS_UI } from './sections.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';
import { usePermitted } from '../features/analytics/access/useWorkspaceAccess.js';

export function Sidebar() {
  const { route, navigate, dashboards, workspaceId, theme, setTheme, refreshDashboards } = useApp((s) => ({
    route: s.route,
    navigate: s.navigate,
    dashboards: s.dashboards,
    workspaceId: s.workspaceId,
    theme: s.theme,
    setTheme: s.setTheme,
    refreshDashboards: s.refreshDashboards,
  }));
  const client = useClient();
  // Roles without view_analytics do not see the Analytics section (shared/model/permissions.ts).
  const analyticsPermitted = usePermitted(workspaceId, 'view_analytics').permitted;
  const [creating, setCreating] = useState(false);
  const navRef = useRef<HTMLElement>(null);

  const go = (r: Route) => (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(r);
  };

  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          <Icon name="dashboard" size={18} />
        </span>
        <span className="brand-name">Universal Dashboard</span>
      </div>
      <WorkspaceSwitcher />
      <nav
        ref={navRef}
        className="nav"
        aria-label="Main"
        onKeyDown={(e) => {
          if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
          const items = [...(navRef.current?.querySelectorAll<HTMLElement>('a.nav-item, a.nav-sub-item, button.nav-sub-add') ?? [])];
          if (moveFocus(items, document.activeElement, e.key)) e.preventDefault();
        }}
      >
        <ul>
          {SECTIONS.filter((s) => s !== 'analytics' || analyticsPermitted).map((s) => {
            const current = route.section === s;
            return (
              <li key={s}>
                <a href={formatHash({ section: s })} className={`nav-item${current ? ' active' : ''}`} aria-current={current && !(s === 'dashboards' && route.section === 'dashboards' && route.dashboardId) ? 'page' : undefined} onClick={go({ section: s })}>
                  <Icon name={SECTIONS_UI[s].icon} />
                  <span>{SECTIONS_UI[s].label}</span>
                </a>
                {s === 'dashboards' && workspaceId ? (
                  <ul className="nav-sub" aria-label="Dashboards in this workspace">
                    {dashboards.map((d) => {
                      const here = route.section === 'dashboards' && route.dashboardId === d.id;
                      return (
                        <li key={d.id}>
                          <a href={formatHash({ section: 'dashboards', dashboardId: d.id })} className={`nav-sub-item${here ? ' active' : ''}`} aria-current={here ? 'page' : undefined} onClick={go({ section: 'dashboards', dashboardId: d.id })} title={d.name}>
                            {d.name}
                          </a>
                        </li>
                      );
                    })}
                    <li>
                      <button type="button" className="nav-sub-add" onClick={() => setCreating(true)}>
                        <Icon name="plus" size={14} /> New dashboard
                      </button>
                    </li>
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
          <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </div>
      {creating && workspaceId ? (
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
    </aside>
  );
}
