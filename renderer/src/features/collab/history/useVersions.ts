import { useCallback, useEffect, useRef, useState } from 'react';
import type { VersionInfo } from '../../../../../shared/model/version.js';
import { useClient } from '../../../app/context.js';

/** The workspace's versions, newest first, reloaded when main says they changed. */
export function useVersions(workspaceId: string): { versions: VersionInfo[] | null; error: unknown; reload: () => void } {
  const client = useClient();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    client.call('versions.list', { workspaceId }).then(
      (v) => {
        if (mine !== seq.current) return;
        setVersions(v);
        setError(null);
      },
      (e: unknown) => mine === seq.current && setError(e),
    );
  }, [client, workspaceId]);

  useEffect(() => {
    reload();
    const off = client.on('versions.changed', (e) => e.workspaceId === workspaceId && reload());
    return () => {
      off();
      seq.current++;
    };
  }, [client, workspaceId, reload]);

  return { versions, error, reload };
}
