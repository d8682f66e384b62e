import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommentList } from '../../../../../shared/contract/collab.js';
import { useClient } from '../../../app/context.js';

export interface CommentActions {
  add(body: string, widgetId?: string): Promise<void>;
  reply(threadId: string, body: string): Promise<void>;
  edit(commentId: string, body: string): Promise<void>;
  remove(commentId: string): Promise<void>;
  resolve(threadId: string, resolved: boolean): Promise<void>;
  markSeen(): Promise<void>;
}

/**
 * A dashboard's comment threads, reloaded whenever the workspace document changes (a comment here,
 * one from a colleague through sync, an undo). Errors of the actions are thrown to the caller, which
 * shows them where the user acted.
 */
export function useComments(workspaceId: string, dashboardId: string): { list: CommentList | null; error: unknown; actions: CommentActions } {
  const client = useClient();
  const [list, setList] = useState<CommentList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    client.call('comments.list', { workspaceId, dashboardId }).then(
      (l) => {
        if (mine !== seq.current) return;
        setList(l);
        setError(null);
      },
      (e: unknown) => mine === seq.current && setError(e),
    );
  }, [client, workspaceId, dashboardId]);

  useEffect(() => {
    setList(null);
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.on('doc.changed', (e) => {
      if (e.workspaceId !== workspaceId) return;
      clearTimeout(timer);
      timer = setTimeout(load, 40);
    });
    return () => {
      off();
      clearTimeout(timer);
      seq.current++;
    };
  }, [client, workspaceId, load]);

  const after = useCallback(
    async (p: Promise<unknown>) => {
      await p;
      load();
    },
    [load],
  );

  const actions = useMemo<CommentActions>(
    () => ({
      add: (body, widgetId) => after(client.call('comments.add', { workspaceId, dashboardId, body, ...(widgetId ? { widgetId } : {}) })),
      reply: (threadId, body) => after(client.call('comments.reply', { workspaceId, threadId, body })),
      edit: (commentId, body) => after(client.call('comments.edit', { workspaceId, commentId, body })),
      remove: (commentId) => after(client.call('comments.delete', { workspaceId, commentId })),
      resolve: (threadId, resolved) => after(client.call('comments.resolve', { workspaceId, threadId, resolved })),
      markSeen: () => after(client.call('comments.markSeen', { workspaceId, dashboardId })),
    }),
    [client, workspaceId, dashboardId, after],
  );
  return { list, error, actions };
}
