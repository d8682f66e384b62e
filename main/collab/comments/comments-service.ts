/**
 * Comments as the UI asks for them: who may do what (only authors edit or delete their comments;
 * viewers write nothing), mentions parsed against the people the workspace knows, and unread counts
 * for the local user. Comment edits use their own transaction origin, not the dashboards' local
 * origin, so Ctrl+Z on a dashboard never takes back a comment just posted.
 */
import type * as Y from 'yjs';
import { UdashError } from '../../../shared/errors.js';
import { Dashboard, Widget } from '../../../shared/model/dashboard.js';
import { parseMentions, type Comment, type Person, type Thread } from '../../../shared/model/comment.js';
import { readOne } from '../../../shared/model/workspace-doc.js';
import type { CommentList } from '../../../shared/contract/collab.js';
import type { WorkspaceDocs } from '../../docs/workspace-docs.js';
import type { SettingsRepo } from '../../store/settings.js';
import type { WorkspacesRepo } from '../../store/workspaces-repo.js';
import { requireWriter, type ReadOnlyCheck } from '../can-write.js';
import { localUser, type LocalUser } from '../identity.js';
import type { CommentReadsRepo } from './reads-repo.js';
import { addReply, addThread, assembleThreads, deleteComment, editComment, knownPeople, readComment, readComments, readThread, setResolved, type CommentText } from './comments-doc.js';

/** Transaction origin of comment edits: persisted and synced like any edit, but outside dashboard undo. */
export const COMMENT_ORIGIN = Symbol('udash-comment');

export interface CommentsDeps {
  workspaces: WorkspacesRepo;
  docs: WorkspaceDocs;
  settings: SettingsRepo;
  reads: CommentReadsRepo;
  readOnly: ReadOnlyCheck;
  /** Names of colleagues online in the workspace now (sync presence), who can be mentioned too. */
  online: (workspaceId: string) => string[];
  now: () => Date;
}

export class CommentsService {
  constructor(private readonly d: CommentsDeps) {}

  me(): LocalUser {
    return localUser(this.d.settings);
  }

  list(workspaceId: string, dashboardId: string, includeResolved: boolean): CommentList {
    const doc = this.doc(workspaceId);
    const me = this.me();
    const all = readComments(doc);
    const mine = all.filter((c) => c.anchor.dashboardId === dashboardId);
    const threads = assembleThreads(mine).filter((t) => includeResolved || !t.resolved);
    const seen = this.d.reads.seen(workspaceId, me.id);
    const unreadIds = mine.filter((c) => isUnread(c, me.id, seen)).map((c) => c.id);
    return { threads, people: this.people(workspaceId, all, me), me, unread: unreadIds.length, unreadIds };
  }

  add(workspaceId: string, dashboardId: string, widgetId: string | undefined, body: string): Thread {
    requireWriter(this.d.readOnly, workspaceId, 'comment');
    const doc = this.doc(workspaceId);
    if (!readOne(doc, 'dashboards', dashboardId, Dashboard)) throw new UdashError('NOT_FOUND', `No dashboard with id "${dashboardId}"`, { field: 'dashboardId' });
    if (widgetId) {
      const w = readOne(doc, 'widgets', widgetId, Widget);
      if (!w || w.dashboardId !== dashboardId) throw new UdashError('NOT_FOUND', `No widget with id "${widgetId}" on this dashboard`, { field: 'widgetId' });
    }
    const me = this.me();
    const anchor = widgetId ? { dashboardId, widgetId } : { dashboardId };
    const first = this.write(doc, () => addThread(doc, anchor, this.text(workspaceId, doc, body, me), me, this.stamp()));
    // Your own comment is never unread for you.
    this.d.reads.markSeen(workspaceId, me.id, [first.id], this.stamp());
    return readThread(doc, first.threadId);
  }

