import { ComingSoon } from '../../ui/ComingSoon.js';

export default function AnalyticsSection() {
  return (
    <ComingSoon
      icon="analytics"
      title="Analytics"
      lead="Statistics, forecasts and anomaly detection on your datasets will live here. This version does not include them yet."
      points={['Descriptive statistics and correlations per dataset', 'Forecasts with confidence bands you can overlay on dashboard charts', 'Anomaly detection and alerts on new data', 'Calculated metrics and what-if scenarios']}
    />
  );
}
