/**
 * The desktop shell: the only code that imports 'electron'. It wires the same services the CLI and
 * `udash serve` use to a sandboxed window over IPC; all product logic lives outside this folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, powerMonitor, protocol, session } from 'electron';
import { EVENT_NAMES } from '../../shared/contract/index.js';
import { IPC_CALL, IPC_EVENT } from '../../shared/contract/bridge.js';
import { defaultHome } from '../paths.js';
import { createServices, type Services } from '../services.js';
import { APP_CSP, denyPermissions, lockDown } from './security.js';
import { loadWindowState, trackWindowState } from './window-state.js';
import { electronPlatform } from './platform.js';
import { electronPdfPrinter } from './pdf-printer.js';
import { reportsOf, startReportScheduler } from '../reports/module.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(here, '..');
const rendererDir = path.join(distDir, 'renderer');
const APP_SCHEME = 'app';
const APP_ORIGIN = `${APP_SCHEME}://udash`;

// Must run before 'ready': the scheme behaves like https (secure context, relative URLs, fetch).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const home = defaultHome();
app.setPath('userData', home);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: Services | null = null;
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  const serveApp = () => {
    protocol.handle(APP_SCHEME, async (req) => {
      const url = new URL(req.url);
      const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      const file = path.resolve(rendererDir, '.' + rel);
      if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
      const res = await net.fetch(pathToFileURL(file).href);
      const headers = new Headers(res.headers);
      headers.set('Content-Security-Policy', APP_CSP);
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(res.body, { status: res.status, headers });
    });
  };

  const createWindow = () => {
    const state = loadWindowState(home);
    win = new BrowserWindow({
      ...state.bounds,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Universal Dashboard',
      backgroundColor: '#0f1115',
      webPreferences: {
        preload: path.join(distDir, 'preload', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    if (state.maximized) win.maximize();
    trackWindowState(win, home);
    lockDown(win, APP_ORIGIN);
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => {
      win = null;
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  };

  app.whenReady().then(async () => {
    denyPermissions(session.defaultSession);
    serveApp();
    // Unpackaged (`npm start`), better-sqlite3 loads the Electron-ABI build that scripts/start.mjs made;
    // packaged, electron-builder has already rebuilt it in place.
    const nativeBinding = !app.isPackaged ? process.env.UDASH_NATIVE_BINDING : undefined;
    services = await createServices({ home, platform: { ...electronPlatform(), pdfPrinter: electronPdfPrinter() }, ...(nativeBinding ? { nativeBinding } : {}) });
    // Scheduled reports: runs missed while the app was closed fire once now; after sleep, once at wake.
    if (!services.storeError()) {
      startReportScheduler(services);
      const svc = services;
      powerMonitor.on('resume', () => reportsOf(svc).wake());
    }

    ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
      // Only our own page may call: not a frame, not a navigated-away document.
      const frameUrl = event.senderFrame?.url ?? '';
      if (!frameUrl.startsWith(APP_ORIGIN) || event.senderFrame !== event.sender.mainFrame) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the app window' } };
      }
      return services!.dispatcher.dispatch(String(method), input, { transport: 'ipc' });
    });
    services.events.onAny((name, payload) => {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT, name, payload);
    }, EVENT_NAMES);

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (e) => {
    if (closing || !services) return;
    e.preventDefault();
    closing = true;
    void services.close().finally(() => app.quit());
  });
}
