/**
 * Who else is in this shared workspace, for the dashboard header: an avatar per colleague online,
 * the ones looking at this dashboard first and marked, each naming what they edit. Publishing this
 * user's own presence on the dashboard happens here too (while the dashboard is open).
 */
import './sync.css';
import type { PresenceUser } from '../../../../shared/model/sync.js';
import { Avatar } from './Avatar.js';
import { useDashboardPresence, usePresence } from './useSync.js';

function describe(u: PresenceUser, dashboardId: string, widgetTitle: (id: string) => string | undefined): string {
  if (u.dashboardId !== dashboardId) return `${u.name} is online`;
  if (u.editingWidgetId) return `${u.name} is editing ${widgetTitle(u.editingWidgetId) ?? 'a widget'}`;
  return `${u.name} is viewing this dashboard`;
}

export function PresenceAvatars({ workspaceId, dashboardId, widgetTitle }: { workspaceId: string; dashboardId: string; widgetTitle: (id: string) => string | undefined }) {
  useDashboardPresence(workspaceId, dashboardId);
  const others = usePresence(workspaceId).filter((u) => !u.isSelf);
  if (others.length === 0) return null;
  const sorted = [...others].sort((a, b) => Number(b.dashboardId === dashboardId) - Number(a.dashboardId === dashboardId));
  return (
    <ul className="presence-avatars" aria-label="Colleagues online">
      {sorted.map((u) => (
        <li key={u.clientId} className={u.dashboardId === dashboardId ? 'here' : 'elsewhere'} data-presence-name={u.name}>
          <Avatar user={u} label={describe(u, dashboardId, widgetTitle)} />
        </li>
      ))}
    </ul>
  );
}

/** A marker on a widget a colleague has open in the editor. */
export function WidgetEditingMarker({ workspaceId, widgetId }: { workspaceId: string; widgetId: string }) {
  const editors = usePresence(workspaceId).filter((u) => !u.isSelf && u.editingWidgetId === widgetId);
  if (editors.length === 0) return null;
  const names = editors.map((u) => u.name).join(', ');
  return (
    <span className="widget-editing" style={{ borderColor: editors[0]!.color, color: editors[0]!.color }} data-editing-by={names} role="status">
      <Avatar user={editors[0]!} size={16} label={`${names} ${editors.length > 1 ? 'are' : 'is'} editing this widget`} />
      <span className="widget-editing-text">{editors.length > 1 ? `${editors.length} editing` : `${editors[0]!.name} is editing`}</span>
    </span>
  );
}
