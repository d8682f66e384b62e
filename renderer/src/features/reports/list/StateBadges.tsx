import type { StateBadge } from '../model/report-state.js';
import type { Tone } from '../model/run-status.js';

const TONE: Record<StateBadge['kind'], Tone> = { paused: 'neutral', flagged: 'danger', late: 'warning', ended: 'neutral', warning: 'warning' };

/** The attention states of a report; each badge carries its explanation for pointer and screen-reader users. */
export function StateBadges({ badges }: { badges: StateBadge[] }) {
  if (badges.length === 0) return <span className="muted small">OK</span>;
  return (
    <span className="report-badges">
      {badges.map((b) => (
        <span key={b.kind} className={`status-pill tone-${TONE[b.kind]}`} title={b.detail} data-state={b.kind}>
          {b.label}
          <span className="visually-hidden">: {b.detail}</span>
        </span>
      ))}
    </span>
  );
}

export function StatusPill({ label, tone, title }: { label: string; tone: Tone; title?: string }) {
  return (
    <span className={`status-pill tone-${tone}`} title={title}>
      {tone === 'busy' ? <span className="spinner spinner-sm" aria-hidden /> : null}
      {label}
    </span>
  );
}
