import { useApp } from '../../app/context.js';
import { formatHash } from '../../app/router.js';
import { Button } from '../../ui/Button.js';
import { EmptyState, Spinner } from '../../ui/States.js';
import { DatasetActions } from './DatasetActions.js';

const SOURCE_LABEL: Record<string, string> = { csv: 'CSV', json: 'JSON', xlsx: 'Excel', sample: 'Sample', connector: 'Connector' };

export function DatasetList({ workspaceId }: { workspaceId: string }) {
  const { datasets, loaded, navigate } = useApp((s) => ({ datasets: s.datasets, loaded: s.datasetsLoaded, navigate: s.navigate }));
  const importButton = (
    <Button variant="primary" icon="upload" onClick={() => navigate({ section: 'data', view: 'import' })}>
      Import data
    </Button>
  );
  return (
    <div className="page">
      <header className="page-header">
        <h1>Data</h1>
        {importButton}
      </header>
      {!loaded ? (
        <Spinner />
      ) : datasets.length === 0 ? (
        <EmptyState icon="data" title="No datasets in this workspace" actions={importButton}>
          Import a CSV, JSON or Excel file. Its rows stay on this computer, in the workspace's local store.
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table datasets-table" aria-label="Datasets">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">Columns</th>
                <th scope="col">Source</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id} data-dataset={d.name}>
                  <th scope="row">
                    <a
                      href={formatHash({ section: 'data', datasetId: d.id })}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ section: 'data', datasetId: d.id });
                      }}
                    >
                      {d.name}
                    </a>
                  </th>
                  <td className="num">{d.rowCount.toLocaleString()}</td>
                  <td className="columns-cell" title={d.columns.map((c) => `${c.name} (${c.type})`).join(', ')}>
                    {d.columns.length} <span className="muted">· {d.columns.slice(0, 4).map((c) => c.name).join(', ')}{d.columns.length > 4 ? '…' : ''}</span>
                  </td>
                  <td>
                    <span className="badge">{SOURCE_LABEL[d.source.kind] ?? d.source.kind}</span> <span className="muted small">{d.source.file ?? ''}</span>
                  </td>
                  <td className="muted">{new Date(d.updatedAt).toLocaleString()}</td>
                  <td className="actions-cell">
                    <DatasetActions workspaceId={workspaceId} dataset={d} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
