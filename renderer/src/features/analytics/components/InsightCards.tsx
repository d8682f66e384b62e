import type { Insight } from '../../../../../shared/analytics/insights/types.js';
import { Icon, type IconName } from '../../../ui/Icon.js';

const ICONS: Record<Insight['tone'], IconName> = { positive: 'arrowUp', negative: 'arrowDown', neutral: 'sparkles', caution: 'alert' };

/** Plain-language findings as cards (shared/analytics/insights writes the sentences). */
export function InsightCards({ insights, label = 'Insights' }: { insights: Insight[]; label?: string }) {
  if (!insights.length) return null;
  return (
    <ul className="card-grid insight-cards" aria-label={label}>
      {insights.map((i, k) => (
        <li key={`${i.kind}-${k}`} className={`insight-card insight-${i.tone}`} data-insight={i.kind}>
          <span className="insight-icon" aria-hidden>
            <Icon name={ICONS[i.tone]} />
          </span>
          <div>
            <h4>{i.title}</h4>
            <p>{i.text}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function Notices({ notices }: { notices: { code: string; message: string }[] }) {
  if (!notices.length) return null;
  return (
    <div className="banner banner-info notices" role="note" data-testid="notices">
      <Icon name="info" />
      <div className="banner-text">
        <strong>How the data was read</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={`${n.code}-${i}`} data-code={n.code}>
              {n.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
