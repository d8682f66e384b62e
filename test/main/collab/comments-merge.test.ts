/**
 * Comment threads edited on two replicas of one workspace document at the same time, then merged by
 * exchanging Yjs updates both ways: both replicas must end identical, and the documented outcome of
 * each conflict (shared/model/comment.ts, main/collab/comments/comments-doc.ts) must hold.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addReply, addThread, deleteComment, editComment, readComments, setResolved, threadsOf } from '../../../main/collab/comments/comments-doc.js';
import { collection, removeItem, writeFields } from '../../../shared/model/workspace-doc.js';
import { contentOf, exchange, replicaOf } from './docs.js';

const ann = { id: 'u-ann', name: 'Ann Lee' };
const bob = { id: 'u-bob', name: 'Bob' };
const anchor = { dashboardId: 'd1', widgetId: 'w1' };
const text = (body: string) => ({ body, mentions: [] });
const t = (n: number) => new Date(Date.UTC(2025, 0, 1, 9, n)).toISOString();

function setup() {
  const a = new Y.Doc();
  const root = addThread(a, anchor, text('Why the dip in March?'), ann, t(0));
  const b = replicaOf(a);
  return { a, b, root };
}

describe('comments merged across two replicas', () => {
  it('keeps both of two replies written at the same time, in time order', () => {
    const { a, b, root } = setup();
    addReply(a, root.threadId, text('Data import was late'), ann, t(2));
    addReply(b, root.threadId, text('Looking into it'), bob, t(1));
    exchange(a, b);
    expect(contentOf(a)).toEqual(contentOf(b));
    const [thread] = threadsOf(a, 'd1');
    expect(thread!.replies.map((r) => r.body)).toEqual(['Looking into it', 'Data import was late']);
    expect(thread!.lastActivityAt).toBe(t(2));
  });

  it('keeps a reply written while the first comment was deleted (the first comment becomes a tombstone)', () => {
    const { a, b, root } = setup();
    deleteComment(a, root.id); // no replies known to A: the entry is removed
    addReply(b, root.threadId, text('I disagree'), bob, t(3));
    exchange(a, b);
    expect(contentOf(a)).toEqual(contentOf(b));
    for (const doc of [a, b]) {
      const threads = threadsOf(doc, 'd1');
      expect(threads).toHaveLength(1);
      expect(threads[0]!.root.deleted).toBe(true);
      expect(threads[0]!.root.body).toBe('');
      expect(threads[0]!.anchor).toEqual(anchor);
      expect(threads[0]!.replies.map((r) => r.body)).toEqual(['I disagree']);
    }
  });

  it('keeps a resolve and a concurrent reply', () => {
    const { a, b, root } = setup();
    setResolved(a, root.threadId, true, bob, t(4));
    addReply(b, root.threadId, text('One more thing'), ann, t(4));
    exchange(a, b);
    expect(contentOf(a)).toEqual(contentOf(b));
    const [thread] = threadsOf(b, 'd1');
    expect(thread!.resolved).toBe(true);
    expect(thread!.resolvedBy).toEqual(bob);
    expect(thread!.replies).toHaveLength(1);
  });

  it('keeps an edit of the text and a concurrent resolve of the same comment (different fields)', () => {
    const { a, b, root } = setup();
    editComment(a, root.id, text('Why the dip in March and April?'), t(5));
    setResolved(b, root.threadId, true, bob, t(5));
    exchange(a, b);
    expect(contentOf(a)).toEqual(contentOf(b));
    const [thread] = threadsOf(a, 'd1');
    expect(thread!.root.body).toBe('Why the dip in March and April?');
    expect(thread!.root.editedAt).toBe(t(5));
    expect(thread!.resolved).toBe(true);
  });

  it('drops an edit of a reply its author deleted at the same time (delete wins)', () => {
    const { a, root } = setup();
    const reply = addReply(a, root.threadId, text('typo'), bob, t(1));
    const b = replicaOf(a);
    deleteComment(a, reply.id);
    editComment(b, reply.id, text('fixed'), t(6));
    exchange(a, b);
    expect(contentOf(a)).toEqual(contentOf(b));
    expect(readComments(a).map((c) => c.id)).toEqual([root.id]);
  });

  it('turns a first comment with replies into a tombstone, and removes it with its last reply', () => {
    const { a, root } = setup();
    const reply = addReply(a, root.threadId, text('ok'), bob, t(1));
    deleteComment(a, root.id);
    let [thread] = threadsOf(a, 'd1');
    expect(thread!.root.deleted).toBe(true);
    expect(thread!.replies).toHaveLength(1);
    deleteComment(a, reply.id);
    expect(threadsOf(a, 'd1')).toEqual([]);
    expect(readComments(a)).toEqual([]);
    // A thread whose first comment entry is gone (deleted while a reply travelled) can still be resolved.
    const again = addThread(a, anchor, text('new'), ann, t(7));
    const b = replicaOf(a);
    deleteComment(a, again.id);
    addReply(b, again.threadId, text('r'), bob, t(8));
    exchange(a, b);
    const resolved = setResolved(b, again.threadId, true, ann, t(9));
    expect(resolved.resolved).toBe(true);
    expect(resolved.root.deleted).toBe(true);
    exchange(a, b);
    [thread] = threadsOf(a, 'd1');
    expect(thread!.resolved).toBe(true);
    expect(contentOf(a)).toEqual(contentOf(b));
  });

  it('keeps a comment written on a widget that a colleague deleted at the same time, ready to reattach if it comes back', () => {
    const a = new Y.Doc();
    writeFields(a, 'widgets', 'w1', { id: 'w1', dashboardId: 'd1', title: 'Revenue' });
    const b = replicaOf(a);
    removeItem(b, 'widgets', 'w1');
    const c = addThread(a, anchor, text('Keep this one?'), ann, t(1));
    exchange(a, b);
    expect(contentOf(a)).toEqual(contentOf(b));
    expect(collection(a, 'widgets').has('w1')).toBe(false);
    const [thread] = threadsOf(b, 'd1');
    expect(thread!.id).toBe(c.threadId);
    expect(thread!.anchor).toEqual({ dashboardId: 'd1', widgetId: 'w1' });
  });
});
