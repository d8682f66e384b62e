/** The renderer's analytics Web Worker: runs shared/analytics jobs off the page's main thread. */
import { handleMessage } from './handle-message.js';
import type { FromWorker, ToWorker } from './protocol.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };
scope.onmessage = (e) => handleMessage(e.data, (m) => scope.postMessage(m));
