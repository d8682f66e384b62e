/**
 * SMTP through nodemailer. Settings come from Settings (no secrets there) and the password from the
 * secret store; an smtp:// URL (CLI --smtp) may carry its own user and password for one command.
 */
import type Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { UdashError } from '../../shared/errors.js';
import { SmtpSettings } from '../../shared/model/report.js';
import { lazyRequire } from '../lazy-require.js';

const loadNodemailer = lazyRequire<typeof Nodemailer>('nodemailer');

export interface SmtpConnection {
  settings: SmtpSettings;
  password?: string;
}

export function createTransport(c: SmtpConnection): Transporter {
  const s = c.settings;
  return loadNodemailer().createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    requireTLS: s.requireTLS,
    ...(s.user ? { auth: { user: s.user, pass: c.password ?? '' } } : {}),
    tls: { rejectUnauthorized: !s.allowSelfSigned },
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

/** smtp://[user[:password]@]host[:port] or smtps:// for TLS on connect. */
export function smtpFromUrl(url: string, from: string, base?: Partial<SmtpSettings>): SmtpConnection {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UdashError('BAD_INPUT', `--smtp must be a URL like smtp://host:port; got "${url}"`, { field: 'smtp' });
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new UdashError('BAD_INPUT', `--smtp must start with smtp:// or smtps://; got "${u.protocol}"`, { field: 'smtp' });
  const secure = u.protocol === 'smtps:';
  const parsed = SmtpSettings.safeParse({ ...base, host: u.hostname, port: u.port ? Number(u.port) : secure ? 465 : 25, secure, user: u.username ? decodeURIComponent(u.username) : undefined, from });
  if (!parsed.success) throw new UdashError('BAD_INPUT', `The SMTP settings from --smtp are invalid: ${parsed.error.issues[0]?.message ?? 'invalid'} (${parsed.error.issues[0]?.path.join('.')})`, { field: 'smtp' });
  return { settings: parsed.data, ...(u.password ? { password: decodeURIComponent(u.password) } : {}) };
}
