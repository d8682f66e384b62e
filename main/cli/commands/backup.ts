import type { Command } from 'commander';
import { makeOut, withServices, type GlobalOptions } from '../context.js';

export function registerBackup(program: Command, globals: () => GlobalOptions): void {
  program
    .command('backup')
    .description('Write a consistent copy of the data store to the backups folder (safe while the app runs)')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const out = makeOut(!!(o.json ?? globals().json));
      await withServices(globals(), async (svc) => {
        const b = await svc.dispatcher.call('store.backup', {});
        out.print(b, () => `Backup written to ${b.file} (${b.bytes.toLocaleString()} bytes).`);
      });
    });
}
