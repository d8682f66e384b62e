/**
 * Where report settings live: SMTP and the tracking server in Settings (no secrets), their password and
 * signing key in the secret store, per-workspace tracking and internal domains in Settings keyed by
 * workspace.
 */
import { SmtpSettings, TrackingServerSettings, WorkspaceReportSettings } from '../../shared/model/report.js';
import type { SettingsRepo } from '../store/settings.js';
import type { SecretStore } from '../vault/secrets.js';
import type { SmtpConnection } from '../mail/transport.js';
import type { TrackingServer } from './tracking/tracking-client.js';

export const SMTP_KEY = 'mail.smtp';
export const SMTP_PASSWORD_SECRET = 'smtp.password';
export const TRACKING_SERVER_KEY = 'reports.trackingServer';
export const TRACKING_KEY_SECRET = 'tracking.signingKey';
const workspaceKey = (ws: string) => `reports.workspace.${ws}`;
const cursorKey = (ws: string) => `reports.trackingCursor.${ws}`;

export class ReportSettings {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly secrets: () => SecretStore,
  ) {}

  smtp(): SmtpSettings | null {
    const parsed = SmtpSettings.safeParse(this.settings.get(SMTP_KEY));
    return parsed.success ? parsed.data : null;
  }

  setSmtp(s: SmtpSettings, password?: string | null): void {
    // The secret first: if the keychain and vault both fail, the settings are not left half changed.
    if (password) this.secrets().set(SMTP_PASSWORD_SECRET, password);
    else if (password === null) this.secrets().delete(SMTP_PASSWORD_SECRET);
    this.settings.set(SMTP_KEY, s);
  }

  hasSmtpPassword(): boolean {
    try {
      return !!this.secrets().get(SMTP_PASSWORD_SECRET);
    } catch {
      return false;
    }
  }

  smtpConnection(): SmtpConnection | null {
    const s = this.smtp();
    if (!s) return null;
    const password = s.user ? (this.secrets().get(SMTP_PASSWORD_SECRET) ?? undefined) : undefined;
    return { settings: s, ...(password ? { password } : {}) };
  }

  trackingServerSettings(): TrackingServerSettings | null {
    const parsed = TrackingServerSettings.safeParse(this.settings.get(TRACKING_SERVER_KEY));
    return parsed.success ? parsed.data : null;
  }

  setTrackingServer(s: TrackingServerSettings | null, signingKey?: string): void {
    if (signingKey) this.secrets().set(TRACKING_KEY_SECRET, signingKey);
    if (s) this.settings.set(TRACKING_SERVER_KEY, s);
    else {
      this.settings.delete(TRACKING_SERVER_KEY);
      this.secrets().delete(TRACKING_KEY_SECRET);
    }
  }

  /** The tracking server with its key, or null when either is missing. */
  trackingServer(): TrackingServer | null {
    const s = this.trackingServerSettings();
    if (!s) return null;
    const key = this.secrets().get(TRACKING_KEY_SECRET);
    return key ? { url: s.url, key } : null;
  }

  workspace(ws: string): WorkspaceReportSettings {
    return WorkspaceReportSettings.parse(this.settings.get(workspaceKey(ws)) ?? {});
  }

  setWorkspace(ws: string, s: WorkspaceReportSettings): void {
    this.settings.set(workspaceKey(ws), s);
  }

  trackingCursor(ws: string): number {
    return Number(this.settings.get(cursorKey(ws)) ?? 0) || 0;
  }

  setTrackingCursor(ws: string, seq: number): void {
    this.settings.set(cursorKey(ws), seq);
  }
}
