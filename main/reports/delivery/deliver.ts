/**
 * Sends a generated run to its pending recipients and records each one's outcome.
 *
 * Messages: without tracking, recipients sharing the same content are batched (up to batchSize per
 * message envelope; Bcc recipients only ever appear in the envelope); with tracking on, each
 * recipient gets a personal message carrying their own signed pixel and links. External recipients
 * get only what the report allows them (no attachments or link unless enabled).
 *
 * Outcomes: accepted → sent; refused at RCPT TO → bounced (with the server's words); the server
 * unreachable or failing temporarily → still pending, so the run is retried later and nothing is
 * lost; a permanent refusal of the message itself → failed.
 */
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { DeliveryRecord, SmtpSettings } from '../../../shared/model/report.js';
import { sendWithRetry, SendFailure, type RetryPolicy } from '../../mail/send.js';
import type { EmailContent } from '../render/email-html.js';
import type { GeneratedFile } from '../generate.js';
import type { RunsRepo } from '../store/runs-repo.js';
import { personalise, type TrackingClient } from '../tracking/tracking-client.js';

export interface DeliveryInput {
  runs: RunsRepo;
  runId: string;
  workspaceId: string;
  transport: Transporter;
  smtp: SmtpSettings;
  subject: string;
  email: EmailContent;
  attachments: GeneratedFile[];
  replyTo?: string;
  /** Headers everyone sees. */
  toHeader: string[];
  ccHeader: string[];
  external: { attachments: boolean; link: boolean };
  /** Set when the workspace has tracking on. */
  tracking?: TrackingClient;
  retry?: RetryPolicy;
  signal?: AbortSignal;
}

export interface DeliverySummary {
  sent: number;
  bounced: number;
  failed: number;
  pending: number;
  /** Why some recipients are still pending (the server was unreachable …). */
  transientError: SendFailure | null;
}

interface Batch {
  deliveries: DeliveryRecord[];
  external: boolean;
}

function batches(pending: DeliveryRecord[], tracked: boolean, size: number): Batch[] {
  const out: Batch[] = [];
  for (const external of [false, true]) {
    const group = pending.filter((d) => d.external === external);
    if (tracked) for (const d of group) out.push({ deliveries: [d], external });
    else for (let i = 0; i < group.length; i += size) out.push({ deliveries: group.slice(i, i + size), external });
  }
  return out;
}

/** Removes the link to the full report for recipients not allowed to have it. */
function withoutFullReportLink(html: string): string {
  return html.replace(/<p[^>]*>\s*<a [^>]*data-udash-link[^>]*>[^<]*<\/a>\s*<\/p>/g, '');
}

export async function deliver(i: DeliveryInput): Promise<DeliverySummary> {
  const pending = i.runs.deliveries(i.runId).filter((d) => d.status === 'pending');
  const summary: DeliverySummary = { sent: 0, bounced: 0, failed: 0, pending: 0, transientError: null };
  const from = { name: i.smtp.fromName, address: i.smtp.from };
  for (const batch of batches(pending, !!i.tracking, i.smtp.batchSize)) {
    i.signal?.throwIfAborted();
    const envelope = batch.deliveries.map((d) => d.address);
    let html = batch.external && !i.external.link ? withoutFullReportLink(i.email.html) : i.email.html;
    if (i.tracking && batch.deliveries.length === 1) {
      const d = batch.deliveries[0]!;
      const t = i.tracking;
      html = personalise(html, (url) => t.clickUrl(i.workspaceId, i.runId, d.id, url), t.openPixelUrl(i.workspaceId, i.runId, d.id));
    }
    const files = batch.external && !i.external.attachments ? [] : i.attachments;
    const message: Mail.Options = {
      from,
      to: i.toHeader.filter((a) => envelope.some((e) => e.toLowerCase() === a.toLowerCase())),
      cc: i.ccHeader,
      ...(i.replyTo ? { replyTo: i.replyTo } : {}),
      subject: i.subject,
      html,
      text: i.email.text,
      envelope: { from: i.smtp.from, to: envelope },
      attachments: [
        ...i.email.images.map((img) => ({ filename: img.filename, content: img.content, cid: img.cid, contentType: 'image/png', contentDisposition: 'inline' as const })),
        ...files.map((f) => ({ filename: f.name, content: f.content, contentType: f.contentType })),
      ],
      headers: { 'X-Udash-Run': i.runId },
    };
    try {
      const outcome = await sendWithRetry(i.transport, message, i.retry);
      const refused = new Map(outcome.rejected.map((r) => [r.address.toLowerCase(), r.reason]));
      for (const d of batch.deliveries) {
        const reason = refused.get(d.address.toLowerCase());
        if (reason) {
          i.runs.markDelivery(d.id, 'bounced', { error: reason });
          summary.bounced++;
        } else {
          i.runs.markDelivery(d.id, 'sent', { messageId: outcome.messageId });
          summary.sent++;
        }
      }
    } catch (e) {
      const f = e instanceof SendFailure ? e : new SendFailure(e instanceof Error ? e.message : String(e), true, 'ESEND');
      for (const d of batch.deliveries) {
        if (f.transient || f.code === 'EAUTH') {
          i.runs.markDelivery(d.id, 'pending', { error: f.message });
        } else {
          i.runs.markDelivery(d.id, 'failed', { error: f.message });
          summary.failed++;
        }
      }
      if (f.transient || f.code === 'EAUTH') summary.transientError ??= f;
      // An unreachable server will not answer the next batch either: keep the rest pending for the retry.
      if (f.transient) break;
    }
  }
  summary.pending = i.runs.deliveries(i.runId).filter((d) => d.status === 'pending').length;
  return summary;
}
