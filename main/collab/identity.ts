/**
 * Who "I" am in comments: a stable id per installation (generated once, kept in settings) and the
 * name colleagues see, which is the sync profile's (main/sync/profile.ts: the name the user chose in
 * sync.profile.set, else the operating-system account name), so comments, avatars and "published by"
 * all show the same name.
 */
import { newId } from '../../shared/model/ids.js';
import type { SettingsRepo } from '../store/settings.js';
import { readSyncProfile } from '../sync/profile.js';

export const USER_ID_KEY = 'collab.userId';

export interface LocalUser {
  id: string;
  name: string;
}

export function localUser(settings: SettingsRepo): LocalUser {
  let id = settings.get<string>(USER_ID_KEY);
  if (typeof id !== 'string' || !id) {
    id = newId();
    settings.set(USER_ID_KEY, id);
  }
  return { id, name: readSyncProfile(settings).name };
}
