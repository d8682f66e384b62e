import { ComingSoon } from '../../ui/ComingSoon.js';

export default function ReportsSection() {
  return (
    <ComingSoon
      icon="reports"
      title="Reports"
      lead="Scheduled reports built from your dashboards will live here. This version does not include them yet."
      points={['PDF, Excel and PowerPoint reports from any dashboard', 'Schedules (daily, weekly, monthly) that run while the app is open', 'Delivery by email with a history of every run']}
    />
  );
}
