import { useEffect, useState } from 'react';
import { useClient } from '../../../app/context.js';
import { Button } from '../../../ui/Button.js';
import { localDate, localTimeZone, newSchedule } from '../model/schedule-form.js';
import { ScheduleCard, type Calendar } from './ScheduleCard.js';
import type { StepProps } from './step-props.js';

/** Step 2: when it runs: any number of schedules (or none: on demand only), each with its next runs. */
export function ScheduleStep({ state, setSchedules, errors }: StepProps) {
  const client = useClient();
  const [countries, setCountries] = useState<Calendar[]>([]);
  const schedules = state.schedules;
  const zone = schedules[0]?.timezone ?? localTimeZone();

  useEffect(() => {
    let live = true;
    client.call('reports.holidayCalendars', {}).then(
      (r) => live && setCountries(r.countries),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  return (
    <div className="step-body">
      <p className="muted">
        A report can have several schedules; the times are in the schedule’s time zone and stay there across daylight-saving changes. Runs missed while the computer slept run once when it wakes. Without a schedule the report runs only when you start it.
      </p>
      {schedules.map((s, i) => (
        <ScheduleCard key={s.id ?? `new-${i}`} index={i} schedule={s} countries={countries} errors={errors} onChange={(next) => setSchedules(schedules.map((x, j) => (j === i ? next : x)))} onRemove={() => setSchedules(schedules.filter((_, j) => j !== i))} />
      ))}
      {schedules.length === 0 ? <p className="empty-note">No schedule: the report runs only with “Run now”.</p> : null}
      <div className="row gap">
        <Button icon="plus" onClick={() => setSchedules([...schedules, newSchedule(zone)])} disabled={schedules.length >= 20}>
          Add a schedule
        </Button>
        <Button icon="calendar" onClick={() => setSchedules([...schedules, { ...newSchedule(zone), recurrence: { kind: 'once', at: `${localDate(new Date(), 1)}T09:00` } }])} disabled={schedules.length >= 20}>
          Add a one-time run
        </Button>
      </div>
    </div>
  );
}
