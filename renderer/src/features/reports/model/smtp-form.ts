/**
 * The SMTP panel's form: text fields as typed, turned into the contract's SmtpSettings on save. The
 * three security choices map onto nodemailer's two switches (secure = TLS from the first byte;
 * requireTLS = refuse to send without STARTTLS).
 */
import type { SmtpSettings } from '../../../../../shared/model/report.js';

export type Security = 'starttls' | 'starttls-required' | 'tls';

export const SECURITY_OPTIONS: { value: Security; label: string; port: number }[] = [
  { value: 'starttls', label: 'STARTTLS when the server offers it', port: 587 },
  { value: 'starttls-required', label: 'STARTTLS required', port: 587 },
  { value: 'tls', label: 'TLS from the start (SMTPS)', port: 465 },
];

export interface SmtpForm {
  host: string;
  port: string;
  security: Security;
  user: string;
  from: string;
  fromName: string;
  replyTo: string;
  allowSelfSigned: boolean;
}

export function smtpFormOf(s: SmtpSettings | null): SmtpForm {
  if (!s) return { host: '', port: '587', security: 'starttls', user: '', from: '', fromName: 'Universal Dashboard', replyTo: '', allowSelfSigned: false };
  return {
    host: s.host,
    port: String(s.port),
    security: s.secure ? 'tls' : s.requireTLS ? 'starttls-required' : 'starttls',
    user: s.user ?? '',
    from: s.from,
    fromName: s.fromName,
    replyTo: s.replyTo ?? '',
    allowSelfSigned: s.allowSelfSigned,
  };
}

/** The settings to save; `batchSize` is kept from what was stored (the panel does not edit it). */
export function smtpSettingsOf(f: SmtpForm, stored: SmtpSettings | null): SmtpSettings {
  const port = Number(f.port);
  return {
    host: f.host.trim(),
    port: Number.isInteger(port) ? port : NaN,
    secure: f.security === 'tls',
    requireTLS: f.security === 'starttls-required',
    ...(f.user.trim() ? { user: f.user.trim() } : {}),
    from: f.from.trim(),
    fromName: f.fromName.trim() || 'Universal Dashboard',
    ...(f.replyTo.trim() ? { replyTo: f.replyTo.trim() } : {}),
    allowSelfSigned: f.allowSelfSigned,
    batchSize: stored?.batchSize ?? 50,
  };
}

/** Where the password lives, in words ('keychain', 'vault:safeStorage', 'unavailable'). */
export function describeSecretsLocation(location: string): string {
  if (location === 'keychain') return 'the system keychain';
  if (location.startsWith('vault:')) return `the encrypted vault file (key from ${location.slice('vault:'.length)})`;
  return 'nowhere: no keychain or vault key is available, so a password cannot be stored';
}
