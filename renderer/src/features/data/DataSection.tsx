import '../../styles/data.css';
import { useApp, useWorkspaceId } from '../../app/context.js';
import { Button } from '../../ui/Button.js';
import { EmptyState } from '../../ui/States.js';
import { DatasetActions } from './DatasetActions.js';
import { DatasetList } from './DatasetList.js';
import { ImportWizard } from './import/ImportWizard.js';
import { DatasetViewer } from './viewer/DatasetViewer.js';

export default function DataSection() {
  const workspaceId = useWorkspaceId();
  const { route, navigate, datasets, loaded } = useApp((s) => ({ route: s.route, navigate: s.navigate, datasets: s.datasets, loaded: s.datasetsLoaded }));
  if (route.section !== 'data') return null;
  if (route.view === 'import') return <ImportWizard onClose={() => navigate({ section: 'data' })} />;
  if (route.datasetId) {
    const ds = datasets.find((d) => d.id === route.datasetId);
    if (!ds) {
      return (
        <div className="page">
          {loaded ? (
            <EmptyState icon="data" title="This dataset no longer exists" actions={<Button onClick={() => navigate({ section: 'data' })}>All datasets</Button>}>
              It may have been deleted.
            </EmptyState>
          ) : null}
        </div>
      );
    }
    return (
      <div className="page page-fill">
        <header className="page-header">
          <div>
            <nav aria-label="Breadcrumb" className="breadcrumb">
              <a
                href="#/data"
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ section: 'data' });
                }}
              >
                Data
              </a>
              <span aria-hidden> / </span>
            </nav>
            <h1>{ds.name}</h1>
            <p className="muted small">
              {ds.rowCount.toLocaleString()} rows · {ds.columns.length} columns{ds.timeColumn ? ` · time column ${ds.timeColumn}` : ''} · from {ds.source.file ?? ds.source.kind}
            </p>
          </div>
          <DatasetActions workspaceId={workspaceId} dataset={ds} />
        </header>
        <DatasetViewer key={ds.id} workspaceId={workspaceId} dataset={ds} />
      </div>
    );
  }
  return <DatasetList workspaceId={workspaceId} />;
}
