import { ExportService } from '../export/export-service.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

/** Dataset and widget exports to CSV / XLSX, served afterwards as downloads. */
export function exportHandlers(svc: Services, exports = new ExportService(svc)): PartialHandlers {
  return {
    'export.dataset': (input, ctx) => exports.dataset(input, ctx.signal),
    'export.widget': (input, ctx) => exports.widget(input, ctx.signal),
  };
}
