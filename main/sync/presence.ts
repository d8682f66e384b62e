/**
 * Who is online in a shared workspace, read from the Yjs awareness the provider keeps: one state per
 * app instance, validated (a peer's state is untrusted input), this computer's own marked isSelf.
 */
import type { Awareness } from 'y-protocols/awareness';
import { PresenceFields, type PresenceUser, type SyncProfile } from '../../shared/model/sync.js';

export function presenceUsers(awareness: Awareness): PresenceUser[] {
  const self = awareness.clientID;
  const users: PresenceUser[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const parsed = PresenceFields.safeParse(state);
    if (!parsed.success) continue;
    users.push({ clientId, ...parsed.data, isSelf: clientId === self });
  }
  return users.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

export function initialPresence(profile: SyncProfile): PresenceFields {
  return { name: profile.name, color: profile.color, dashboardId: null, editingWidgetId: null };
}
