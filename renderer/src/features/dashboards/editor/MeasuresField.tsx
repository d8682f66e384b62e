import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { AGGREGATIONS, type Aggregation, type Measure } from '../../../../../shared/model/query.js';
import { Button } from '../../../ui/Button.js';

const AGG_LABELS: Record<Aggregation, string> = { sum: 'Sum', avg: 'Average', count: 'Count', count_distinct: 'Count distinct', min: 'Minimum', max: 'Maximum' };

/** The measures (y values): an aggregation of a field each; COUNT may count rows without a field. */
export function MeasuresField({ value, onChange, dataset, errors, single }: { value: Measure[]; onChange: (m: Measure[]) => void; dataset: DatasetMeta | undefined; errors: Record<string, string>; single?: boolean }) {
  const cols = dataset?.columns ?? [];
  const set = (i: number, patch: Partial<Measure>) => onChange(value.map((m, j) => (j === i ? stripEmpty({ ...m, ...patch }) : m)));
  return (
    <fieldset className="measures">
      <legend className="field-label">{single ? 'Value' : 'Measures'}</legend>
      {value.map((m, i) => {
        const numericOnly = m.agg === 'sum' || m.agg === 'avg';
        const fieldErr = errors[`y.${i}.field`];
        const aggErr = errors[`y.${i}.agg`] ?? errors[`y.${i}.as`] ?? errors[`y.${i}`];
        return (
          <div key={i} className="measure-row" data-field={`y.${i}`}>
            <select className="select" aria-label={`Aggregation ${i + 1}`} value={m.agg} aria-invalid={aggErr ? true : undefined} onChange={(e) => set(i, { agg: e.target.value as Aggregation })}>
              {AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {AGG_LABELS[a]}
                </option>
              ))}
            </select>
            <select className="select" aria-label={`Field ${i + 1}`} value={m.field ?? ''} aria-invalid={fieldErr ? true : undefined} onChange={(e) => set(i, { field: e.target.value || undefined })}>
              {m.agg === 'count' ? <option value="">(rows)</option> : <option value="">Choose a field…</option>}
              {cols
                .filter((c) => !numericOnly || c.type === 'integer' || c.type === 'number' || c.type === 'boolean')
                .map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
            </select>
            <input className="input" aria-label={`Label ${i + 1}`} placeholder="Label (optional)" value={m.as ?? ''} onChange={(e) => set(i, { as: e.target.value || undefined })} maxLength={80} />
            {value.length > 1 ? <Button size="sm" variant="ghost" icon="close" aria-label={`Remove measure ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))} /> : <span />}
            {fieldErr || aggErr ? (
              <span className="field-error" role="alert">
                {fieldErr ?? aggErr}
              </span>
            ) : null}
          </div>
        );
      })}
      {!single && value.length < 12 ? (
        <Button size="sm" variant="ghost" icon="plus" onClick={() => onChange([...value, { agg: 'count' }])}>
          Add measure
        </Button>
      ) : null}
    </fieldset>
  );
}

function stripEmpty(m: Measure): Measure {
  const out: Measure = { agg: m.agg };
  if (m.field) out.field = m.field;
  if (m.as) out.as = m.as;
  return out;
}
