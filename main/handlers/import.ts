import { ok } from '../../shared/contract/common.js';
import { ImportService } from '../import/import-service.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

/** Uploads from the browser UI, import preview, commit and cancel. */
export function importHandlers(svc: Services, imports = new ImportService(svc)): PartialHandlers {
  svc.onClose(() => imports.tasks.abortAll());
  return {
    'uploads.begin': ({ name, size }) => ({ uploadId: imports.uploads.begin(name, size) }),
    'uploads.chunk': ({ uploadId, offset, data }) => ({ received: imports.uploads.chunk(uploadId, offset, data) }),
    'import.preview': (input) => imports.preview(input),
    'import.commit': (input, ctx) => imports.commit(input, ctx.signal),
    'import.cancel': ({ taskId }) => {
      imports.cancel(taskId);
      return ok;
    },
  };
}
