/**
 * The @mention being typed at the caret, the people it may mean, and the text once one is picked.
 * Names can hold spaces ("@Ann Lee"), so the query runs from the `@` to the caret; it stays open
 * across a space only while some name still starts with what was typed.
 */
import type { Person } from '../../../../../shared/model/comment.js';

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const MAX_QUERY = 60;

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  query: string;
}

/**
 * @example
 * activeMention('hi @an', 6); // { start: 3, query: 'an' }
 * activeMention('mail@an', 7); // null (an e-mail address)
 */
export function activeMention(text: string, caret: number): MentionQuery | null {
  const at = text.lastIndexOf('@', caret - 1);
  if (at < 0) return null;
  if (at > 0 && WORD_CHAR.test(text[at - 1]!)) return null;
  const query = text.slice(at + 1, caret);
  if (query.length > MAX_QUERY || /[\n@]/.test(query) || query.startsWith(' ')) return null;
  return { start: at, query };
}

/** People whose name, or a word of it, starts with the query; name starts first. */
export function mentionSuggestions(people: readonly Person[], query: string, limit = 8): Person[] {
  const q = query.toLowerCase();
  const starts = people.filter((p) => p.name.toLowerCase().startsWith(q));
  const words = q.includes(' ') ? [] : people.filter((p) => !starts.includes(p) && p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)));
  return [...starts, ...words].slice(0, limit);
}

/** Replaces the query with `@Name ` and returns the new text and caret. */
export function applyMention(text: string, m: MentionQuery, caret: number, person: Person): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  const next = text.slice(0, m.start) + inserted + text.slice(caret).replace(/^ /, '');
  return { text: next, caret: m.start + inserted.length };
}
