import { useState } from 'react';
import type { Filter } from '../../../../shared/model/query.js';
import { Dialog } from '../../ui/Dialog.js';
import { Icon } from '../../ui/Icon.js';
import { describeFilter } from './filters.js';
import { FilterRow, type FieldOption } from './FilterRow.js';

/** The dashboard's filters as removable chips; they apply to every widget whose dataset has the field. */
export function FilterBar({ filters, fields, onChange }: { filters: Filter[]; fields: FieldOption[]; onChange: (f: Filter[]) => void }) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <div className="filter-bar" role="group" aria-label="Dashboard filters">
      {filters.map((f, i) => (
        <span key={`${f.field}-${i}`} className="chip">
          <button type="button" className="chip-label" onClick={() => setEditing(i)} aria-label={`Edit filter ${describeFilter(f)}`}>
            <Icon name="filter" size={12} />
            {describeFilter(f)}
          </button>
          <button type="button" className="chip-remove" aria-label={`Remove filter ${describeFilter(f)}`} onClick={() => onChange(filters.filter((_, j) => j !== i))}>
            <Icon name="close" size={12} />
          </button>
        </span>
      ))}
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing('new')} disabled={fields.length === 0} title={fields.length === 0 ? 'Add a widget first: filters apply to the fields of its dataset' : undefined}>
        <Icon name="plus" size={14} /> Filter
      </button>
      {editing !== null ? (
        <Dialog title={editing === 'new' ? 'Add a dashboard filter' : 'Edit filter'} onClose={() => setEditing(null)} size="md">
          <p className="muted small">Dashboard filters apply to every widget whose dataset has the field.</p>
          <FilterRow
            fields={fields}
            {...(editing !== 'new' && filters[editing] ? { initial: filters[editing] } : {})}
            applyLabel={editing === 'new' ? 'Add filter' : 'Save'}
            onApply={(f) => {
              onChange(editing === 'new' ? [...filters, f] : filters.map((x, j) => (j === editing ? f : x)));
              setEditing(null);
            }}
          />
        </Dialog>
      ) : null}
    </div>
  );
}
