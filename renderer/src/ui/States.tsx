/** Shared empty, loading, error and progress states, so every screen says the same things the same way. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';

export function EmptyState({ icon = 'info', title, children, actions, compact }: { icon?: IconName; title: string; children?: ReactNode; actions?: ReactNode; compact?: boolean }) {
  return (
    <div className={`empty-state${compact ? ' empty-state-compact' : ''}`}>
      <div className="empty-state-icon">
        <Icon name={icon} size={compact ? 20 : 28} />
      </div>
      <h3>{title}</h3>
      {children ? <div className="empty-state-text">{children}</div> : null}
      {actions ? <div className="empty-state-actions">{actions}</div> : null}
    </div>
  );
}

export function ErrorBanner({ title, message, onRetry }: { title?: string; message: string; onRetry?: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      <Icon name="alert" />
      <div className="banner-text">
        {title ? <strong>{title}</strong> : null}
        <span>{message}</span>
      </div>
      {onRetry ? (
        <button type="button" className="btn btn-sm btn-secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="spinner" role="status" aria-label={label}>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function ProgressBar({ value, max, label }: { value: number; max?: number; label: string }) {
  const pct = max && max > 0 ? Math.min(100, Math.round((value / max) * 100)) : undefined;
  return (
    <div
      className={`progress${pct === undefined ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div className="progress-fill" style={{ width: pct === undefined ? undefined : `${pct}%` }} />
    </div>
  );
}
