/**
 * Everything collaboration adds to a dashboard view, as one hook so the view needs only a few lines:
 * `buttons` for its header (Comments with the unread count, History), `badge(widget)` for each widget
 * card (open threads on it; opens the panel on that widget), `panel` (the open side panel) and
 * `panelOpen` (the view leaves room for it).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DashboardWithWidgets, Widget } from '../../../../shared/model/dashboard.js';
import { useApp, useClient } from '../../app/context.js';
import { widgetTitle } from '../dashboards/widget-title.js';
import { CollabIcon } from './CollabIcon.js';
import { CommentsPanel } from './comments/CommentsPanel.js';
import { useComments } from './comments/useComments.js';
import { HistoryPanel } from './history/HistoryPanel.js';
import './collab.css';

type PanelName = 'comments' | 'history';

export interface DashboardCollab {
  buttons: ReactNode;
  badge: (w: Widget) => ReactNode;
  panel: ReactNode;
  panelOpen: boolean;
}

export function useDashboardCollab(workspaceId: string, dashboard: DashboardWithWidgets): DashboardCollab {
  const client = useClient();
  const datasets = useApp((s) => s.datasets);
  const [panel, setPanel] = useState<PanelName | null>(null);
  const [onWidget, setOnWidget] = useState<string | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const { list, error, actions } = useComments(workspaceId, dashboard.id);

  useEffect(() => {
    let live = true;
    client.call('workspaces.access', { workspaceId }).then(
      (a) => live && setReadOnly(a.role === 'viewer'),
      () => undefined, // unknown role: the server refuses what a viewer cannot do anyway
    );
    return () => {
      live = false;
    };
  }, [client, workspaceId]);

  const titleOf = useCallback(
    (widgetId: string) => {
      const w = dashboard.widgets.find((x) => x.id === widgetId);
      return w ? widgetTitle(w, datasets.find((d) => d.id === w.query.datasetId)?.name) : null;
    },
    [dashboard.widgets, datasets],
  );

  const perWidget = useMemo(() => {
    const counts = new Map<string, { open: number; unread: number }>();
    const unread = new Set(list?.unreadIds ?? []);
    for (const t of list?.threads ?? []) {
      const id = t.anchor.widgetId;
      if (!id) continue;
      const c = counts.get(id) ?? { open: 0, unread: 0 };
      if (!t.resolved) c.open++;
      c.unread += [t.root, ...t.replies].filter((x) => unread.has(x.id)).length;
      counts.set(id, c);
    }
    return counts;
  }, [list]);

  const open = (name: PanelName, widgetId: string | null = null) => {
    opener.current = document.activeElement as HTMLElement | null;
    setOnWidget(widgetId);
    setPanel(name);
  };
  const close = () => {
    setPanel(null);
    const back = opener.current;
    if (back && document.contains(back)) requestAnimationFrame(() => back.focus());
  };
  const toggle = (name: PanelName) => (panel === name ? close() : open(name));

  const unread = list?.unread ?? 0;
  const buttons = (
    <>
      <button
        type="button"
        className={`btn btn-secondary collab-toggle${panel === 'comments' ? ' active' : ''}`}
        data-collab-toggle="comments"
        aria-pressed={panel === 'comments'}
        aria-label={`Comments${unread ? `, ${unread} new` : ''}`}
        onClick={() => toggle('comments')}
      >
        <CollabIcon name="comment" />
        Comments
        {unread ? (
          <span className="unread-count" aria-hidden="true">
            {unread}
          </span>
        ) : null}
      </button>
      <button type="button" className={`btn btn-secondary collab-toggle${panel === 'history' ? ' active' : ''}`} data-collab-toggle="history" aria-pressed={panel === 'history'} onClick={() => toggle('history')}>
        <CollabIcon name="history" />
        History
      </button>
    </>
  );

  const badge = (w: Widget) => {
    const c = perWidget.get(w.id) ?? { open: 0, unread: 0 };
    const title = titleOf(w.id) ?? 'this widget';
    const label = `Comments on ${title}${c.open ? `: ${c.open} open` : ''}${c.unread ? `, ${c.unread} new` : ''}`;
    return (
      <button type="button" className={`comment-badge no-drag${c.open ? '' : ' comment-badge-empty'}${c.unread ? ' comment-badge-unread' : ''}`} aria-label={label} title={label} data-comment-count={c.open} onClick={() => open('comments', w.id)}>
        <CollabIcon name="comment" size={14} />
        {c.open ? <span aria-hidden="true">{c.open}</span> : null}
      </button>
    );
  };

  const content =
    panel === 'comments' ? (
      <CommentsPanel dashboard={dashboard} list={list} error={error} actions={actions} widgetId={onWidget} onWidget={setOnWidget} titleOf={titleOf} readOnly={readOnly} onClose={close} />
    ) : panel === 'history' ? (
      <HistoryPanel workspaceId={workspaceId} dashboardId={dashboard.id} readOnly={readOnly} onClose={close} />
    ) : null;

  return { buttons, badge, panel: content, panelOpen: panel !== null };
}
