/**
 * Sends one message with retries and reads the server's verdict per recipient. Transient failures
 * (no connection, timeouts, 4xx "try later") are retried with exponential backoff and jitter; a
 * recipient the server refuses (5xx at RCPT TO) is a bounce, recorded, not retried; anything else
 * permanent (authentication, message refused) ends the attempt at once.
 */
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

export interface SendOutcome {
  /** Every envelope recipient the server accepted. */
  accepted: string[];
  /** Recipients the server refused, with its response. */
  rejected: { address: string; reason: string }[];
  messageId: string | null;
}

export class SendFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_SEND_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1000 };

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EDNS', 'EPROTOCOL', 'ETLS']);

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  rejected?: (string | { address: string })[];
  rejectedErrors?: (Error & { recipient?: string; response?: string })[];
}

function classify(e: SmtpError): SendFailure {
  const code = e.code ?? 'ESEND';
  const transient = TRANSIENT_CODES.has(code) || (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500);
  const unreachable = code === 'ECONNECTION' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ETIMEDOUT|Greeting never received|Connection timeout/i.test(e.message);
  const why = code === 'EAUTH' ? 'the SMTP server refused the user name or password' : unreachable ? `the SMTP server could not be reached (${e.message})` : (e.response ?? e.message);
  return new SendFailure(`${why} [${code}${e.responseCode ? ` ${e.responseCode}` : ''}]`, transient || unreachable, code);
}

const addressOf = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address).toLowerCase();

function rejectedFrom(e: SmtpError | { rejected?: (string | { address: string })[]; rejectedErrors?: SmtpError['rejectedErrors'] }): SendOutcome['rejected'] {
  const reasons = new Map<string, string>();
  for (const r of e.rejectedErrors ?? []) if (r.recipient) reasons.set(r.recipient.toLowerCase(), r.response ?? r.message);
  return (e.rejected ?? []).map((a) => ({ address: addressOf(a), reason: reasons.get(addressOf(a)) ?? 'rejected by the server' }));
}

export async function sendWithRetry(transport: Transporter, message: Mail.Options, policy: RetryPolicy = DEFAULT_SEND_RETRY): Promise<SendOutcome> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last: SendFailure | null = null;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      const info = (await transport.sendMail(message)) as { accepted?: (string | { address: string })[]; rejected?: (string | { address: string })[]; rejectedErrors?: SmtpError['rejectedErrors']; messageId?: string };
      return { accepted: (info.accepted ?? []).map(addressOf), rejected: rejectedFrom(info), messageId: info.messageId ?? null };
    } catch (err) {
      const e = err as SmtpError;
      // Every recipient refused: nodemailer throws, but it is a set of bounces, not a failed send.
      if (e.code === 'EENVELOPE' && e.rejected?.length) return { accepted: [], rejected: rejectedFrom(e), messageId: null };
      last = classify(e);
      if (!last.transient || attempt === policy.attempts) throw last;
      const delay = policy.baseDelayMs * 2 ** (attempt - 1);
      await sleep(delay + Math.floor(Math.random() * delay * 0.2));
    }
  }
  throw last ?? new SendFailure('not sent', true, 'ESEND');
}
