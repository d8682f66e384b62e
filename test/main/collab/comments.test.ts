/**
 * Comments through the contract on real services: threads on a dashboard and on a widget, replies,
 * @mentions resolved against known people, resolve/reopen, editing and deleting only one's own
 * comments, unread counts, and a colleague's comments arriving as Yjs updates from another replica.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addReply, addThread } from '../../../main/collab/comments/comments-doc.js';
import { USER_ID_KEY } from '../../../main/collab/identity.js';
import { setWorkspaceRole } from '../../../main/permissions/workspace-role.js';
import { UdashError } from '../../../shared/errors.js';
import type { Services } from '../../../main/services.js';
import { createServices } from '../../../main/services.js';
import { tempHome, testServices } from '../../helpers/home.js';
import { REMOTE, replicaOf } from './docs.js';

const query = { datasetId: 'd1', x: { field: 'date', bucket: 'day' as const }, y: [{ agg: 'sum' as const, field: 'revenue' }] };
const carol = { id: 'u-carol', name: 'Carol Diaz' };

async function setup(): Promise<{ svc: Services; workspaceId: string; dashboardId: string; widgetId: string }> {
  const svc = await testServices();
  svc.core().settings.set(USER_ID_KEY, 'u-me');
  await svc.dispatcher.call('sync.profile.set', { name: 'Ann Lee', color: '#2563eb' });
  const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
  const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'Sales' });
  const w = await svc.dispatcher.call('widgets.create', { workspaceId, dashboardId: dash.id, widget: { title: 'Revenue', type: 'line', query } });
  return { svc, workspaceId, dashboardId: dash.id, widgetId: w.id };
}

/** Carol, on her own replica, does something; her update reaches this computer as a remote one. */
function fromColleague(svc: Services, workspaceId: string, act: (doc: Y.Doc) => void): void {
  const live = svc.core().docs.get(workspaceId);
  const theirs = replicaOf(live);
  const before = Y.encodeStateVector(theirs);
  act(theirs);
  Y.applyUpdate(live, Y.encodeStateAsUpdate(theirs, before), REMOTE);
}

async function fails(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof UdashError ? e.code : `not a UdashError: ${String(e)}`;
  }
  return undefined;
}

