import os from 'node:os';
import path from 'node:path';

/**
 * The data folder. The desktop app, `udash serve` and the CLI all default to the same folder so they
 * see the same workspaces; UDASH_HOME overrides it (tests, portable installs, several profiles).
 */
export function defaultHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.UDASH_HOME) return path.resolve(env.UDASH_HOME);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Universal Dashboard');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Universal Dashboard');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'universal-dashboard');
}

export interface HomeLayout {
  home: string;
  store: string;
  backups: string;
  uploads: string;
  exports: string;
  logs: string;
}

export function homeLayout(home: string): HomeLayout {
  return {
    home,
    store: path.join(home, 'udash.sqlite'),
    backups: path.join(home, 'backups'),
    uploads: path.join(home, 'uploads'),
    exports: path.join(home, 'exports'),
    logs: path.join(home, 'logs'),
  };
}
