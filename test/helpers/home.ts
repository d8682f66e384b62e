import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createServices, type Services, type ServicesOptions } from '../../main/services.js';

/** A fresh data folder per test, removed afterwards. */
export function tempHome(prefix = 'udash-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Services on a fresh data folder; closed and removed after the test. */
export async function testServices(opts: ServicesOptions = {}): Promise<Services> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-svc-'));
  const svc = await createServices({ home, sample: false, ...opts });
  afterEach(async () => {
    await svc.close();
    fs.rmSync(home, { recursive: true, force: true });
  });
  return svc;
}
