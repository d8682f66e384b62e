/**
 * Email addresses as people type or paste them ("ann@x.com, Bob <bob@y.com>; carol@z.com"), checked
 * with the very schema main validates a report with (shared/model/report.ts EmailAddress), so what
 * the form accepts is what a save accepts.
 */
import { EmailAddress } from '../../../../../shared/model/report.js';

export type AddressCheck = { ok: true; address: string } | { ok: false; input: string; message: string };

/** One address; a display-name form ("Bob <bob@y.com>") is reduced to the address inside the brackets. */
export function checkAddress(input: string): AddressCheck {
  const trimmed = input.trim();
  const bracketed = /<([^<>]+)>\s*$/.exec(trimmed);
  const candidate = bracketed ? bracketed[1]!.trim() : trimmed;
  const r = EmailAddress.safeParse(candidate);
  if (r.success) return { ok: true, address: r.data };
  return { ok: false, input: trimmed, message: `“${trimmed}” ${r.error.issues[0]?.message ?? 'is not a valid email address'}` };
}

/** Splits pasted text on commas, semicolons and line breaks (never inside <…> or a quoted name), dropping blanks. */
export function splitAddresses(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) depth++;
    else if (ch === '>' && !quoted) depth = Math.max(0, depth - 1);
    if (depth === 0 && !quoted && (ch === ',' || ch === ';' || ch === '\n')) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Checks a pasted list: the good addresses (without duplicates of `existing` or each other) and the refused ones. */
export function checkAddressList(text: string, existing: readonly string[] = []): { added: string[]; refused: { input: string; message: string }[] } {
  const seen = new Set(existing.map((a) => a.toLowerCase()));
  const added: string[] = [];
  const refused: { input: string; message: string }[] = [];
  for (const part of splitAddresses(text)) {
    const c = checkAddress(part);
    if (!c.ok) refused.push({ input: c.input, message: c.message });
    else if (!seen.has(c.address.toLowerCase())) {
      seen.add(c.address.toLowerCase());
      added.push(c.address);
    }
  }
  return { added, refused };
}
