/**
 * What a closed connection means for the user: the sync server names its close codes
 * (sync-server/protocol/close-codes.ts); here each becomes a sentence a user can act on, and a
 * decision whether to reconnect by itself. The stock provider gives up on every 44xx code; we retry
 * rate limiting (4429) too, and give up on an oversized change (1009), which a retry would only resend.
 */
import { CLOSE } from '../../sync-server/protocol/close-codes.js';

export interface CloseMeaning {
  /** Stop and wait for the user (error) rather than reconnect (offline). */
  terminal: boolean;
  reason: string;
}

export function closeMeaning(code: number, host: string): CloseMeaning {
  switch (code) {
    case CLOSE.UNAUTHORIZED:
      return { terminal: true, reason: `The sync server at ${host} refused this computer's token: it is unknown, expired or was revoked. Ask an owner of the workspace for a new invitation and join again.` };
    case CLOSE.FORBIDDEN:
      return { terminal: true, reason: `The token does not open this workspace on ${host}: it belongs to another workspace.` };
    case CLOSE.BAD_MESSAGE:
      return { terminal: true, reason: `The sync server at ${host} could not read what this app sent; update the app, then retry.` };
    case CLOSE.MESSAGE_TOO_BIG:
      return { terminal: true, reason: `A change is larger than the sync server at ${host} accepts; it stays on this computer. Ask the server's admin to raise --max-message-mb, then retry.` };
    case CLOSE.RATE_LIMITED:
      return { terminal: false, reason: 'Too many changes in a short time: the sync server asked this app to slow down. Reconnecting shortly.' };
    case CLOSE.UNAVAILABLE:
      return { terminal: false, reason: `The sync server at ${host} could not store changes for a moment. Reconnecting; nothing is lost.` };
    case CLOSE.TOO_MANY_CONNECTIONS:
      return { terminal: false, reason: 'This token already has the most connections the sync server allows. Reconnecting later.' };
    case CLOSE.GOING_AWAY:
      return { terminal: false, reason: `The sync server at ${host} is restarting. Reconnecting; edits made meanwhile are kept and sent then.` };
    default:
      return { terminal: false, reason: `Lost the connection to the sync server at ${host}. Reconnecting; edits made meanwhile are kept and sent then.` };
  }
}

export const unreachable = (host: string): string => `Cannot reach the sync server at ${host}. Working offline: edits are kept on this computer and merged when it is back.`;
