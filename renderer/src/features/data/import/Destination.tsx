import { useApp } from '../../../app/context.js';
import { Field } from '../../../ui/Field.js';

export interface DestinationValue {
  mode: 'create' | 'append' | 'replace';
  name: string;
  onError: 'skip' | 'abort';
}

/** Where the rows go (a new dataset, or appended to / replacing an existing one) and what to do with bad rows. */
export function Destination({ value, onChange, invalidField, nameError, hasIssues }: { value: DestinationValue; onChange: (v: DestinationValue) => void; invalidField: string | undefined; nameError: string; hasIssues: boolean }) {
  const datasets = useApp((s) => s.datasets);
  const set = (patch: Partial<DestinationValue>) => onChange({ ...value, ...patch });
  const nameInvalid = invalidField === 'name';
  return (
    <section className="card panel" aria-labelledby="dest-title">
      <div className="panel-head">
        <h3 id="dest-title">Destination</h3>
      </div>
      <div className="dest-grid">
        <fieldset className="segmented" aria-label="Import mode">
          <legend className="field-label">Import into</legend>
          {(
            [
              ['create', 'A new dataset'],
              ['append', 'Append to a dataset'],
              ['replace', 'Replace a dataset'],
            ] as const
          ).map(([mode, label]) => (
            <label key={mode} className={`segment${value.mode === mode ? ' active' : ''}`}>
              <input
                type="radio"
                name="import-mode"
                value={mode}
                checked={value.mode === mode}
                disabled={mode !== 'create' && datasets.length === 0}
                onChange={() => set({ mode, name: mode === 'create' ? value.name : (datasets.find((d) => d.name === value.name)?.name ?? datasets[0]?.name ?? '') })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {value.mode === 'create' ? (
          <Field label="Dataset name" error={nameInvalid ? nameError : undefined}>
            {(a) => <input {...a} className="input" value={value.name} maxLength={120} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
        ) : (
          <Field label="Dataset" error={nameInvalid ? nameError : undefined} hint={value.mode === 'append' ? 'Rows are added; the columns must match the dataset.' : 'All current rows are replaced, in one transaction.'}>
            {(a) => (
              <select {...a} className="select" value={value.name} onChange={(e) => set({ name: e.target.value })}>
                {datasets.map((d) => (
                  <option key={d.id} value={d.name}>
                    {d.name} ({d.rowCount.toLocaleString()} rows)
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <fieldset className="radio-list">
          <legend className="field-label">Rows with problems</legend>
          <label className="check">
            <input type="radio" name="on-error" value="skip" checked={value.onError === 'skip'} onChange={() => set({ onError: 'skip' })} />
            Skip them and import the rest (they are listed afterwards)
          </label>
          <label className="check">
            <input type="radio" name="on-error" value="abort" checked={value.onError === 'abort'} onChange={() => set({ onError: 'abort' })} />
            Stop: import nothing if any row has a problem
          </label>
          {hasIssues ? <span className="muted small">The preview found problems; with “Stop”, this import will not go through.</span> : null}
        </fieldset>
      </div>
    </section>
  );
}
