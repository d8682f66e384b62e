/**
 * Runs an analytics job on data already in the page in the app's Web Worker pool (five-minute cache,
 * shared computations), and stops it when the job changes or the component goes away. `job` should
 * be memoised: a new object is a new run (answered from the cache when data and parameters match).
 */
import { useEffect, useState } from 'react';
import { useClient } from '../../app/context.js';
import { analyticsRuntimeFor } from '../../workers/analytics-runtime.js';
import type { WorkerAnswer, WorkerJob } from '../../workers/protocol.js';
import { spawnAnalyticsWorker } from '../../workers/spawn.js';

export type WorkerJobState<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: T } | { status: 'error'; error: unknown };

export function useWorkerJob<J extends WorkerJob>(job: J | null): WorkerJobState<WorkerAnswer<J>> {
  const client = useClient();
  const [state, setState] = useState<WorkerJobState<WorkerAnswer<J>>>({ status: 'idle' });
  useEffect(() => {
    if (!job) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'running' });
    const ctrl = new AbortController();
    analyticsRuntimeFor(client, spawnAnalyticsWorker)
      .run(job, { signal: ctrl.signal })
      .then(
        (result) => !ctrl.signal.aborted && setState({ status: 'done', result: result as WorkerAnswer<J> }),
        (error: unknown) => !ctrl.signal.aborted && setState({ status: 'error', error }),
      );
    return () => ctrl.abort();
  }, [client, job]);
  return state;
}
