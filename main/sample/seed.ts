import type { Services } from '../services.js';

/**
 * Creates the sample workspace in an empty store so a new user sees real data at once.
 * TODO(import): load assets/sample-data through the import pipeline and build the sample dashboard.
 */
export async function ensureSampleWorkspace(svc: Services): Promise<void> {
  const c = svc.core();
  if (c.workspaces.count() > 0) return;
  c.workspaces.create('Sample workspace', { isSample: true });
}
