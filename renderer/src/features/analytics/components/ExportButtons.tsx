import { Button } from '../../../ui/Button.js';
import type { useAnalyticsExport } from '../useExport.js';

type ExportMethod = 'analytics.export.forecast' | 'analytics.export.correlation';

/** A CSV and an Excel button for one export; each shows itself busy while its file is written. */
export function ExportButtons({ exporter, method, labels, onExport }: { exporter: ReturnType<typeof useAnalyticsExport>; method: ExportMethod; labels: { csv: string; xlsx: string }; onExport: (format: 'csv' | 'xlsx') => void }) {
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button key={format} size="sm" icon="download" busy={exporter.busy === `${method}:${format}`} onClick={() => onExport(format)}>
          {labels[format]}
        </Button>
      ))}
    </>
  );
}
