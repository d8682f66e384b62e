/**
 * Who gets a report: addresses, groups (kept in the workspace doc) and workspace roles (resolved when
 * the run happens), de-duplicated case-insensitively with To winning over Cc over Bcc. A recipient is
 * external when marked so, or when the workspace lists its internal domains and the address is
 * outside them; externals get only what the report explicitly allows them.
 */
import type { AddressRecipient, DeliverySettings, Recipient, RecipientGroup } from '../../shared/model/report.js';

export interface ResolvedRecipient {
  address: string;
  name?: string;
  kind: 'to' | 'cc' | 'bcc';
  external: boolean;
}

export interface RecipientDirectory {
  group(id: string): RecipientGroup | undefined;
  /** Members of a workspace role. Local workspaces have no members yet; shared ones get them from the sync server. */
  role(role: Extract<Recipient, { kind: 'role' }>['role']): AddressRecipient[];
}

export function isExternal(address: string, flagged: boolean, internalDomains: string[]): boolean {
  if (flagged) return true;
  if (internalDomains.length === 0) return false;
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return !internalDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));
}

export function resolveRecipients(d: Pick<DeliverySettings, 'to' | 'cc' | 'bcc'>, dir: RecipientDirectory, internalDomains: string[] = []): { list: ResolvedRecipient[]; problems: string[] } {
  const seen = new Map<string, ResolvedRecipient>();
  const problems: string[] = [];
  const add = (a: AddressRecipient, kind: ResolvedRecipient['kind']) => {
    const key = a.address.toLowerCase();
    if (seen.has(key)) return;
    seen.set(key, { address: a.address, ...(a.name ? { name: a.name } : {}), kind, external: isExternal(a.address, a.external ?? false, internalDomains) });
  };
  for (const r of d.to) {
    if (r.kind === 'address') add(r, 'to');
    else if (r.kind === 'group') {
      const g = dir.group(r.groupId);
      if (!g) problems.push(`The recipient group ${r.groupId} no longer exists`);
      else for (const m of g.members) add(m, 'to');
    } else {
      const members = dir.role(r.role);
      if (members.length === 0) problems.push(`Nobody holds the ${r.role} role in this workspace`);
      for (const m of members) add(m, 'to');
    }
  }
  for (const a of d.cc) add({ address: a, external: false }, 'cc');
  for (const a of d.bcc) add({ address: a, external: false }, 'bcc');
  return { list: [...seen.values()], problems };
}
