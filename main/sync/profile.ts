/**
 * The name and colour colleagues see for the user of this computer (avatars, "editing" markers,
 * "published by"). Stored in settings; the default name is the OS account name.
 */
import os from 'node:os';
import { PRESENCE_COLORS, SyncProfile } from '../../shared/model/sync.js';
import type { SettingsRepo } from '../store/settings.js';

const PROFILE_KEY = 'sync.profile';

function defaultName(): string {
  try {
    const user = os.userInfo().username.trim();
    if (user) return user.slice(0, 1).toUpperCase() + user.slice(1, 60);
  } catch {
    // No account name (some containers): fall through.
  }
  return 'Colleague';
}

export function readSyncProfile(settings: SettingsRepo): SyncProfile {
  const parsed = SyncProfile.safeParse(settings.get(PROFILE_KEY));
  if (parsed.success) return parsed.data;
  const name = defaultName();
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return { name, color: PRESENCE_COLORS[h % PRESENCE_COLORS.length]! };
}

export function writeSyncProfile(settings: SettingsRepo, profile: SyncProfile): SyncProfile {
  const p = SyncProfile.parse(profile);
  settings.set(PROFILE_KEY, p);
  return p;
}
