/**
 * Loads @tensorflow/tfjs on its pure-JavaScript CPU backend, on demand: the module is large, and only a
 * user who asks for the neural model pays for loading it. The CPU backend gives the same numbers in a
 * browser worker, the main process and the CLI (WebGL would not, and is absent in workers and Node).
 */
import type * as TF from '@tensorflow/tfjs';

export type NeuralRuntime = typeof TF;

let loading: Promise<NeuralRuntime> | null = null;

export function loadNeuralRuntime(): Promise<NeuralRuntime> {
  loading ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    // Production mode skips per-op debug checks (faster) and the console banner advertising tfjs-node.
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return loading;
}
