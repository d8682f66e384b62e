/** What the status bar says about a workspace's sync, in a few words (the reason goes in the details). */
import type { SharedWorkspace } from '../../../../shared/model/sync.js';

export interface StatusText {
  /** offline | connecting | syncing | synced | error | local */
  kind: SharedWorkspace['state']['status'] | 'local';
  label: string;
  /** The longer explanation (tooltip and dialog). */
  detail: string | null;
  /** Offer a Retry button. */
  canRetry: boolean;
}

export function syncStatusText(shared: SharedWorkspace | null): StatusText {
  if (!shared) return { kind: 'local', label: 'Local workspace', detail: 'Only on this computer. Share it to work on it with colleagues.', canRetry: false };
  const s = shared.state;
  const ro = s.readOnly ? ' · read-only' : '';
  switch (s.status) {
    case 'connecting':
      return { kind: 'connecting', label: `Connecting…${ro}`, detail: null, canRetry: false };
    case 'syncing':
      return { kind: 'syncing', label: `Syncing…${ro}`, detail: null, canRetry: false };
    case 'synced':
      return { kind: 'synced', label: `Synced${ro}`, detail: s.reason ?? (s.readOnly ? 'You can view this workspace; your token does not allow changes.' : null), canRetry: false };
    case 'offline':
      return { kind: 'offline', label: `Offline — edits are kept${ro}`, detail: s.reason, canRetry: true };
    case 'error':
      return { kind: 'error', label: `Sync error${ro}`, detail: s.reason ?? 'Sync stopped.', canRetry: true };
  }
}
