import { useState } from 'react';
import type { DatasetMeta } from '../../../../shared/model/dataset.js';
import { useApp, useClient } from '../../app/context.js';
import { deliverDownload } from '../../app/downloads.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Menu } from '../../ui/Menu.js';
import { PromptDialog } from '../../ui/PromptDialog.js';

/** Rename, export (CSV, Excel) and delete one dataset. */
export function DatasetActions({ workspaceId, dataset, compact }: { workspaceId: string; dataset: DatasetMeta; compact?: boolean }) {
  const client = useClient();
  const { refreshDatasets, toast, reportError, navigate, labelTask } = useApp((s) => ({
    refreshDatasets: s.refreshDatasets,
    toast: s.toast,
    reportError: s.reportError,
    navigate: s.navigate,
    labelTask: s.labelTask,
  }));
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    const taskId = `export-${crypto.randomUUID()}`;
    labelTask(taskId, `Exporting ${dataset.name} as ${format.toUpperCase()}`);
    try {
      const r = await client.call('export.dataset', { workspaceId, datasetId: dataset.id, format, taskId });
      const msg = await deliverDownload(client, r);
      if (msg) toast({ kind: 'success', message: msg });
    } catch (e) {
      reportError(e, 'Export failed');
    }
  };

  return (
    <>
      <Menu
        label={`Actions for ${dataset.name}`}
        className={compact ? undefined : 'btn btn-secondary btn-icon'}
        items={[
          { label: 'Rename', icon: 'edit', onSelect: () => setRenaming(true) },
          { label: 'Export as CSV', icon: 'download', onSelect: () => void exportAs('csv'), separatorBefore: true },
          { label: 'Export as Excel', icon: 'download', onSelect: () => void exportAs('xlsx') },
          { label: 'Delete', icon: 'trash', danger: true, onSelect: () => setDeleting(true), separatorBefore: true },
        ]}
      />
      {renaming ? (
        <PromptDialog
          title="Rename dataset"
          label="Name"
          initial={dataset.name}
          confirmLabel="Rename"
          onClose={() => setRenaming(false)}
          onSubmit={async (name) => {
            await client.call('datasets.rename', { workspaceId, datasetId: dataset.id, name });
            await refreshDatasets();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${dataset.name}”?`}
          confirmLabel="Delete dataset"
          danger
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await client.call('datasets.delete', { workspaceId, datasetId: dataset.id });
            await refreshDatasets();
            navigate({ section: 'data' }, { replace: true });
            toast({ kind: 'info', message: `Deleted “${dataset.name}”` });
          }}
        >
          <p>
            All {dataset.rowCount.toLocaleString()} rows are deleted. Widgets built on this dataset will show an error until you point them at another one. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
