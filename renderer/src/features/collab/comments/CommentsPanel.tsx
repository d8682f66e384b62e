/**
 * The comments side panel of a dashboard: a box to start a thread (on the dashboard or on one of its
 * widgets), the threads newest activity first, and a filter (all, open, one widget). Comments that
 * were new when the panel opened stay highlighted while it is open; the unread count resets once the
 * user has had them on screen for a moment. Escape closes the panel.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CommentList } from '../../../../../shared/contract/collab.js';
import type { DashboardWithWidgets } from '../../../../../shared/model/dashboard.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { EmptyState, ErrorBanner, Spinner } from '../../../ui/States.js';
import { SidePanel } from '../SidePanel.js';
import type { CommentActions } from './useComments.js';
import { MentionInput } from './MentionInput.js';
import { ThreadView } from './ThreadView.js';

type Show = 'open' | 'all';

export function CommentsPanel({
  dashboard,
  list,
  error,
  actions,
  widgetId,
  onWidget,
  titleOf,
  readOnly,
  onClose,
}: {
  dashboard: DashboardWithWidgets;
  list: CommentList | null;
  error: unknown;
  actions: CommentActions;
  /** Only this widget's threads, and new comments go on it. */
  widgetId: string | null;
  onWidget: (widgetId: string | null) => void;
  titleOf: (widgetId: string) => string | null;
  readOnly: boolean;
  onClose: () => void;
}) {
  const [show, setShow] = useState<Show>('open');
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<ReadonlySet<string>>(new Set());
  const ref = useRef<HTMLElement>(null);

  // Keep what was new highlighted while the panel is open, then record it as seen (once per new set).
  const unreadKey = list?.unreadIds.join(',') ?? '';
  const markSeen = actions.markSeen;
  useEffect(() => {
    if (!unreadKey) return;
    setHighlight((h) => new Set([...h, ...unreadKey.split(',')]));
    const t = setTimeout(() => void markSeen().catch(() => undefined), 1200);
    return () => clearTimeout(t);
  }, [unreadKey, markSeen]);

  useEffect(() => {
    (ref.current?.querySelector<HTMLElement>('textarea') ?? ref.current?.querySelector<HTMLElement>('button'))?.focus();
  }, []);

  const threads = useMemo(() => (list?.threads ?? []).filter((t) => (show === 'all' || !t.resolved) && (!widgetId || t.anchor.widgetId === widgetId)), [list, show, widgetId]);
  const resolvedHidden = (list?.threads ?? []).filter((t) => t.resolved && (!widgetId || t.anchor.widgetId === widgetId)).length;
  const target = widgetId ? (titleOf(widgetId) ?? 'this widget') : 'the dashboard';

  const send = async () => {
    if (!draft.trim()) return;
    setBusy(true);
    setSendError(null);
    try {
      await actions.add(draft, widgetId ?? undefined);
      setDraft('');
    } catch (e) {
      setSendError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SidePanel ref={ref} title="Comments" className="comments-panel" onClose={onClose}>
      <div className="collab-panel-toolbar">
        <label className="collab-select">
          <span className="visually-hidden">Comments on</span>
          <select className="select select-sm" value={widgetId ?? ''} onChange={(e) => onWidget(e.target.value || null)} aria-label="Comments on">
            <option value="">Whole dashboard</option>
            {dashboard.widgets.map((w) => (
              <option key={w.id} value={w.id}>
                {titleOf(w.id) ?? w.id}
              </option>
            ))}
          </select>
        </label>
        <label className="collab-check">
          <input type="checkbox" checked={show === 'all'} onChange={(e) => setShow(e.target.checked ? 'all' : 'open')} />
          Show resolved{resolvedHidden ? ` (${resolvedHidden})` : ''}
        </label>
      </div>

      {readOnly ? null : (
        <div className="comment-composer">
          <MentionInput value={draft} onChange={setDraft} people={list?.people ?? []} onSubmit={() => void send()} label={`New comment on ${target}`} placeholder={`Comment on ${target}… (@ to mention)`} />
          {sendError ? (
            <p className="form-error" role="alert">
              {sendError}
            </p>
          ) : null}
          <div className="comment-actions">
            <Button size="sm" variant="primary" busy={busy} disabled={!draft.trim()} onClick={() => void send()}>
              Comment
            </Button>
          </div>
        </div>
      )}

      <div className="thread-list" role="list" aria-label="Comment threads" aria-live="polite">
        {error && !list ? <ErrorBanner title="Comments could not be loaded" message={errorMessage(error)} /> : null}
        {!list && !error ? <Spinner label="Loading comments" /> : null}
        {list && threads.length === 0 ? (
          <EmptyState icon="info" title={show === 'open' && resolvedHidden ? 'No open comments' : 'No comments yet'} compact>
            {readOnly ? 'Nobody has commented here.' : `Start a thread on ${target} above; mention a colleague with @.`}
          </EmptyState>
        ) : null}
        {list
          ? threads.map((t) => (
              <div role="listitem" key={t.id}>
                <ThreadView
                  thread={t}
                  about={t.anchor.widgetId ? (titleOf(t.anchor.widgetId) ?? 'A removed widget') : 'Dashboard'}
                  meId={list.me.id}
                  people={list.people}
                  unreadIds={highlight}
                  actions={actions}
                  readOnly={readOnly}
                />
              </div>
            ))
          : null}
      </div>
    </SidePanel>
  );
}
