import { useApp, useClient } from '../app/context.js';
import { ProgressBar } from '../ui/States.js';
import { SyncIndicator } from '../features/sync/SyncIndicator.js';

const CONNECTION_TEXT = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Connection lost — reconnecting…',
  closed: 'Disconnected: reload the page from the URL printed by udash serve',
} as const;

export function StatusBar() {
  const { connection, tasks, info } = useApp((s) => ({ connection: s.connection, tasks: s.tasks, info: s.info }));
  const transport = useClient().transport;
  const active = Object.values(tasks).sort((a, b) => a.updatedAt - b.updatedAt);
  return (
    <footer className="statusbar" aria-label="Status">
      <span className={`conn conn-${connection}`} role="status" aria-live="polite" data-connection={connection}>
        <span className="conn-dot" aria-hidden />
        {CONNECTION_TEXT[connection]}
      </span>
      <SyncIndicator />
      <div className="statusbar-tasks" aria-live="polite">
        {active.map((t) => (
          <span key={t.taskId} className="task" data-task={t.taskId}>
            <span className="task-label">
              {t.label ?? t.phase}
              {t.message ? ` — ${t.message}` : ''}
              {t.total ? ` ${Math.min(100, Math.round((t.done / t.total) * 100))}%` : ''}
            </span>
            <ProgressBar value={t.done} {...(t.total !== undefined ? { max: t.total } : {})} label={t.label ?? t.phase} />
          </span>
        ))}
      </div>
      <span className="statusbar-meta">
        {info ? `v${info.version}` : ''}
        {transport === 'ipc' ? ' · desktop' : ''}
      </span>
    </footer>
  );
}
