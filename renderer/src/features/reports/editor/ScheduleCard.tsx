import { useEffect, useState } from 'react';
import type { MonthDay, Recurrence } from '../../../../../shared/model/report.js';
import { useClient } from '../../../app/context.js';
import { Button } from '../../../ui/Button.js';
import { Field } from '../../../ui/Field.js';
import type { ScheduleForm } from '../model/draft.js';
import { monthDayOfKind, NTH, RECURRENCE_KINDS, timeOf, timeZones, toggleDay, WEEKDAYS, withKind, withTime, type RecurrenceKind } from '../model/schedule-form.js';
import { NextRuns } from './NextRuns.js';
import { errorAt } from './step-props.js';

export interface Calendar {
  code: string;
  name: string;
}

function MonthDayField({ value, onChange, idPrefix }: { value: MonthDay; onChange: (m: MonthDay) => void; idPrefix: string }) {
  return (
    <div className="row gap wrap">
      <Field label="Runs on">
        {(a) => (
          <select {...a} className="select" value={value.type} onChange={(e) => onChange(monthDayOfKind(e.target.value as MonthDay['type'], value))}>
            <option value="day">Day of the month</option>
            <option value="last">Last day of the month</option>
            <option value="nth">A weekday of the month</option>
          </select>
        )}
      </Field>
      {value.type === 'day' ? (
        <Field label="Day" hint="Past the month’s end: its last day">
          {(a) => <input {...a} id={`${idPrefix}-day`} className="input input-num" type="number" min={1} max={31} value={value.day} onChange={(e) => onChange({ type: 'day', day: Math.min(31, Math.max(1, Number(e.target.value) || 1)) })} />}
        </Field>
      ) : null}
      {value.type === 'nth' ? (
        <>
          <Field label="Which">
            {(a) => (
              <select {...a} className="select" value={String(value.nth)} onChange={(e) => onChange({ ...value, nth: e.target.value === 'last' ? 'last' : Number(e.target.value) })}>
                {NTH.map((n) => (
                  <option key={n.value} value={String(n.value)}>
                    {n.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Weekday">
            {(a) => (
              <select {...a} className="select" value={value.weekday} onChange={(e) => onChange({ ...value, weekday: Number(e.target.value) })}>
                {WEEKDAYS.map((w) => (
                  <option key={w.value} value={w.value}>
                    {w.long}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : null}
    </div>
  );
}

function RecurrenceFields({ r, onChange, idPrefix }: { r: Recurrence; onChange: (r: Recurrence) => void; idPrefix: string }) {
  switch (r.kind) {
    case 'weekly':
      return (
        <fieldset>
          <legend className="field-label">Days</legend>
          <div className="day-toggles">
            {WEEKDAYS.map((w) => (
              <label key={w.value} className={`day-toggle${r.days.includes(w.value) ? ' active' : ''}`}>
                <input type="checkbox" checked={r.days.includes(w.value)} onChange={() => onChange({ ...r, days: toggleDay(r.days, w.value) })} aria-label={w.long} />
                {w.short}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case 'monthly':
      return <MonthDayField value={r.on} onChange={(on) => onChange({ ...r, on })} idPrefix={idPrefix} />;
    case 'quarterly':
      return (
        <div className="stack">
          <Field label="Quarter months">
            {(a) => (
              <select {...a} className="select" value={r.startMonth} onChange={(e) => onChange({ ...r, startMonth: Number(e.target.value) })}>
                <option value={1}>Jan, Apr, Jul, Oct</option>
                <option value={2}>Feb, May, Aug, Nov</option>
                <option value={3}>Mar, Jun, Sep, Dec</option>
              </select>
            )}
          </Field>
          <MonthDayField value={r.on} onChange={(on) => onChange({ ...r, on })} idPrefix={idPrefix} />
        </div>
      );
    case 'once':
      return (
        <Field label="Date">
          {(a) => <input {...a} className="input" type="date" value={r.at.slice(0, 10)} onChange={(e) => e.target.value && onChange({ ...r, at: `${e.target.value}T${r.at.slice(11, 16)}` })} />}
        </Field>
      );
    case 'cron':
      return (
        <Field label="Cron expression" hint="minute hour day-of-month month weekday, e.g. 30 8 * * 1-5">
          {(a) => <input {...a} className="input mono" value={r.expression} onChange={(e) => onChange({ ...r, expression: e.target.value })} />}
        </Field>
      );
    default:
      return null;
  }
}

/** One schedule: its recurrence, time and zone, dates, business days and holidays, and its next runs from main. */
export function ScheduleCard({ index, schedule, onChange, onRemove, countries, errors }: { index: number; schedule: ScheduleForm; onChange: (s: ScheduleForm) => void; onRemove: () => void; countries: Calendar[]; errors: Record<string, string> }) {
  const client = useClient();
  const [regions, setRegions] = useState<Calendar[]>([]);
  const country = schedule.holidays?.country;
  const at = (f: string) => errorAt(errors, `schedules.${index}.${f}`);
  const time = timeOf(schedule.recurrence);
  const prefix = `schedule-${index}`;

  useEffect(() => {
    let live = true;
    setRegions([]);
    if (!country) return;
    client.call('reports.holidayCalendars', { country }).then(
      (r) => live && setRegions(r.regions),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, country]);

  const set = (patch: Partial<ScheduleForm>) => onChange({ ...schedule, ...patch });
  const other = Object.entries(errors).find(([k]) => k === `schedules.${index}` || k.startsWith(`schedules.${index}.`))?.[1];

  return (
    <section className="card schedule-card" aria-label={`Schedule ${index + 1}`} data-field={`schedules.${index}`}>
      <header className="schedule-card-header">
        <h3>{schedule.recurrence.kind === 'once' ? 'One-time run' : `Schedule ${index + 1}`}</h3>
        <label className="check small">
          <input type="checkbox" checked={schedule.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          Enabled
        </label>
        <Button size="sm" variant="ghost" icon="trash" onClick={onRemove} aria-label={`Remove schedule ${index + 1}`} title="Remove this schedule" />
      </header>
      <div className="schedule-grid">
        <div className="stack">
          <div className="row gap wrap">
            <Field label="Repeats" error={at('recurrence')}>
              {(a) => (
                <select {...a} className="select" value={schedule.recurrence.kind} onChange={(e) => set({ recurrence: withKind(schedule.recurrence, e.target.value as RecurrenceKind) })}>
                  {RECURRENCE_KINDS.map((k) => (
                    <option key={k.value} value={k.value}>
                      {k.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {time !== null ? (
              <Field label="Time">
                {(a) => <input {...a} className="input" type="time" value={time} onChange={(e) => e.target.value && set({ recurrence: withTime(schedule.recurrence, e.target.value) })} />}
              </Field>
            ) : null}
            <Field label="Time zone" error={at('timezone')} className="grow">
              {(a) => (
                <select {...a} className="select" value={schedule.timezone} onChange={(e) => set({ timezone: e.target.value })}>
                  {timeZones(schedule.timezone).map((z) => (
                    <option key={z} value={z}>
                      {z}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <RecurrenceFields r={schedule.recurrence} onChange={(recurrence) => set({ recurrence })} idPrefix={prefix} />
          {schedule.recurrence.kind !== 'once' ? (
            <>
              <div className="row gap wrap">
                <Field label="Starts (optional)" error={at('startDate')}>
                  {(a) => <input {...a} className="input" type="date" value={schedule.startDate ?? ''} onChange={(e) => set({ startDate: e.target.value || undefined })} />}
                </Field>
                <Field label="Ends (optional)" error={at('endDate')}>
                  {(a) => <input {...a} className="input" type="date" value={schedule.endDate ?? ''} onChange={(e) => set({ endDate: e.target.value || undefined })} />}
                </Field>
                <Field label="Label (optional)">
                  {(a) => <input {...a} className="input" value={schedule.label} maxLength={120} placeholder="e.g. Monday brief" onChange={(e) => set({ label: e.target.value })} />}
                </Field>
              </div>
              <label className="check">
                <input type="checkbox" checked={schedule.businessDaysOnly} onChange={(e) => set({ businessDaysOnly: e.target.checked })} />
                Business days only (never on Saturday or Sunday)
              </label>
              <div className="row gap wrap">
                <Field label="Skip public holidays of" error={at('holidays.country') ?? at('holidays')}>
                  {(a) => (
                    <select {...a} className="select" value={country ?? ''} onChange={(e) => set({ holidays: e.target.value ? { country: e.target.value } : null })}>
                      <option value="">No holiday calendar</option>
                      {countries.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {country && regions.length > 0 ? (
                  <Field label="Region" error={at('holidays.region')}>
                    {(a) => (
                      <select {...a} className="select" value={schedule.holidays?.region ?? ''} onChange={(e) => set({ holidays: { country, ...(e.target.value ? { region: e.target.value } : {}) } })}>
                        <option value="">Whole country</option>
                        {regions.map((c) => (
                          <option key={c.code} value={c.code}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ) : null}
                {schedule.businessDaysOnly || country ? (
                  <Field label="A run on a day off">
                    {(a) => (
                      <select {...a} className="select" value={schedule.nonBusinessDay} onChange={(e) => set({ nonBusinessDay: e.target.value as ScheduleForm['nonBusinessDay'] })}>
                        <option value="skip">is skipped</option>
                        <option value="next">moves to the next business day</option>
                      </select>
                    )}
                  </Field>
                ) : null}
              </div>
            </>
          ) : null}
          {other && !at('timezone') && !at('holidays') && !at('startDate') && !at('endDate') && !at('recurrence') ? (
            <p className="field-error" role="alert">
              {other}
            </p>
          ) : null}
        </div>
        <div className="schedule-next">
          <span className="field-label">Next runs</span>
          <NextRuns schedule={schedule} />
        </div>
      </div>
    </section>
  );
}
