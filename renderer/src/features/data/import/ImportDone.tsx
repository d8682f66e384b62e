import type { ImportResult } from '../../../../../shared/contract/data.js';
import { useApp } from '../../../app/context.js';
import { Button } from '../../../ui/Button.js';
import { Icon } from '../../../ui/Icon.js';
import { IssuesTable } from './IssuesTable.js';

export function ImportDone({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const navigate = useApp((s) => s.navigate);
  return (
    <section className="card panel import-done" aria-labelledby="done-title" data-testid="import-done">
      <div className="done-head">
        <span className="done-icon" aria-hidden>
          <Icon name="check" size={22} />
        </span>
        <div>
          <h2 id="done-title">Imported {result.inserted.toLocaleString()} rows into “{result.dataset.name}”</h2>
          <p className="muted">
            {result.skipped ? `${result.skipped.toLocaleString()} rows skipped · ` : ''}
            {result.dataset.columns.length} columns · {result.dataset.rowCount.toLocaleString()} rows in the dataset · {(result.elapsedMs / 1000).toFixed(1)} s
          </p>
        </div>
      </div>
      {result.issueCount > 0 ? <IssuesTable issues={result.issues.slice(0, 200)} total={result.issueCount} caption="Skipped rows" /> : null}
      <div className="row gap">
        <Button variant="primary" icon="table" onClick={() => navigate({ section: 'data', datasetId: result.dataset.id })}>
          View the data
        </Button>
        <Button icon="dashboard" onClick={() => navigate({ section: 'dashboards' })}>
          Chart it on a dashboard
        </Button>
        <Button variant="ghost" icon="upload" onClick={onAnother}>
          Import another file
        </Button>
      </div>
    </section>
  );
}
