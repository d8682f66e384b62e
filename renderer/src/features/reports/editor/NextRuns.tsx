import { useEffect, useState } from 'react';
import { useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { Spinner } from '../../../ui/States.js';
import { cleanSchedule, type ScheduleForm } from '../model/draft.js';
import { formatWhen } from '../model/format.js';
import { localTimeZone } from '../model/schedule-form.js';

/**
 * The next run times of a schedule being edited, computed by main (reports.nextRuns: the same rule the
 * scheduler fires by, DST and holidays included), in the schedule's zone and, when it differs, the
 * user's own. Asked again a moment after the last change.
 */
export function NextRuns({ schedule, count = 5 }: { schedule: ScheduleForm; count?: number }) {
  const client = useClient();
  const [state, setState] = useState<{ runs: string[]; description: string } | { error: string } | null>(null);
  const key = JSON.stringify(cleanSchedule(schedule));
  const here = localTimeZone();

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      client.call('reports.nextRuns', { schedule: JSON.parse(key) as ScheduleForm, count }).then(
        (r) => live && setState(r),
        (e) => live && setState({ error: errorMessage(e) }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [client, key, count]);

  if (!state) return <Spinner label="Computing the next runs" />;
  if ('error' in state) {
    return (
      <p className="field-error" role="alert" data-testid="next-runs-error">
        {state.error}
      </p>
    );
  }
  return (
    <div className="next-runs" data-testid="next-runs" aria-live="polite">
      <p className="small">
        <strong>{state.description}</strong>
      </p>
      {state.runs.length === 0 ? (
        <p className="muted small">No more runs: the schedule has ended.</p>
      ) : (
        <ol className="next-runs-list">
          {state.runs.map((iso) => (
            <li key={iso} data-run={iso}>
              {formatWhen(iso, schedule.timezone)}
              {schedule.timezone !== here ? <span className="muted"> · {formatWhen(iso, here)} your time</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