  reply(workspaceId: string, threadId: string, body: string): Comment {
    requireWriter(this.d.readOnly, workspaceId, 'comment');
    const doc = this.doc(workspaceId);
    const me = this.me();
    const c = this.write(doc, () => addReply(doc, threadId, this.text(workspaceId, doc, body, me), me, this.stamp()));
    this.d.reads.markSeen(workspaceId, me.id, [c.id], this.stamp());
    return c;
  }

  edit(workspaceId: string, commentId: string, body: string): Comment {
    requireWriter(this.d.readOnly, workspaceId, 'edit comments');
    const doc = this.doc(workspaceId);
    const me = this.own(doc, commentId, 'edit');
    return this.write(doc, () => editComment(doc, commentId, this.text(workspaceId, doc, body, me), this.stamp()));
  }

  delete(workspaceId: string, commentId: string): void {
    requireWriter(this.d.readOnly, workspaceId, 'delete comments');
    const doc = this.doc(workspaceId);
    this.own(doc, commentId, 'delete');
    this.write(doc, () => deleteComment(doc, commentId));
  }

  resolve(workspaceId: string, threadId: string, resolved: boolean): Thread {
    requireWriter(this.d.readOnly, workspaceId, resolved ? 'resolve comments' : 'reopen comments');
    const doc = this.doc(workspaceId);
    const me = this.me();
    return this.write(doc, () => setResolved(doc, threadId, resolved, { id: me.id, name: me.name }, this.stamp()));
  }

  /** Marks every comment now on the dashboard as seen by the local user. */
  markSeen(workspaceId: string, dashboardId: string): void {
    const doc = this.doc(workspaceId);
    const ids = readComments(doc)
      .filter((c) => c.anchor.dashboardId === dashboardId)
      .map((c) => c.id);
    this.d.reads.markSeen(workspaceId, this.me().id, ids, this.stamp());
  }

  /** The workspace's document; NOT_FOUND for an unknown workspace (never a fresh empty doc). */
  private doc(workspaceId: string): Y.Doc {
    this.d.workspaces.get(workspaceId);
    return this.d.docs.get(workspaceId);
  }

  private own(doc: Y.Doc, commentId: string, verb: string): LocalUser {
    const c = readComment(doc, commentId);
    if (!c || c.deleted) throw new UdashError('NOT_FOUND', `No comment with id "${commentId}"`, { field: 'commentId' });
    const me = this.me();
    if (c.authorId !== me.id) throw new UdashError('FORBIDDEN', `Only ${c.authorName || 'its author'} can ${verb} this comment`, { field: 'commentId' });
    return me;
  }

  /** Mentions are matched against everyone the workspace knows, the local user included. */
  private text(workspaceId: string, doc: Y.Doc, body: string, me: LocalUser): CommentText {
    return { body, mentions: parseMentions(body, this.people(workspaceId, readComments(doc), me)) };
  }

  /**
   * The local user, everyone who commented or was mentioned by id, and colleagues online now (by
   * name only: presence carries no stable id), each once.
   */
  private people(workspaceId: string, comments: readonly Comment[], me: LocalUser): Person[] {
    const known: Person[] = [{ id: me.id, name: me.name }, ...knownPeople(comments).filter((p) => p.id !== me.id)];
    const names = new Set(known.map((p) => p.name.toLowerCase()));
    for (const name of this.d.online(workspaceId)) {
      if (names.has(name.toLowerCase())) continue;
      names.add(name.toLowerCase());
      known.push({ name });
    }
    return known.sort((a, b) => a.name.localeCompare(b.name));
  }

  private write<T>(doc: Y.Doc, fn: () => T): T {
    let out!: T;
    doc.transact(() => {
      out = fn();
    }, COMMENT_ORIGIN);
    return out;
  }

  private stamp(): string {
    return this.d.now().toISOString();
  }
}

function isUnread(c: Comment, me: string, seen: ReadonlySet<string>): boolean {
  return !c.deleted && c.authorId !== me && !seen.has(c.id);
}
