/**
 * The `udash` command: the same services and handlers as the desktop app, without a window.
 * Exit codes: 0 success, 2 bad usage, 1 failure (message on stderr, never a stack trace).
 */
import { Command, CommanderError } from 'commander';
import { UdashError } from '../../shared/errors.js';
import { APP_VERSION } from '../services.js';
import { UsageError, type GlobalOptions } from './context.js';
import { registerListing } from './commands/listing.js';
import { registerImport } from './commands/import.js';
import { registerQuery } from './commands/query.js';
import { registerServe } from './commands/serve.js';
import { registerBackup } from './commands/backup.js';
import { registerAnalyticsForecast } from './commands/analytics-forecast.js';
import { registerAnalytics } from './commands/analytics.js';
import { registerSyncServer } from './commands/sync-server.js';
import { registerReport } from './commands/report.js';

/** Feature modules add their commands through this list (analytics, reports, sync-server …). */
export type CommandRegistrar = (program: Command, globals: () => GlobalOptions) => void;
export const REGISTRARS: CommandRegistrar[] = [registerServe, registerListing, registerImport, registerQuery, registerBackup, registerAnalytics, registerAnalyticsForecast, registerSyncServer, registerReport];

export function buildProgram(): Command {
  const program = new Command('udash')
    .description('Universal Dashboard: offline-first analytics workstation')
    .version(APP_VERSION)
    .option('--home <dir>', 'data folder (default: UDASH_HOME or the platform user-data folder)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const globals = () => program.opts<GlobalOptions>();
  for (const register of REGISTRARS) register(program, globals);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`udash: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UdashError) {
      const where = [e.details.file, e.details.row !== undefined ? `row ${e.details.row}` : undefined, e.details.column ? `column "${e.details.column}"` : undefined].filter(Boolean).join(', ');
      process.stderr.write(`udash: ${e.message}${where && !e.message.includes(String(e.details.file ?? '\u0000')) ? ` (${where})` : ''}\n`);
      return 1;
    }
    process.stderr.write(`udash: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.UDASH_DEBUG) console.error(e);
    return 1;
  }
}
