/**
 * Comment threads inside a workspace Y.Doc (collection `comments`; the layout and its reasons are in
 * shared/model/comment.ts). These functions read and write one doc and know nothing of SQLite or of
 * who is allowed to do what (comments-service.ts checks that), so tests can run them on two docs and
 * exchange updates to see how concurrent edits merge.
 *
 * Concurrency rules, all following from "one Y.Map per comment, keyed by id":
 * - two replies at once: two keys, both kept;
 * - resolve and reply at once: different entries, both kept;
 * - edit and resolve of the same first comment: different fields of one map, both kept;
 * - the author deletes a reply while someone edits it: the entry is gone, the edit is dropped (delete wins);
 * - the author deletes a thread's first comment while someone replies: if a reply arrives whose first
 *   comment no longer exists, the thread is shown with a "deleted" first comment (see assembleThreads),
 *   so a reply is never lost.
 */
import * as Y from 'yjs';
import { UdashError } from '../../../shared/errors.js';
import { newId } from '../../../shared/model/ids.js';
import { Comment, type CommentAnchor, type Mention, type Person, type Thread } from '../../../shared/model/comment.js';
import { collection, readAll, toPlain, writeFields } from '../../../shared/model/workspace-doc.js';

export const COMMENTS = 'comments';

export interface Author {
  id: string;
  name: string;
}

export interface CommentText {
  body: string;
  mentions: Mention[];
}

/** Every valid comment in the doc (entries that fail validation, e.g. from a newer app, are skipped). */
export function readComments(doc: Y.Doc): Comment[] {
  return readAll(doc, COMMENTS, Comment).items;
}

export function readComment(doc: Y.Doc, id: string): Comment | undefined {
  const m = collection(doc, COMMENTS).get(id);
  if (!m) return undefined;
  const parsed = Comment.safeParse(toPlain(m));
  return parsed.success ? parsed.data : undefined;
}

const byTime = (a: Comment, b: Comment) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Groups comments into threads, newest activity first. A thread whose first comment is gone (deleted
 * while a reply was on its way) gets a tombstone first comment; a deleted first comment with no
 * replies left is not shown.
 */
export function assembleThreads(comments: readonly Comment[]): Thread[] {
  const groups = new Map<string, { root?: Comment; replies: Comment[] }>();
  for (const c of comments) {
    const g = groups.get(c.threadId) ?? { replies: [] };
    if (c.id === c.threadId) g.root = c;
    else g.replies.push(c);
    groups.set(c.threadId, g);
  }
  const threads: Thread[] = [];
  for (const [threadId, g] of groups) {
    g.replies.sort(byTime);
    const root = g.root ?? tombstoneFor(threadId, g.replies[0]!);
    if (root.deleted && g.replies.length === 0) continue;
    const times = [root.createdAt, ...g.replies.map((r) => r.createdAt)];
    threads.push({
      id: threadId,
      anchor: root.anchor,
      root,
      replies: g.replies,
      resolved: root.resolved === true,
      ...(root.resolved && root.resolvedBy ? { resolvedBy: root.resolvedBy } : {}),
      ...(root.resolved && root.resolvedAt ? { resolvedAt: root.resolvedAt } : {}),
      lastActivityAt: times.reduce((a, b) => (a > b ? a : b)),
    });
  }
  return threads.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || a.id.localeCompare(b.id));
}

function tombstoneFor(threadId: string, reply: Comment): Comment {
  return { id: threadId, threadId, anchor: reply.anchor, authorId: '', authorName: '', body: '', mentions: [], createdAt: reply.createdAt, deleted: true };
}

export function threadsOf(doc: Y.Doc, dashboardId: string): Thread[] {
  return assembleThreads(readComments(doc).filter((c) => c.anchor.dashboardId === dashboardId));
}

export function readThread(doc: Y.Doc, threadId: string): Thread {
  const t = assembleThreads(readComments(doc).filter((c) => c.threadId === threadId))[0];
  if (!t) throw new UdashError('NOT_FOUND', `No comment thread with id "${threadId}"`, { field: 'threadId' });
  return t;
}

/** People known from the comments themselves: authors, and people mentioned by id. Latest name wins. */
export function knownPeople(comments: readonly Comment[]): Person[] {
  const byId = new Map<string, { name: string; at: string }>();
  const note = (id: string, name: string, at: string) => {
    const prev = byId.get(id);
    if (!prev || prev.at <= at) byId.set(id, { name, at });
  };
  for (const c of comments) {
    if (c.authorId && c.authorName) note(c.authorId, c.authorName, c.createdAt);
    for (const m of c.mentions) if (m.userId && !byId.has(m.userId)) note(m.userId, m.name, '');
  }
  return [...byId].map(([id, v]) => ({ id, name: v.name }));
}

/** Starts a thread; returns its first comment. */
export function addThread(doc: Y.Doc, anchor: CommentAnchor, text: CommentText, author: Author, now: string): Comment {
  const id = newId();
  const c = Comment.parse({ id, threadId: id, anchor, authorId: author.id, authorName: author.name, body: text.body, mentions: text.mentions, createdAt: now, resolved: false });
  writeFields(doc, COMMENTS, id, c);
  return c;
}

export function addReply(doc: Y.Doc, threadId: string, text: CommentText, author: Author, now: string): Comment {
  const thread = readThread(doc, threadId);
  const id = newId();
  const c = Comment.parse({ id, threadId, anchor: thread.anchor, authorId: author.id, authorName: author.name, body: text.body, mentions: text.mentions, createdAt: now });
  writeFields(doc, COMMENTS, id, c);
  return c;
}

export function editComment(doc: Y.Doc, commentId: string, text: CommentText, now: string): Comment {
  const c = requireComment(doc, commentId);
  writeFields(doc, COMMENTS, commentId, { body: text.body, mentions: text.mentions, editedAt: now });
  return { ...c, body: text.body, mentions: text.mentions, editedAt: now };
}

/**
 * A reply is removed. A first comment is removed when it has no replies, else emptied into a
 * tombstone so the replies keep their thread; removing the last reply of a tombstone removes it too.
 */
export function deleteComment(doc: Y.Doc, commentId: string): void {
  const c = requireComment(doc, commentId);
  const coll = collection(doc, COMMENTS);
  const siblings = readComments(doc).filter((x) => x.threadId === c.threadId && x.id !== c.threadId && x.id !== commentId);
  if (c.id === c.threadId) {
    if (siblings.length === 0) {
      coll.delete(commentId);
      return;
    }
    const m = coll.get(commentId)!;
    m.set('deleted', true);
    m.set('body', '');
    m.set('mentions', []);
    return;
  }
  coll.delete(commentId);
  const root = readComment(doc, c.threadId);
  if (root?.deleted && siblings.length === 0) coll.delete(c.threadId);
}

export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: Person, now: string): Thread {
  const thread = readThread(doc, threadId);
  const coll = collection(doc, COMMENTS);
  // The first comment may be gone while replies remain: write its tombstone so the state has a home.
  if (!coll.has(threadId)) writeFields(doc, COMMENTS, threadId, thread.root);
  const m = coll.get(threadId)!;
  m.set('resolved', resolved);
  if (resolved) {
    m.set('resolvedBy', by);
    m.set('resolvedAt', now);
  } else {
    m.delete('resolvedBy');
    m.delete('resolvedAt');
  }
  return readThread(doc, threadId);
}

function requireComment(doc: Y.Doc, id: string): Comment {
  const c = readComment(doc, id);
  if (!c) throw new UdashError('NOT_FOUND', `No comment with id "${id}"`, { field: 'commentId' });
  return c;
}
