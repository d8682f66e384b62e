import { useId } from 'react';

/** Checkboxes for choosing several columns, with "all" and "none" shortcuts. */
export function ColumnChecklist({ label, columns, value, onChange, max }: { label: string; columns: string[]; value: string[]; onChange: (v: string[]) => void; max?: number }) {
  const id = useId();
  const chosen = new Set(value);
  const toggle = (c: string, on: boolean) => onChange(columns.filter((x) => (x === c ? on : chosen.has(x))));
  return (
    <fieldset className="column-checklist" aria-describedby={`${id}-hint`}>
      <legend className="field-label">{label}</legend>
      <div className="column-checklist-actions">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(columns.slice(0, max ?? columns.length))}>
          All
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange([])}>
          None
        </button>
        <span id={`${id}-hint`} className="muted small">
          {value.length} of {columns.length} chosen{max && columns.length > max ? ` (at most ${max})` : ''}
        </span>
      </div>
      <div className="column-checklist-items">
        {columns.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={chosen.has(c)} disabled={!chosen.has(c) && max !== undefined && value.length >= max} onChange={(e) => toggle(c, e.target.checked)} /> {c}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
