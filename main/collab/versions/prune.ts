/**
 * Which automatic versions to thin out. Named versions are never touched. Automatic ones are kept
 * densely while they are recent and ever more sparsely as they age, the way backup tools keep
 * hourly, then daily copies:
 * - younger than a day: all of them (the cadence already limits them to one per few minutes);
 * - one to seven days old: the newest of each hour;
 * - seven to ninety days old: the newest of each day;
 * - older: none.
 * On top of that at most `maxAuto` automatic versions are kept (the oldest go first).
 *
 * @example
 * versionsToPrune([{ id: 'a', kind: 'auto', createdMs: 0 }], 100 * DAY_MS); // ['a']
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface PruneCandidate {
  id: string;
  kind: 'auto' | 'named';
  createdMs: number;
}

export interface PrunePolicy {
  keepAllMs: number;
  hourlyUntilMs: number;
  dailyUntilMs: number;
  maxAuto: number;
}

export const DEFAULT_PRUNE: PrunePolicy = { keepAllMs: DAY_MS, hourlyUntilMs: 7 * DAY_MS, dailyUntilMs: 90 * DAY_MS, maxAuto: 300 };

export function versionsToPrune(versions: readonly PruneCandidate[], nowMs: number, policy: PrunePolicy = DEFAULT_PRUNE): string[] {
  const auto = versions.filter((v) => v.kind === 'auto').sort((a, b) => b.createdMs - a.createdMs);
  const drop = new Set<string>();
  const bucketsSeen = new Set<string>();
  for (const v of auto) {
    const age = nowMs - v.createdMs;
    if (age < policy.keepAllMs) continue;
    if (age >= policy.dailyUntilMs) {
      drop.add(v.id);
      continue;
    }
    // Newest first, so the first version met in a bucket is the one kept.
    const bucket = age < policy.hourlyUntilMs ? `h${Math.floor(v.createdMs / HOUR_MS)}` : `d${Math.floor(v.createdMs / DAY_MS)}`;
    if (bucketsSeen.has(bucket)) drop.add(v.id);
    else bucketsSeen.add(bucket);
  }
  const kept = auto.filter((v) => !drop.has(v.id));
  for (const v of kept.slice(policy.maxAuto)) drop.add(v.id);
  return [...drop];
}
