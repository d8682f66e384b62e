import { useState } from 'react';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import type { Filter } from '../../../../../shared/model/query.js';
import { Button } from '../../../ui/Button.js';
import { Icon } from '../../../ui/Icon.js';
import { describeFilter } from '../filters.js';
import { FilterRow } from '../FilterRow.js';

/** The widget's own filters (on top of the dashboard's). */
export function FiltersField({ value, onChange, dataset, errors }: { value: Filter[]; onChange: (f: Filter[]) => void; dataset: DatasetMeta | undefined; errors: Record<string, string> }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const fields = (dataset?.columns ?? []).map((c) => ({ name: c.name, type: c.type }));
  return (
    <fieldset className="filters-field">
      <legend className="field-label">Filters</legend>
      {value.map((f, i) => {
        const err = Object.entries(errors).find(([k]) => k === `filters.${i}` || k.startsWith(`filters.${i}.`))?.[1];
        return editing === i ? (
          <FilterRow key={i} fields={fields} initial={f} applyLabel="Save" invalid={!!err} onApply={(nf) => (onChange(value.map((x, j) => (j === i ? nf : x))), setEditing(null))} onRemove={() => (onChange(value.filter((_, j) => j !== i)), setEditing(null))} />
        ) : (
          <div key={i} className="filter-line" data-field={`filters.${i}`}>
            <span className={`chip${err ? ' chip-invalid' : ''}`}>
              <button type="button" className="chip-label" onClick={() => setEditing(i)} aria-label={`Edit filter ${describeFilter(f)}`}>
                <Icon name="filter" size={12} />
                {describeFilter(f)}
              </button>
              <button type="button" className="chip-remove" aria-label={`Remove filter ${describeFilter(f)}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                <Icon name="close" size={12} />
              </button>
            </span>
            {err ? (
              <span className="field-error" role="alert">
                {err}
              </span>
            ) : null}
          </div>
        );
      })}
      {adding ? (
        <FilterRow fields={fields} applyLabel="Add" onApply={(f) => (onChange([...value, f]), setAdding(false))} onRemove={() => setAdding(false)} />
      ) : (
        <Button size="sm" variant="ghost" icon="plus" onClick={() => setAdding(true)} disabled={fields.length === 0}>
          Add filter
        </Button>
      )}
    </fieldset>
  );
}
