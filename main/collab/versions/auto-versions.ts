/**
 * When automatic versions are taken. Any change to a workspace document (a local edit, an undo, an
 * update from a colleague) marks it changed; a version is then taken at most once every `intervalMs`
 * while changes keep coming, and once more when they stop (the trailing edge, so the end state of
 * every burst of editing is kept). The first version after a quiet spell waits `settleMs`, so one
 * multi-step action (a drag that moves three widgets) is not cut in half. At close every changed
 * document is saved; at start a document that differs from its latest version (a crash before the
 * close version, updates written by another process) gets one too.
 *
 * Timers are looked up on globalThis when used, so tests can drive the cadence with fake timers.
 */
import type { VersionReason } from '../../../shared/model/version.js';

export interface VersionTaker {
  takeAuto(workspaceId: string, reason: VersionReason): unknown;
  latestAt(workspaceId: string): number | null;
}

export interface Cadence {
  intervalMs: number;
  settleMs: number;
}

export const DEFAULT_CADENCE: Cadence = { intervalMs: 10 * 60_000, settleMs: 30_000 };

type Timer = ReturnType<typeof setTimeout>;

export class AutoVersions {
  private readonly timers = new Map<string, Timer>();
  private readonly changed = new Set<string>();

  constructor(
    private readonly versions: VersionTaker,
    private readonly cadence: () => Cadence,
    private readonly now: () => number,
    private readonly onError: (workspaceId: string, e: unknown) => void,
  ) {}

  /** A document changed: make sure a version will follow. */
  noteChange(workspaceId: string): void {
    this.changed.add(workspaceId);
    if (this.timers.has(workspaceId)) return;
    const { intervalMs, settleMs } = this.cadence();
    const last = this.versions.latestAt(workspaceId);
    const due = last === null ? settleMs : Math.max(settleMs, last + intervalMs - this.now());
    const t = globalThis.setTimeout(() => this.fire(workspaceId), due);
    (t as { unref?: () => void }).unref?.();
    this.timers.set(workspaceId, t);
  }

  private fire(workspaceId: string): void {
    this.timers.delete(workspaceId);
    if (!this.changed.delete(workspaceId)) return;
    this.take(workspaceId, 'edit');
  }

  /** At start: a version of each document that differs from its latest one. */
  atStart(workspaceIds: readonly string[]): void {
    for (const id of workspaceIds) this.take(id, 'start');
  }

  /** At close: a version of every document changed since its last one; no timers are left behind. */
  atClose(): void {
    const owed = [...this.changed];
    this.stop();
    for (const id of owed) this.take(id, 'close');
  }

  /** Forgets pending work without taking versions (the store is going away). */
  stop(): void {
    for (const t of this.timers.values()) globalThis.clearTimeout(t);
    this.timers.clear();
    this.changed.clear();
  }

  private take(workspaceId: string, reason: VersionReason): void {
    try {
      this.versions.takeAuto(workspaceId, reason);
    } catch (e) {
      this.onError(workspaceId, e);
    }
  }
}
