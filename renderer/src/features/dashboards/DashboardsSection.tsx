import { useApp, useWorkspaceId } from '../../app/context.js';
import { DashboardList } from './DashboardList.js';
import { DashboardView } from './DashboardView.js';

export default function DashboardsSection() {
  const workspaceId = useWorkspaceId();
  const dashboardId = useApp((s) => (s.route.section === 'dashboards' ? s.route.dashboardId : undefined));
  return dashboardId ? <DashboardView workspaceId={workspaceId} dashboardId={dashboardId} /> : <DashboardList workspaceId={workspaceId} />;
}
