/**
 * Forecast accuracy measures (Hyndman & Koehler 2006, "Another look at measures of forecast accuracy",
 * IJF 22(4); FPP3 §5.8). Percentage measures are in percent. A measure that is undefined for the data
 * (MAPE with zero actuals, MASE on a series whose naive errors are all zero) is null, never NaN.
 */
export interface Accuracy {
  mae: number | null;
  rmse: number | null;
  mape: number | null;
  smape: number | null;
  mase: number | null;
}

/** Accumulates errors over several forecast windows, each with its own MASE scale. */
export class AccuracyAccumulator {
  private n = 0;
  private absSum = 0;
  private sqSum = 0;
  private apeSum = 0;
  private apeN = 0;
  private sapeSum = 0;
  private sapeN = 0;
  private scaledSum = 0;
  private scaledN = 0;

  add(actual: number, forecast: number, scale: number): void {
    const e = actual - forecast;
    this.n++;
    this.absSum += Math.abs(e);
    this.sqSum += e * e;
    if (actual !== 0) {
      this.apeSum += Math.abs(e / actual);
      this.apeN++;
    }
    const denom = Math.abs(actual) + Math.abs(forecast);
    if (denom > 0) {
      this.sapeSum += (2 * Math.abs(e)) / denom;
      this.sapeN++;
    } else {
      this.sapeN++; // 0/0: a perfect forecast of zero counts as no error
    }
    if (scale > 0) {
      this.scaledSum += Math.abs(e) / scale;
      this.scaledN++;
    }
  }

  result(): Accuracy {
    const n = this.n;
    return {
      mae: n ? this.absSum / n : null,
      rmse: n ? Math.sqrt(this.sqSum / n) : null,
      mape: this.apeN ? (100 * this.apeSum) / this.apeN : null,
      smape: this.sapeN ? (100 * this.sapeSum) / this.sapeN : null,
      mase: this.scaledN ? this.scaledSum / this.scaledN : null,
    };
  }
}

/** MASE scale: in-sample MAE of the seasonal naive forecast (lag m; lag 1 when m = 1). */
export function maseScale(train: Float64Array, m: number): number {
  const lag = m > 1 && train.length > m ? m : 1;
  let s = 0;
  for (let t = lag; t < train.length; t++) s += Math.abs(train[t]! - train[t - lag]!);
  return train.length > lag ? s / (train.length - lag) : 0;
}

/** Accuracy of one forecast against actuals. */
export function accuracy(actual: ArrayLike<number>, forecast: ArrayLike<number>, train: Float64Array, m: number): Accuracy {
  const acc = new AccuracyAccumulator();
  const scale = maseScale(train, m);
  for (let i = 0; i < actual.length; i++) acc.add(actual[i]!, forecast[i]!, scale);
  return acc.result();
}
