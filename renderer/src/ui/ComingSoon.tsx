import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';

/** The honest placeholder for a section a later release fills: what it will do, and that it is not here yet. */
export function ComingSoon({ icon, title, lead, points }: { icon: IconName; title: string; lead: ReactNode; points: string[] }) {
  return (
    <div className="page">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <div className="coming-soon">
        <div className="empty-state-icon">
          <Icon name={icon} size={28} />
        </div>
        <h2>Not available yet</h2>
        <p>{lead}</p>
        <ul>
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
