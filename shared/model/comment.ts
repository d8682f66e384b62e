/**
 * Comments on dashboards and widgets, kept in the workspace Y.Doc (collection `comments`) so they work
 * offline and sync like everything else.
 *
 * Layout for concurrent editing: every comment — a thread's first comment and each reply — is its own
 * entry of the `comments` map, keyed by comment id; a reply points at its thread with `threadId`.
 * Threads are assembled on read. Two people replying at once add two different keys, so both replies
 * survive the merge (an array edited in place could interleave or lose one). Resolving is a field of
 * the thread's first comment, so a resolve and a concurrent reply both land.
 *
 * Deleting: a reply's entry is removed; a thread's first comment becomes a tombstone (`deleted`, body
 * emptied) so replies written concurrently elsewhere still have a thread to belong to.
 */
import { z } from 'zod';

export const CommentAnchor = z.object({
  dashboardId: z.string().min(1),
  /** Absent: the comment is on the dashboard as a whole. */
  widgetId: z.string().min(1).optional(),
});
export type CommentAnchor = z.infer<typeof CommentAnchor>;

/** A person as comments know them: the id is stable per installation, the name is what they chose to show. */
export const Person = z.object({ id: z.string().optional(), name: z.string().min(1).max(120) });
export type Person = z.infer<typeof Person>;

export const Mention = z.object({ name: z.string().min(1).max(120), userId: z.string().optional() });
export type Mention = z.infer<typeof Mention>;

export const COMMENT_MAX_CHARS = 10_000;

/** One comment as stored in the document (a thread's first comment when id === threadId). */
export const Comment = z.object({
  id: z.string(),
  threadId: z.string(),
  anchor: CommentAnchor,
  authorId: z.string(),
  authorName: z.string(),
  body: z.string().max(COMMENT_MAX_CHARS),
  mentions: z.array(Mention).default([]),
  createdAt: z.string(),
  editedAt: z.string().optional(),
  deleted: z.boolean().optional(),
  /** Thread state, on the first comment only. */
  resolved: z.boolean().optional(),
  resolvedBy: Person.optional(),
  resolvedAt: z.string().optional(),
});
export type Comment = z.infer<typeof Comment>;

export const Thread = z.object({
  id: z.string(),
  anchor: CommentAnchor,
  /** The first comment; `deleted` when its author removed it but replies remain. */
  root: Comment,
  replies: z.array(Comment),
  resolved: z.boolean(),
  resolvedBy: Person.optional(),
  resolvedAt: z.string().optional(),
  /** Time of the latest comment in the thread. */
  lastActivityAt: z.string(),
});
export type Thread = z.infer<typeof Thread>;

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Finds `@Name` mentions of known people in a comment body. Names may contain spaces ("@Ann Lee"), so
 * at each `@` the longest known name that follows (case-insensitively, ending at a non-word
 * character) wins. Unknown `@words` are left as text. Each person is listed once.
 *
 * @example
 * parseMentions('Thanks @ann lee and @Bob!', [{ name: 'Ann Lee', id: 'u1' }, { name: 'Bob' }]);
 * // [{ name: 'Ann Lee', userId: 'u1' }, { name: 'Bob' }]
 */
export function parseMentions(body: string, people: readonly Person[]): Mention[] {
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
  const out: Mention[] = [];
  const seen = new Set<string>();
  for (let i = body.indexOf('@'); i >= 0; i = body.indexOf('@', i + 1)) {
    if (i > 0 && WORD_CHAR.test(body[i - 1]!)) continue; // an e-mail address, not a mention
    const rest = body.slice(i + 1);
    const hit = byLength.find((p) => rest.slice(0, p.name.length).toLowerCase() === p.name.toLowerCase() && !WORD_CHAR.test(rest[p.name.length] ?? ' '));
    if (!hit) continue;
    const key = hit.id ?? hit.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: hit.name, ...(hit.id ? { userId: hit.id } : {}) });
  }
  return out;
}

/**
 * Splits a body into text and mention parts for display, using the mentions stored with it.
 *
 * @example
 * mentionParts('hi @Bob', [{ name: 'Bob' }]); // [{ text: 'hi ' }, { text: '@Bob', mention: 'Bob' }]
 */
export function mentionParts(body: string, mentions: readonly Mention[]): { text: string; mention?: string }[] {
  if (mentions.length === 0) return [{ text: body }];
  const parts: { text: string; mention?: string }[] = [];
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  let plain = '';
  for (let i = 0; i < body.length; i++) {
    const hit = body[i] === '@' && (i === 0 || !WORD_CHAR.test(body[i - 1]!)) ? names.find((m) => body.slice(i + 1, i + 1 + m.name.length).toLowerCase() === m.name.toLowerCase() && !WORD_CHAR.test(body[i + 1 + m.name.length] ?? ' ')) : undefined;
    if (!hit) {
      plain += body[i];
      continue;
    }
    if (plain) parts.push({ text: plain });
    plain = '';
    parts.push({ text: body.slice(i, i + 1 + hit.name.length), mention: hit.name });
    i += hit.name.length;
  }
  if (plain) parts.push({ text: plain });
  return parts;
}
