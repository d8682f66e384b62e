import fs from 'node:fs';
import { BrowserWindow, dialog, Notification, safeStorage } from 'electron';
import type { Platform } from '../platform.js';

/** The desktop implementation of Platform: native dialogs, notifications and safeStorage. */
export function electronPlatform(): Platform {
  return {
    kind: 'electron',
    async saveFile(sourcePath, suggestedName) {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const opts = { defaultPath: suggestedName };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return null;
      await fs.promises.copyFile(sourcePath, r.filePath);
      return r.filePath;
    },
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    ...(safeStorage.isEncryptionAvailable()
      ? {
          protectSecret: (plain: Buffer) => safeStorage.encryptString(plain.toString('base64')),
          unprotectSecret: (sealed: Buffer) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
        }
      : {}),
  };
}
