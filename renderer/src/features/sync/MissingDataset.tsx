/**
 * In a shared workspace, a widget whose dataset is not on this computer (a colleague imported it):
 * say so, and fetch the published snapshot on demand, or say who can publish one.
 */
import './sync.css';
import { useEffect, useState, type ReactNode } from 'react';
import type { SnapshotInfo } from '../../../../shared/contract/sync.js';
import { useApp, useClient } from '../../app/context.js';
import { errorMessage } from '../../app/errors.js';
import { Button } from '../../ui/Button.js';
import { Icon } from '../../ui/Icon.js';
import type { MenuItem } from '../../ui/Menu.js';
import { useShared } from './useSync.js';

function useSnapshotInfo(workspaceId: string, datasetId: string, enabled: boolean): [SnapshotInfo | null, () => void] {
  const client = useClient();
  const [info, setInfo] = useState<SnapshotInfo | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () =>
      client.call('sync.snapshots', { workspaceId, datasetIds: [datasetId] }).then(
        (r) => live && setInfo(r[0] ?? null),
        () => undefined,
      );
    void load();
    // A colleague may publish while this is on screen: the record arrives as a doc change.
    const off = client.on('doc.changed', (e) => e.workspaceId === workspaceId && !e.local && void load());
    return () => {
      live = false;
      off();
    };
  }, [client, workspaceId, datasetId, enabled, tick]);
  return [info, () => setTick((t) => t + 1)];
}

/** Shown instead of the widget's error (the children) when the widget's dataset is missing here. */
export function MissingDataset({ workspaceId, datasetId, children }: { workspaceId: string; datasetId: string; children: ReactNode }) {
  const client = useClient();
  const { datasetsLoaded, hasDataset, refreshDatasets, toast } = useApp((s) => ({ datasetsLoaded: s.datasetsLoaded, hasDataset: s.datasets.some((d) => d.id === datasetId), refreshDatasets: s.refreshDatasets, toast: s.toast }));
  const shared = useShared(workspaceId);
  const missing = !!shared && datasetsLoaded && !hasDataset;
  const [info] = useSnapshotInfo(workspaceId, datasetId, missing);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!missing || !info) return <>{children}</>;
  const snap = info.snapshot;

  const fetchIt = async () => {
    setBusy(true);
    setError(null);
    try {
      const meta = await client.call('sync.snapshot.fetch', { workspaceId, datasetId });
      await refreshDatasets();
      toast({ kind: 'success', message: `Fetched “${meta.name}” (${meta.rowCount.toLocaleString()} rows).` });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <div className="widget-error widget-missing-data" role="group" aria-label="Data not on this computer" data-snapshot={snap ? 'published' : 'none'}>
      <Icon name="database" />
      {snap ? (
        <>
          <p>
            The data for this widget (“{snap.name}”, {snap.rows.toLocaleString()} rows) is on {snap.publishedBy}'s computer; a snapshot was published {new Date(snap.publishedAt).toLocaleDateString()}.
          </p>
          <Button size="sm" variant="primary" icon="download" busy={busy} onClick={() => void fetchIt()}>
            Fetch snapshot
          </Button>
        </>
      ) : (
        <p>The data for this widget is on a colleague's computer and no snapshot has been published yet. Ask them to publish one (widget menu → Publish data snapshot).</p>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The widget menu's "Publish data snapshot" item, for a dataset this computer owns in a shared workspace. */
export function useSnapshotMenuItems(workspaceId: string, datasetId: string): MenuItem[] {
  const client = useClient();
  const { hasDataset, toast, reportError } = useApp((s) => ({ hasDataset: s.datasets.some((d) => d.id === datasetId), toast: s.toast, reportError: s.reportError }));
  const shared = useShared(workspaceId);
  const eligible = !!shared && hasDataset && !shared.state.readOnly;
  const [info, reload] = useSnapshotInfo(workspaceId, datasetId, eligible);
  if (!eligible || !info?.canPublish) return [];
  return [
    {
      label: info.snapshot ? 'Publish data snapshot again' : 'Publish data snapshot',
      icon: 'upload',
      separatorBefore: true,
      onSelect: () =>
        void client.call('sync.snapshot.publish', { workspaceId, datasetId }).then(
          (s) => {
            toast({ kind: 'success', message: `Published a snapshot of “${s.name}” (${s.rows.toLocaleString()} rows) for colleagues.` });
            reload();
          },
          (e: unknown) => reportError(e, 'Could not publish the snapshot'),
        ),
    },
  ];
}
