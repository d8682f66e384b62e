import type { Database } from 'better-sqlite3';
import { m001Init } from './001-init.js';
import { m002Reports } from './002-reports.js';
import { m003ForecastRuns } from './003-forecast-runs.js';
import { m004Sync } from './004-sync.js';
import { m005Collab } from './005-collab.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Numbered, append-only. Never edit a released migration: add the next number. Each runs inside the
 * same transaction as the user_version bump, so a crash leaves the store at the previous version.
 */
export const MIGRATIONS: readonly Migration[] = [m001Init, m002Reports, m003ForecastRuns, m004Sync, m005Collab];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
