import { useApp } from '../app/context.js';
import { Icon } from '../ui/Icon.js';

export function Toasts() {
  const { toasts, dismiss } = useApp((s) => ({ toasts: s.toasts, dismiss: s.dismissToast }));
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <Icon name={t.kind === 'error' ? 'alert' : t.kind === 'success' ? 'check' : 'info'} />
          <span className="toast-text">{t.message}</span>
          {t.action ? (
            <button
              type="button"
              className="btn btn-sm btn-ghost toast-action"
              onClick={() => {
                dismiss(t.id);
                t.action!.run();
              }}
            >
              {t.action.label}
            </button>
          ) : null}
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
