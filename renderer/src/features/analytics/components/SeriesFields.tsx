/**
 * The pickers the panels share: a labelled select of choices (columns, models, ways to combine rows),
 * the Trend and Forecast panels' first row (time and value columns, then the panel's own fields), and
 * their seasonality (detect it, none, or a period the user names).
 */
import { useState, type ReactNode } from 'react';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { Field } from '../../../ui/Field.js';
import { numericColumns, timeColumns } from '../columns.js';
import { wholeAtLeast } from '../format.js';

/** A labelled select; each choice is a value, or a value with the words shown for it. */
export function ChoiceSelect<V extends string>({ label, choices, value, onChange, hint, className }: { label: string; choices: readonly (V | readonly [V, string])[]; value: V; onChange: (v: V) => void; hint?: string; className?: string }) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} {...(className ? { className } : {})}>
      {(a) => (
        <select {...a} className="select" value={value} onChange={(e) => onChange(e.target.value as V)}>
          {choices.map((c) => {
            const [v, words] = typeof c === 'string' ? [c, c] : c;
            return (
              <option key={v} value={v}>
                {words}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}

/** The dataset's time and value columns, starting on its time column and the first other number. */
export function useSeriesColumns(dataset: DatasetMeta) {
  const times = timeColumns(dataset);
  const values = numericColumns(dataset);
  const [timeColumn, setTimeColumn] = useState(times[0] ?? '');
  const [valueColumn, setValueColumn] = useState(values.find((v) => v !== times[0]) ?? '');
  return { times, values, timeColumn, setTimeColumn, valueColumn, setValueColumn, valid: !!timeColumn && !!valueColumn && timeColumn !== valueColumn };
}

/** A row of fields that starts with the time and value columns. */
export function SeriesFieldRow({ series, children }: { series: ReturnType<typeof useSeriesColumns>; children: ReactNode }) {
  return (
    <div className="field-pair">
      <ChoiceSelect label="Time" choices={series.times} value={series.timeColumn} onChange={series.setTimeColumn} />
      <ChoiceSelect label="Value" choices={series.values} value={series.valueColumn} onChange={series.setValueColumn} />
      {children}
    </div>
  );
}

export function useSeasonality(initialPeriod = 7) {
  const [mode, setMode] = useState<'auto' | 'off' | 'custom'>('auto');
  const [period, setPeriod] = useState(initialPeriod);
  return { mode, setMode, period, setPeriod, value: mode === 'custom' ? period : mode };
}

/** The seasonality select, and the period box when the user names one. */
export function SeasonalityFields({ season, labels }: { season: ReturnType<typeof useSeasonality>; labels: { auto: string; off: string; period: string } }) {
  return (
    <>
      <ChoiceSelect
        label="Seasonality"
        choices={[
          ['auto', labels.auto],
          ['off', labels.off],
          ['custom', 'Period…'],
        ]}
        value={season.mode}
        onChange={season.setMode}
      />
      {season.mode === 'custom' ? (
        <Field label={labels.period}>
          {(a) => <input {...a} className="input" type="number" min={2} max={10000} value={season.period} onChange={(e) => season.setPeriod(wholeAtLeast(e.target.value, 2))} />}
        </Field>
      ) : null}
    </>
  );
}
