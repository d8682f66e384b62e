/**
 * worker_thread entry for forecasting: runs shared/analytics/forecast off the main thread and posts
 * progress (at most ~10 a second) and the answer back. Cancellation is the parent terminating the thread.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorPayload, isUdashError } from '../../shared/errors.js';
import { forecastSeries, type ForecastRequest } from '../../shared/analytics/forecast/forecast-series.js';
import { loadNeuralRuntime } from '../../shared/analytics/forecast/neural/runtime.js';
import type { ForecastWorkerMessage } from './forecast-protocol.js';

const port = parentPort;
if (!port) throw new Error('forecast.worker must run as a worker_thread');

port.on('message', async (req: Omit<ForecastRequest, 'onProgress' | 'neural'>) => {
  let last = 0;
  const post = (m: ForecastWorkerMessage) => port.postMessage(m);
  try {
    const neural = req.model === 'nnar' || req.offerNeural ? await loadNeuralRuntime() : undefined;
    const value = forecastSeries({
      ...req,
      ...(neural ? { neural } : {}),
      onProgress: (phase, done, total) => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        post({ type: 'progress', phase, done, ...(total !== undefined ? { total } : {}) });
      },
    });
    post({ type: 'result', value });
  } catch (e) {
    post({ type: 'error', error: toErrorPayload(e), ...(isUdashError(e) ? {} : { internal: e instanceof Error ? (e.stack ?? e.message) : String(e) }) });
  }
});
