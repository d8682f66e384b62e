/**
 * Collaboration on a workspace's dashboards: comment threads (stored in the workspace document, so
 * they sync) and the workspace's version history (stored locally; a restore is a new edit that syncs).
 */
import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok } from './common.js';
import { COMMENT_MAX_CHARS, Comment, Person, Thread } from '../model/comment.js';
import { DashboardWithWidgets } from '../model/dashboard.js';
import { QueryResult } from '../model/query.js';
import { DashboardDiff, VersionInfo, VersionName } from '../model/version.js';

const Body = z.string().trim().min(1, 'A comment cannot be empty').max(COMMENT_MAX_CHARS);
const VersionRef = z.object({ workspaceId: Id, versionId: Id });

export const CommentList = z.object({
  threads: z.array(Thread),
  /** Who can be @mentioned: known comment authors, the local user (and, with sync, the members). */
  people: z.array(Person),
  /** The local user, as comments record them. */
  me: Person.extend({ id: z.string() }),
  /** Comments by others on this dashboard newer than the local user last looked (comments.markSeen). */
  unread: z.number().int(),
  /** The ids of those unread comments, so the panel can highlight them. */
  unreadIds: z.array(z.string()),
});
export type CommentList = z.infer<typeof CommentList>;

export const collabMethods = {
  'comments.list': method(
    'Comment threads on a dashboard and its widgets, newest activity first; resolved threads only with includeResolved',
    z.object({ workspaceId: Id, dashboardId: Id, includeResolved: z.boolean().default(true) }),
    CommentList,
  ),
  'comments.add': method('Start a thread on a dashboard, or on one of its widgets when widgetId is given', z.object({ workspaceId: Id, dashboardId: Id, widgetId: Id.optional(), body: Body }), Thread),
  'comments.reply': method('Reply to a thread', z.object({ workspaceId: Id, threadId: Id, body: Body }), Comment),
  'comments.edit': method('Change the text of one of your own comments', z.object({ workspaceId: Id, commentId: Id, body: Body }), Comment),
  'comments.delete': method('Delete one of your own comments (a first comment with replies leaves a "deleted" placeholder)', z.object({ workspaceId: Id, commentId: Id }), Ok),
  'comments.resolve': method('Resolve a thread, or reopen it with resolved: false', z.object({ workspaceId: Id, threadId: Id, resolved: z.boolean().default(true) }), Thread),
  'comments.markSeen': method("Record that the local user has read a dashboard's comments (for the unread count)", z.object({ workspaceId: Id, dashboardId: Id }), Ok),

  'versions.list': method('Saved versions of a workspace, newest first', z.object({ workspaceId: Id }), z.array(VersionInfo)),
  'versions.create': method('Save the workspace as it is now under a name', z.object({ workspaceId: Id, name: VersionName }), VersionInfo),
  'versions.rename': method('Name a version (an automatic one becomes named and is kept when old automatic ones are thinned out)', VersionRef.extend({ name: VersionName }), VersionInfo),
  'versions.get': method(
    'Dashboards as they were in a version (only dashboardId when given)',
    VersionRef.extend({ dashboardId: Id.optional() }),
    z.object({ version: VersionInfo, dashboards: z.array(DashboardWithWidgets) }),
  ),
  'versions.widgetData': method(
    "Run a widget's query as it was in a version, under that version's dashboard date range and filters (the rows are today's)",
    VersionRef.extend({ dashboardId: Id, widgetId: Id }),
    QueryResult,
  ),
  'versions.diff': method(
    'Compare a version with now: dashboards, widgets added/removed/changed with their fields, layout moves',
    VersionRef.extend({ dashboardId: Id.optional() }),
    z.object({ version: VersionInfo, dashboards: z.array(DashboardDiff) }),
  ),
  'versions.restore': method(
    'Bring a dashboard (with its widgets, re-creating deleted ones) or one widget back as it was in a version; a new edit, undoable with doc.undo',
    VersionRef.extend({ dashboardId: Id, widgetId: Id.optional() }),
    z.object({ dashboardId: Id, widgetsRestored: z.number().int(), widgetsRemoved: z.number().int(), fieldsChanged: z.number().int() }),
  ),
} as const;

export const collabEvents = {
  /** A version was saved or thinned out; History panels reload. */
  'versions.changed': z.object({ workspaceId: z.string() }),
} as const;
