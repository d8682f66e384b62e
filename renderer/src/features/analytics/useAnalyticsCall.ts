/**
 * Runs one of main's analytics calls (dataset-wide jobs run in main's worker_threads) with a task id,
 * so its progress shows here and in the status bar and it can be cancelled. Answers are kept in the
 * app's five-minute analytics cache, keyed by the method, the parameters and the dataset's version,
 * so revisiting a panel is instant and changed rows are never answered from the cache.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract/index.js';
import { useApp, useAppStore, useClient } from '../../app/context.js';
import { errorCode } from '../../app/errors.js';
import { analyticsRuntimeFor } from '../../workers/analytics-runtime.js';
import { canonicalJson } from '../../workers/data-key.js';
import { spawnAnalyticsWorker } from '../../workers/spawn.js';

export type AnalyticsMethod = 'analytics.describe' | 'analytics.correlate' | 'analytics.regress' | 'analytics.distribution' | 'analytics.trend' | 'analytics.forecast';

export type CallState<T> =
  | { status: 'idle' }
  | { status: 'running'; taskId: string; previous?: T }
  | { status: 'done'; result: T; cached: boolean }
  | { status: 'cancelled' }
  | { status: 'error'; error: unknown };

const CANCEL: Record<AnalyticsMethod, MethodName> = {
  'analytics.describe': 'analytics.cancel',
  'analytics.correlate': 'analytics.cancel',
  'analytics.regress': 'analytics.cancel',
  'analytics.distribution': 'analytics.cancel',
  'analytics.trend': 'analytics.cancel',
  'analytics.forecast': 'analytics.forecast.cancel',
};

function forgetTask(store: ReturnType<typeof useAppStore>, taskId: string): void {
  const { [taskId]: gone, ...rest } = store.getState().tasks;
  if (gone) store.setState({ tasks: rest });
}

/** The dataset's version as far as answers are concerned: its rows changed when any of these did. */
export function useDatasetFingerprint(datasetId: string | null): string {
  return useApp((s) => {
    const d = s.datasets.find((x) => x.id === datasetId);
    return d ? `${d.id}:${d.rowCount}:${d.updatedAt}:${s.datasetVersions[d.id] ?? 0}` : '';
  });
}

export function useAnalyticsCall<M extends AnalyticsMethod>(method: M, label: string) {
  const client = useClient();
  const store = useAppStore();
  const [state, setState] = useState<CallState<MethodOutput<M>>>({ status: 'idle' });
  const seq = useRef(0);
  const current = useRef<string | null>(null);

  // A call still running when the panel goes away is stopped: nobody will read its answer.
  useEffect(
    () => () => {
      if (current.current) void client.call(CANCEL[method], { taskId: current.current } as never).catch(() => undefined);
    },
    [client, method],
  );

  const run = useCallback(
    async (input: Omit<MethodInput<M>, 'taskId'>, fingerprint: string): Promise<MethodOutput<M> | null> => {
      const mine = ++seq.current;
      const taskId = `${method}-${crypto.randomUUID()}`;
      const cache = analyticsRuntimeFor(client, spawnAnalyticsWorker).cache;
      const key = `${method}|${fingerprint}|${canonicalJson(input)}`;
      const cached = cache.has(key);
      if (!cached) {
        store.getState().labelTask(taskId, label);
        current.current = taskId;
      }
      setState((s) => ({ status: 'running', taskId, ...(s.status === 'done' ? { previous: s.result } : {}) }));
      try {
        const result = (await cache.getOrCompute(key, () => client.call(method, { ...input, taskId } as MethodInput<M>))) as MethodOutput<M>;
        if (mine === seq.current) setState({ status: 'done', result, cached });
        return result;
      } catch (error) {
        if (mine === seq.current) setState(errorCode(error) === 'CANCELLED' ? { status: 'cancelled' } : { status: 'error', error });
        return null;
      } finally {
        if (current.current === taskId) current.current = null;
        // The call is over: its line leaves the status bar now (main's last progress event need not say 100%).
        forgetTask(store, taskId);
      }
    },
    [client, method, label, store],
  );

  // Cancel answers at once: the panel stops waiting (its answer, should one still come, is dropped)
  // while main stops the work.
  const cancel = useCallback(() => {
    const taskId = current.current;
    if (!taskId) return;
    seq.current++;
    current.current = null;
    setState({ status: 'cancelled' });
    forgetTask(store, taskId);
    void client.call(CANCEL[method], { taskId } as never).catch(() => undefined);
  }, [client, method, store]);

  const reset = useCallback(() => {
    seq.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, run, cancel, reset };
}

/** The progress main reports for a running task (from the app store's task list). */
export function useTaskProgress(taskId: string | null): { phase: string; fraction: number | null } | null {
  return useApp((s) => {
    const t = taskId ? s.tasks[taskId] : undefined;
    if (!t) return null;
    return { phase: t.phase, fraction: t.total ? Math.min(1, t.done / t.total) : null };
  });
}
