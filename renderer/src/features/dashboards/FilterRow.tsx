import { useState } from 'react';
import type { ColumnType } from '../../../../shared/model/dataset.js';
import type { Filter, FilterOp } from '../../../../shared/model/query.js';
import { Button } from '../../ui/Button.js';
import { filterValueText, needsValue, OP_LABELS, opsFor, parseFilterValue } from './filters.js';

export interface FieldOption {
  name: string;
  type: ColumnType;
}

/**
 * Edits one filter: field, operator and value. The value is kept as typed text and converted on
 * apply, so a half-typed list or range never produces an invalid filter.
 */
export function FilterRow({
  fields,
  initial,
  onApply,
  onRemove,
  applyLabel = 'Apply',
  invalid,
}: {
  fields: FieldOption[];
  initial?: Filter;
  onApply: (f: Filter) => void;
  onRemove?: () => void;
  applyLabel?: string;
  invalid?: boolean;
}) {
  const [field, setField] = useState(initial?.field ?? fields[0]?.name ?? '');
  const type = fields.find((f) => f.name === field)?.type;
  const ops = opsFor(type);
  const [op, setOp] = useState<FilterOp>(initial?.op && ops.includes(initial.op) ? initial.op : ops[0]!);
  const [text, setText] = useState(initial ? filterValueText(initial) : '');
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    try {
      const value = parseFilterValue(op, text, type);
      setError(null);
      onApply(value === undefined ? { field, op } : { field, op, value });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const placeholder = op === 'between' ? 'from, to' : op === 'in' || op === 'not_in' ? 'a, b, c' : type === 'datetime' ? 'YYYY-MM-DD' : type === 'boolean' ? 'true or false' : 'value';
  return (
    <div className={`filter-row${invalid ? ' is-invalid' : ''}`}>
      <select className="select" aria-label="Field" value={field} onChange={(e) => setField(e.target.value)} aria-invalid={invalid || undefined}>
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Operator" value={ops.includes(op) ? op : ops[0]} onChange={(e) => setOp(e.target.value as FilterOp)}>
        {ops.map((o) => (
          <option key={o} value={o}>
            {OP_LABELS[o]}
          </option>
        ))}
      </select>
      {needsValue(op) ? (
        <input
          className="input"
          aria-label="Value"
          value={text}
          placeholder={placeholder}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
          aria-invalid={error ? true : undefined}
        />
      ) : (
        <span />
      )}
      <Button size="sm" variant="primary" onClick={apply}>
        {applyLabel}
      </Button>
      {onRemove ? <Button size="sm" variant="ghost" icon="close" aria-label="Remove filter" onClick={onRemove} /> : null}
      {error ? (
        <span className="field-error filter-row-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
