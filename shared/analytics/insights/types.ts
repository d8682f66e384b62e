/** One plain-language finding, for an insight card in the UI or a line in a report. */
export type InsightKind = 'summary' | 'trend' | 'seasonality' | 'forecast' | 'accuracy' | 'model' | 'correlation' | 'regression' | 'distribution' | 'outliers';

export interface Insight {
  kind: InsightKind;
  /** How a card colours it: good news, bad news, neutral, or "read with care". */
  tone: 'positive' | 'negative' | 'neutral' | 'caution';
  /** A short heading ("Trend", "Forecast"). */
  title: string;
  /** One or two sentences, complete and punctuated. */
  text: string;
}