describe('comments on dashboards and widgets', () => {
  it('starts threads on the dashboard and on a widget, replies, and lists newest activity first', async () => {
    const { svc, workspaceId, dashboardId, widgetId } = await setup();
    const call = svc.dispatcher.call;
    const onDash = await call('comments.add', { workspaceId, dashboardId, body: 'Nice dashboard' });
    const onWidget = await call('comments.add', { workspaceId, dashboardId, widgetId, body: '  Why the dip?  ' });
    expect(onWidget.anchor).toEqual({ dashboardId, widgetId });
    expect(onWidget.root.body).toBe('Why the dip?');
    expect(onWidget.root.authorName).toBe('Ann Lee');
    await new Promise((r) => setTimeout(r, 5));
    const reply = await call('comments.reply', { workspaceId, threadId: onDash.id, body: 'Thanks' });
    expect(reply.anchor).toEqual({ dashboardId });

    const list = await call('comments.list', { workspaceId, dashboardId });
    expect(list.threads.map((t) => t.id)).toEqual([onDash.id, onWidget.id]);
    expect(list.threads[0]!.replies.map((r) => r.body)).toEqual(['Thanks']);
    expect(list.me).toEqual({ id: 'u-me', name: 'Ann Lee' });
    // Your own comments are never unread.
    expect(list.unread).toBe(0);

    expect(await fails(call('comments.add', { workspaceId, dashboardId, widgetId: 'nope', body: 'x' }))).toBe('NOT_FOUND');
    expect(await fails(call('comments.add', { workspaceId, dashboardId, body: '   ' }))).toBe('BAD_INPUT');
    expect(await fails(call('comments.reply', { workspaceId, threadId: 'nope', body: 'x' }))).toBe('NOT_FOUND');
  });

  it('parses @mentions of known people, longest name first, ignoring e-mail addresses and strangers', async () => {
    const { svc, workspaceId, dashboardId, widgetId } = await setup();
    fromColleague(svc, workspaceId, (doc) => addThread(doc, { dashboardId, widgetId }, { body: 'First!', mentions: [] }, carol, new Date().toISOString()));
    const list = await svc.dispatcher.call('comments.list', { workspaceId, dashboardId });
    expect(list.people).toEqual([
      { id: 'u-me', name: 'Ann Lee' },
      { id: 'u-carol', name: 'Carol Diaz' },
    ]);
    const t = await svc.dispatcher.call('comments.add', { workspaceId, dashboardId, body: 'cc @carol diaz and @Ann Lee, not @Zed or mail@Ann' });
    expect(t.root.mentions).toEqual([
      { name: 'Carol Diaz', userId: 'u-carol' },
      { name: 'Ann Lee', userId: 'u-me' },
    ]);
    const edited = await svc.dispatcher.call('comments.edit', { workspaceId, commentId: t.id, body: 'only @Carol Diaz' });
    expect(edited.mentions).toEqual([{ name: 'Carol Diaz', userId: 'u-carol' }]);
    expect(edited.editedAt).toBeTruthy();
  });

  it('resolves and reopens a thread, and hides resolved threads on request', async () => {
    const { svc, workspaceId, dashboardId } = await setup();
    const t = await svc.dispatcher.call('comments.add', { workspaceId, dashboardId, body: 'Fix the axis' });
    const resolved = await svc.dispatcher.call('comments.resolve', { workspaceId, threadId: t.id });
    expect(resolved.resolved).toBe(true);
    expect(resolved.resolvedBy).toEqual({ id: 'u-me', name: 'Ann Lee' });
    expect((await svc.dispatcher.call('comments.list', { workspaceId, dashboardId, includeResolved: false })).threads).toEqual([]);
    const reopened = await svc.dispatcher.call('comments.resolve', { workspaceId, threadId: t.id, resolved: false });
    expect(reopened.resolved).toBe(false);
    expect(reopened.resolvedBy).toBeUndefined();
    expect((await svc.dispatcher.call('comments.list', { workspaceId, dashboardId, includeResolved: false })).threads).toHaveLength(1);
  });

  it("edits and deletes only one's own comments", async () => {
    const { svc, workspaceId, dashboardId } = await setup();
    let theirs = '';
    fromColleague(svc, workspaceId, (doc) => {
      theirs = addThread(doc, { dashboardId }, { body: 'Carol was here', mentions: [] }, carol, new Date().toISOString()).id;
    });
    expect(await fails(svc.dispatcher.call('comments.edit', { workspaceId, commentId: theirs, body: 'hijacked' }))).toBe('FORBIDDEN');
    expect(await fails(svc.dispatcher.call('comments.delete', { workspaceId, commentId: theirs }))).toBe('FORBIDDEN');
    const mine = await svc.dispatcher.call('comments.reply', { workspaceId, threadId: theirs, body: 'me too' });
    await svc.dispatcher.call('comments.delete', { workspaceId, commentId: mine.id });
    const list = await svc.dispatcher.call('comments.list', { workspaceId, dashboardId });
    expect(list.threads[0]!.root.body).toBe('Carol was here');
    expect(list.threads[0]!.replies).toEqual([]);
  });

  it("counts a colleague's comments as unread until marked seen, including ones written offline long ago", async () => {
    const { svc, workspaceId, dashboardId, widgetId } = await setup();
    let threadId = '';
    fromColleague(svc, workspaceId, (doc) => {
      threadId = addThread(doc, { dashboardId, widgetId }, { body: 'Look at this', mentions: [] }, carol, '2020-01-01T00:00:00.000Z').id;
    });
    let list = await svc.dispatcher.call('comments.list', { workspaceId, dashboardId });
    expect(list.unread).toBe(1);
    expect(list.unreadIds).toEqual([threadId]);
    await svc.dispatcher.call('comments.markSeen', { workspaceId, dashboardId });
    expect((await svc.dispatcher.call('comments.list', { workspaceId, dashboardId })).unread).toBe(0);
    // A reply written offline, dated before the mark, is still new when it arrives.
    fromColleague(svc, workspaceId, (doc) => addReply(doc, threadId, { body: 'ping', mentions: [] }, carol, '2020-01-02T00:00:00.000Z'));
    list = await svc.dispatcher.call('comments.list', { workspaceId, dashboardId });
    expect(list.unread).toBe(1);
  });

  it('keeps comments out of dashboard undo, and refuses comments from a viewer', async () => {
    const { svc, workspaceId, dashboardId, widgetId } = await setup();
    await svc.dispatcher.call('widgets.update', { workspaceId, dashboardId, widgetId, patch: { title: 'Renamed' } });
    await svc.dispatcher.call('comments.add', { workspaceId, dashboardId, body: 'Stays' });
    await svc.dispatcher.call('doc.undo', { workspaceId });
    const dash = await svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId });
    expect(dash.widgets[0]!.title).toBe('Revenue');
    expect((await svc.dispatcher.call('comments.list', { workspaceId, dashboardId })).threads.map((t) => t.root.body)).toEqual(['Stays']);

    setWorkspaceRole(svc.core().settings, workspaceId, 'viewer');
    expect(await fails(svc.dispatcher.call('comments.add', { workspaceId, dashboardId, body: 'x' }))).toBe('FORBIDDEN');
  });

  it('persists comments in the workspace document across a restart', async () => {
    const home = tempHome();
    let svc = await createServices({ home, sample: false });
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const { id: dashboardId } = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'D' });
    await svc.dispatcher.call('comments.add', { workspaceId, dashboardId, body: 'Kept' });
    await svc.close();
    svc = await createServices({ home, sample: false });
    try {
      const list = await svc.dispatcher.call('comments.list', { workspaceId, dashboardId });
      expect(list.threads.map((t) => t.root.body)).toEqual(['Kept']);
    } finally {
      await svc.close();
    }
  });
});
