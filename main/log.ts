import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './rpc/dispatcher.js';
import { redactTokens } from '../shared/model/sync.js';

/**
 * Structured, line-per-event log. Never pass secrets here: callers log ids and counts, not configs.
 * Errors keep their stack in the log file only; users see the typed message.
 */
export function createLogger(dir: string | null, opts: { echo?: boolean } = {}): Logger & { close(): Promise<void> } {
  let stream: fs.WriteStream | null = null;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    stream = fs.createWriteStream(path.join(dir, 'udash.log'), { flags: 'a' });
  }
  const write = (level: string, msg: string, err?: unknown) => {
    // Defence in depth: a sync token quoted by any message (a URL in an error) is masked before it is written.
    const line = redactTokens(JSON.stringify({ t: new Date().toISOString(), level, msg, ...(err ? { err: err instanceof Error ? err.stack ?? err.message : String(err) } : {}) }));
    stream?.write(line + '\n');
    if (opts.echo || (level === 'error' && process.env.UDASH_LOG_ECHO)) process.stderr.write(line + '\n');
  };
  return {
    error: (m, e) => write('error', m, e),
    warn: (m) => write('warn', m),
    info: (m) => write('info', m),
    // Resolves once the file is flushed and closed, so a caller may delete the folder right after.
    close: () =>
      new Promise<void>((resolve) => {
        if (!stream) return resolve();
        const s = stream;
        stream = null;
        s.end(() => resolve());
      }),
  };
}
