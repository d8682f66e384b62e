/**
 * Structured logs: one JSON object per line ({t, level, msg, ...fields}). Callers log token ids, never
 * tokens; as a second line of defence every line passes through a redactor that masks anything shaped
 * like a token secret, so a token pasted into a URL or an error message still never reaches the log.
 */
import { TOKEN_IN_TEXT } from '../auth/token-format.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_TEXT, 'udsync_$1_***');
}

export interface JsonLoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
  /** Fields added to every line (e.g. the instance id). */
  base?: LogFields;
}

function errorFields(v: unknown): unknown {
  if (v instanceof Error) return { name: v.name, message: v.message, ...(process.env.UDASH_DEBUG ? { stack: v.stack } : {}) };
  return v;
}

export function createJsonLogger(opts: JsonLoggerOptions = {}): Logger {
  const min = LEVELS[opts.level ?? 'info'];
  const write = opts.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const log = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (LEVELS[level] < min) return;
    const rec: LogFields = { t: new Date().toISOString(), level, msg, ...opts.base };
    if (fields) for (const [k, v] of Object.entries(fields)) rec[k] = errorFields(v);
    let line: string;
    try {
      line = JSON.stringify(rec);
    } catch {
      line = JSON.stringify({ t: rec.t, level, msg, note: 'fields were not serialisable' });
    }
    write(redactTokens(line));
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

export const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
