import fs from 'node:fs';
import path from 'node:path';
import { UdashError } from '../../shared/errors.js';
import { Settings, type StoreStatus } from '../../shared/contract/app.js';
import { ok } from '../../shared/contract/common.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { backupStore, listBackups } from '../store/db.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

function storeStatus(svc: Services): StoreStatus {
  const err = svc.storeError();
  return {
    ok: !err,
    path: svc.paths.store,
    schemaVersion: LATEST_VERSION,
    ...(err ? { error: { code: err.code, message: err.message } } : {}),
    backups: listBackups(svc.paths.backups),
  };
}

/** Moves the store and its WAL/SHM files aside, keeping them for the user. */
function moveStoreAside(file: string): string {
  const aside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  return aside;
}

export function appHandlers(svc: Services): PartialHandlers {
  return {
    'app.info': () => ({ version: svc.version, home: svc.paths.home, store: storeStatus(svc) }),
    'app.ping': () => ok,
    'downloads.save': async ({ downloadId }) => {
      const d = svc.downloads.get(downloadId);
      if (!d) throw new UdashError('NOT_FOUND', 'This download has expired; export again', { field: 'downloadId' });
      if (!svc.platform.saveFile) throw new UdashError('UNAVAILABLE', 'Saving with a dialog is only available in the desktop app; download the file instead');
      const target = await svc.platform.saveFile(d.path, d.fileName);
      return target ? { saved: true, path: target } : { saved: false };
    },
    'store.recover': async ({ action, backupFile }) => {
      const current = svc.storeError();
      if (!current && action === 'fresh') throw new UdashError('CONFLICT', 'The store is healthy; refusing to replace it');
      if (action === 'restore') {
        if (!backupFile) throw new UdashError('BAD_INPUT', 'Choose a backup to restore', {}, ['backupFile']);
        const known = listBackups(svc.paths.backups).map((b) => b.file);
        if (!known.includes(path.resolve(backupFile))) throw new UdashError('NOT_FOUND', 'That file is not one of the store backups', { file: backupFile });
      }
      try {
        svc.core().docs.closeAll();
        svc.core().store.close();
      } catch {
        // The store was not open; nothing to close.
      }
      const aside = fs.existsSync(svc.paths.store) ? moveStoreAside(svc.paths.store) : null;
      if (action === 'restore' && backupFile) fs.copyFileSync(backupFile, svc.paths.store);
      svc.log.warn(`store recovered (${action}); previous file kept at ${aside ?? 'none'}`);
      await svc.reopen();
      return storeStatus(svc);
    },
    'store.backup': () => backupStore(svc.core().store.db, svc.paths.backups),
    'settings.get': () => {
      let stored: unknown = {};
      try {
        stored = svc.core().settings.get('user') ?? {};
      } catch {
        // Without a store the defaults apply.
      }
      return Settings.parse(stored);
    },
    'settings.set': (patch) => {
      const settings = svc.core().settings;
      const next = Settings.parse({ ...Settings.parse(settings.get('user') ?? {}), ...patch });
      settings.set('user', next);
      return next;
    },
  };
}
