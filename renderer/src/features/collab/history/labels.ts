import type { VersionInfo, VersionReason } from '../../../../../shared/model/version.js';

const REASONS: Record<VersionReason, string> = {
  edit: 'Automatic, while editing',
  start: 'Automatic, at start',
  close: 'Automatic, at close',
  restore: 'Automatic, before a restore',
  named: 'Saved version',
};

/** What a version is called in lists and titles: its name, or why it was taken. */
export function versionTitle(v: VersionInfo): string {
  return v.name ?? REASONS[v.reason];
}

export function versionKindLabel(v: VersionInfo): string {
  return v.kind === 'named' ? `Named${v.authorName ? ` by ${v.authorName}` : ''}` : REASONS[v.reason];
}
