import { useId } from 'react';
import type { SendCondition } from '../../../../../shared/model/report.js';
import { Button } from '../../../ui/Button.js';
import { Field } from '../../../ui/Field.js';
import type { ReportForm } from '../model/draft.js';

type Rule = ReportForm['sendRule'];

const NEW_CONDITION: Record<SendCondition['kind'], (metric: string) => SendCondition> = {
  anomaly: () => ({ kind: 'anomaly' }),
  metricChange: (metric) => ({ kind: 'metricChange', metric, minPct: 10, direction: 'any' }),
  threshold: (metric) => ({ kind: 'threshold', metric, op: 'gt', value: 0, of: 'last' }),
};

function ConditionRow({ c, metrics, listId, onChange, onRemove, index, error }: { c: SendCondition; metrics: string[]; listId: string; onChange: (c: SendCondition) => void; onRemove: () => void; index: number; error: string | undefined }) {
  const metricInput = (value: string, set: (m: string) => void, optional = false) => (
    <Field label={optional ? 'Metric (any when empty)' : 'Metric'} error={error}>
      {(a) => <input {...a} className="input mono" list={listId} value={value} placeholder={metrics[0] ?? 'revenue'} onChange={(e) => set(e.target.value)} />}
    </Field>
  );
  return (
    <li className="row gap wrap condition-row" data-field={`sendRule.conditions.${index}`}>
      <Field label={`Condition ${index + 1}`}>
        {(a) => (
          <select {...a} className="select" value={c.kind} onChange={(e) => onChange(NEW_CONDITION[e.target.value as SendCondition['kind']]('metric' in c && c.metric ? c.metric : (metrics[0] ?? '')))}>
            <option value="anomaly">An anomaly occurred</option>
            <option value="metricChange">A metric moved by more than</option>
            <option value="threshold">A metric crossed a threshold</option>
          </select>
        )}
      </Field>
      {c.kind === 'anomaly' ? metricInput(c.metric ?? '', (m) => onChange(m ? { kind: 'anomaly', metric: m } : { kind: 'anomaly' }), true) : null}
      {c.kind === 'metricChange' ? (
        <>
          {metricInput(c.metric, (metric) => onChange({ ...c, metric }))}
          <Field label="By more than (%)">
            {(a) => <input {...a} className="input input-num" type="number" min={0.01} step="any" value={c.minPct} onChange={(e) => onChange({ ...c, minPct: Number(e.target.value) })} />}
          </Field>
          <Field label="Direction">
            {(a) => (
              <select {...a} className="select" value={c.direction} onChange={(e) => onChange({ ...c, direction: e.target.value as typeof c.direction })}>
                <option value="any">up or down</option>
                <option value="up">up</option>
                <option value="down">down</option>
              </select>
            )}
          </Field>
        </>
      ) : null}
      {c.kind === 'threshold' ? (
        <>
          {metricInput(c.metric, (metric) => onChange({ ...c, metric }))}
          <Field label="Value">
            {(a) => (
              <select {...a} className="select" value={c.of} onChange={(e) => onChange({ ...c, of: e.target.value as typeof c.of })}>
                <option value="last">latest value</option>
                <option value="total">total</option>
              </select>
            )}
          </Field>
          <Field label="Is">
            {(a) => (
              <select {...a} className="select" value={c.op} onChange={(e) => onChange({ ...c, op: e.target.value as typeof c.op })}>
                <option value="gt">above</option>
                <option value="gte">at or above</option>
                <option value="lt">below</option>
                <option value="lte">at or below</option>
              </select>
            )}
          </Field>
          <Field label="Threshold">
            {(a) => <input {...a} className="input input-num" type="number" step="any" value={c.value} onChange={(e) => onChange({ ...c, value: Number(e.target.value) })} />}
          </Field>
        </>
      ) : null}
      <Button size="sm" variant="ghost" icon="trash" onClick={onRemove} aria-label={`Remove condition ${index + 1}`} className="condition-remove" />
    </li>
  );
}

/** Conditional sends: skip empty reports; send only when an anomaly fired, a metric moved or crossed a threshold. */
export function SendRuleField({ rule, onChange, metrics, verdict, errors }: { rule: Rule; onChange: (r: Rule) => void; metrics: string[]; verdict: { pass: boolean; reason: string } | null; errors: Record<string, string> }) {
  const listId = useId();
  return (
    <fieldset className="stack" data-field="sendRule">
      <legend className="field-label">When a scheduled run is sent</legend>
      <label className="check">
        <input type="checkbox" checked={rule.skipWhenEmpty} onChange={(e) => onChange({ ...rule, skipWhenEmpty: e.target.checked })} />
        Skip it when every widget came back empty
      </label>
      {rule.conditions.length > 1 ? (
        <Field label="Send when">
          {(a) => (
            <select {...a} className="select" value={rule.mode} onChange={(e) => onChange({ ...rule, mode: e.target.value as Rule['mode'] })}>
              <option value="all">all conditions hold</option>
              <option value="any">any condition holds</option>
            </select>
          )}
        </Field>
      ) : null}
      <datalist id={listId}>
        {metrics.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      {rule.conditions.length ? (
        <ul className="condition-list">
          {rule.conditions.map((c, i) => (
            <ConditionRow key={i} c={c} index={i} metrics={metrics} listId={listId} error={errors[`sendRule.conditions.${i}.metric`]} onChange={(n) => onChange({ ...rule, conditions: rule.conditions.map((x, j) => (j === i ? n : x)) })} onRemove={() => onChange({ ...rule, conditions: rule.conditions.filter((_, j) => j !== i) })} />
          ))}
        </ul>
      ) : (
        <p className="muted small">Always sent (no condition).</p>
      )}
      <div>
        <Button size="sm" icon="plus" disabled={rule.conditions.length >= 20} onClick={() => onChange({ ...rule, conditions: [...rule.conditions, NEW_CONDITION.anomaly('')] })}>
          Add a condition
        </Button>
      </div>
      {verdict && rule.conditions.length ? (
        <p className={`small ${verdict.pass ? 'ok-text' : 'warn-text'}`} data-testid="condition-verdict">
          With today’s data: {verdict.pass ? 'it would be sent' : 'it would be skipped'} ({verdict.reason}).
        </p>
      ) : null}
    </fieldset>
  );
}
