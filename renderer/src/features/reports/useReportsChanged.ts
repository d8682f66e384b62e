import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../../../shared/contract/index.js';
import { useApp, useClient } from '../../app/context.js';

export type ReportsChanged = EventPayload<'reports.changed'>;

/**
 * Calls `fn` for main's 'reports.changed' events of this workspace (a report saved, paused or deleted;
 * a run changing status), and once more when the connection comes back (events sent while it was down
 * are lost). Bursts are coalesced: a run moving generating → sending → sent refetches once or twice, not per step.
 */
export function useReportsChanged(workspaceId: string, fn: (e: ReportsChanged | null) => void, delayMs = 120): void {
  const client = useClient();
  const connection = useApp((s) => s.connection);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const wasDown = useRef(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: ReportsChanged | null = null;
    const off = client.on('reports.changed', (e) => {
      if (e.workspaceId !== workspaceId) return;
      last = e;
      clearTimeout(timer);
      timer = setTimeout(() => fnRef.current(last), delayMs);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [client, workspaceId, delayMs]);

  useEffect(() => {
    if (connection === 'reconnecting') wasDown.current = true;
    if (connection === 'open' && wasDown.current) {
      wasDown.current = false;
      fnRef.current(null);
    }
  }, [connection]);
}
