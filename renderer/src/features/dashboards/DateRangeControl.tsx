import { useId } from 'react';
import type { DateRange } from '../../../../shared/model/query.js';
import { Icon } from '../../ui/Icon.js';
import { exclusiveEnd, inclusiveEnd } from './filters.js';

export const PRESETS: { value: NonNullable<DateRange['preset']>; label: string }[] = [
  { value: 'all', label: 'All time' },
  { value: 'last_7d', label: 'Last 7 days' },
  { value: 'last_30d', label: 'Last 30 days' },
  { value: 'last_90d', label: 'Last 90 days' },
  { value: 'last_365d', label: 'Last 12 months' },
  { value: 'ytd', label: 'Year to date' },
  { value: 'custom', label: 'Custom range…' },
];

/** The dashboard's date range: a preset (relative to the data's latest date) or custom days, both ends included. */
export function DateRangeControl({ value, onChange }: { value: DateRange; onChange: (r: DateRange) => void }) {
  const id = useId();
  const preset = value.preset ?? 'all';
  return (
    <div className="date-range" role="group" aria-label="Date range">
      <Icon name="calendar" />
      <select
        id={id}
        className="select select-bare"
        aria-label="Date range preset"
        value={preset}
        onChange={(e) => {
          const p = e.target.value as DateRange['preset'];
          onChange(p === 'custom' ? { preset: 'custom', from: value.from ?? '', to: value.to ?? '' } : { preset: p });
        }}
      >
        {PRESETS.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
      {preset === 'custom' ? (
        <>
          <input type="date" className="input input-sm" aria-label="From" value={value.from?.slice(0, 10) ?? ''} onChange={(e) => onChange({ ...value, from: e.target.value || undefined })} />
          <span className="muted">to</span>
          <input type="date" className="input input-sm" aria-label="To (inclusive)" value={inclusiveEnd(value.to)} onChange={(e) => onChange({ ...value, to: exclusiveEnd(e.target.value) })} />
        </>
      ) : null}
    </div>
  );
}
