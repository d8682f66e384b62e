/**
 * One-hidden-layer networks for NNAR: trained with @tensorflow/tfjs (gradients and Adam), then copied
 * out as plain Float64Arrays so forecasting and simulation run in ordinary JavaScript with no tensors
 * to manage. The caller hands in the tfjs module (see ./runtime.ts) so that shared/ never loads it.
 */
import type * as TF from '@tensorflow/tfjs';

/** Weights of inputs → sigmoid(hidden) → linear output, row-major. */
export interface NetWeights {
  inputs: number;
  hidden: number;
  w1: Float64Array; // inputs × hidden
  b1: Float64Array; // hidden
  w2: Float64Array; // hidden
  b2: number;
}

export interface TrainOptions {
  hidden: number;
  /** Networks in the ensemble (their outputs are averaged, as R's nnetar averages 20). */
  repeats: number;
  iterations: number;
  learningRate: number;
  /** L2 weight decay, which keeps the small networks from overfitting short series (nnetar's decay). */
  decay: number;
  seed: number;
  /** Warm start: begin from these weights instead of random ones (a backtest's refits). */
  start?: NetWeights[];
}

/** Trains the ensemble on rows x (n × inputs, row-major) with targets t. */
export function trainEnsemble(tf: typeof TF, x: Float64Array, t: Float64Array, inputs: number, opts: TrainOptions): NetWeights[] {
  const n = t.length;
  const X = tf.tensor2d(Float32Array.from(x), [n, inputs]);
  const Y = tf.tensor2d(Float32Array.from(t), [n, 1]);
  try {
    return Array.from({ length: opts.repeats }, (_, r) => trainOne(tf, X, Y, n, inputs, r, opts));
  } finally {
    X.dispose();
    Y.dispose();
  }
}

function trainOne(tf: typeof TF, X: TF.Tensor2D, Y: TF.Tensor2D, n: number, inputs: number, r: number, opts: TrainOptions): NetWeights {
  const init = opts.start?.[r];
  const k = opts.hidden;
  const w1 = tf.variable(init ? tf.tensor2d(Float32Array.from(init.w1), [inputs, k]) : tf.randomNormal([inputs, k], 0, 1 / Math.sqrt(inputs), 'float32', opts.seed + 31 * r));
  const b1 = tf.variable(init ? tf.tensor1d(Float32Array.from(init.b1)) : tf.zeros([k]));
  const w2 = tf.variable(init ? tf.tensor2d(Float32Array.from(init.w2), [k, 1]) : tf.randomNormal([k, 1], 0, 1 / Math.sqrt(k), 'float32', opts.seed + 31 * r + 7));
  const b2 = tf.variable(init ? tf.scalar(init.b2) : tf.scalar(0));
  const optimizer = tf.train.adam(opts.learningRate);
  try {
    const loss = (): TF.Scalar =>
      tf.tidy(() => {
        const yhat = tf.sigmoid(X.matMul(w1).add(b1)).matMul(w2).add(b2);
        return tf.losses.meanSquaredError(Y, yhat).add(w1.square().sum().add(w2.square().sum()).mul(opts.decay / n));
      });
    for (let i = 0; i < opts.iterations; i++) optimizer.minimize(loss);
    return { inputs, hidden: k, w1: Float64Array.from(w1.dataSync()), b1: Float64Array.from(b1.dataSync()), w2: Float64Array.from(w2.dataSync()), b2: b2.dataSync()[0]! };
  } finally {
    optimizer.dispose();
    tf.dispose([w1, b1, w2, b2]);
  }
}

/** The ensemble's average output for one input row. */
export function predict(nets: readonly NetWeights[], row: ArrayLike<number>): number {
  let sum = 0;
  for (const net of nets) {
    let y = net.b2;
    for (let j = 0; j < net.hidden; j++) {
      let a = net.b1[j]!;
      for (let i = 0; i < net.inputs; i++) a += row[i]! * net.w1[i * net.hidden + j]!;
      y += net.w2[j]! / (1 + Math.exp(-a));
    }
    sum += y;
  }
  return sum / nets.length;
}
