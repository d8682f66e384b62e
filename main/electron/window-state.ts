import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1400, height: 900 }, maximized: false };

/** Remembers the window's size, position and maximised state in the data folder. */
export function loadWindowState(home: string): WindowState {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(home, 'window-state.json'), 'utf8')) as WindowState;
    // Only reuse a position that is still on a connected display.
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return s.bounds.x >= a.x - 50 && s.bounds.y >= a.y - 50 && s.bounds.x < a.x + a.width && s.bounds.y < a.y + a.height;
    });
    return visible ? s : { ...DEFAULT, bounds: { ...DEFAULT.bounds, width: s.bounds.width, height: s.bounds.height } };
  } catch {
    return DEFAULT;
  }
}

export function trackWindowState(win: BrowserWindow, home: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.isMaximized() ? win.getNormalBounds() : win.getBounds(), maximized: win.isMaximized() };
    fs.writeFileSync(path.join(home, 'window-state.json'), JSON.stringify(state));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
