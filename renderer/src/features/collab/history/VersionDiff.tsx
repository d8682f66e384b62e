/**
 * What changed on a dashboard between a version and now: its own fields, widgets added, removed and
 * changed (each changed field with its value then and now), and widgets moved or resized. A removed
 * or changed widget can be brought back on its own.
 */
import type { DashboardDiff, FieldChange } from '../../../../../shared/model/version.js';
import { Button } from '../../../ui/Button.js';
import { EmptyState } from '../../../ui/States.js';

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  dateRange: 'Date range',
  filters: 'Filters',
  title: 'Title',
  type: 'Chart type',
  'query.datasetId': 'Dataset',
  'query.x': 'X axis',
  'query.y': 'Measures',
  'query.series': 'Series',
  'query.filters': 'Widget filters',
  'query.dateRange': 'Widget date range',
  'query.sort': 'Sort',
  'query.limit': 'Limit',
};

const STATUS_LABEL = { added: 'Added since', removed: 'Removed since', changed: 'Changed' } as const;

function label(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/^options\./, 'Option: ').replace(/^query\./, 'Query: ');
}

function show(v: unknown): string {
  if (v === undefined) return '(not set)';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

function Fields({ fields }: { fields: FieldChange[] }) {
  return (
    <dl className="diff-fields">
      {fields.map((f) => (
        <div key={f.field} className="diff-field">
          <dt>{label(f.field)}</dt>
          <dd>
            <del aria-label="then">{show(f.before)}</del> <span aria-hidden="true">→</span> <ins aria-label="now">{show(f.after)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function VersionDiff({ diff, onRestoreWidget, readOnly }: { diff: DashboardDiff; onRestoreWidget: (widgetId: string, title: string) => void; readOnly: boolean }) {
  if (diff.status === 'unchanged') {
    return (
      <EmptyState icon="check" title="No changes" compact>
        This dashboard is exactly as it was in this version.
      </EmptyState>
    );
  }
  if (diff.status === 'added') {
    return (
      <EmptyState icon="info" title="Created after this version" compact>
        The dashboard did not exist yet.
      </EmptyState>
    );
  }
  return (
    <div className="version-diff" data-diff-status={diff.status}>
      {diff.status === 'removed' ? <p className="diff-note">This dashboard has been deleted since. Restoring brings it back with its widgets.</p> : null}
      {diff.fields.length ? (
        <section>
          <h3>Dashboard</h3>
          <Fields fields={diff.fields} />
        </section>
      ) : null}
      {diff.widgets.length ? (
        <section>
          <h3>Widgets</h3>
          <ul className="diff-widgets">
            {diff.widgets.map((w) => {
              const title = w.title || 'Untitled widget';
              return (
                <li key={w.widgetId} className={`diff-widget diff-${w.status}`} data-widget-change={w.status} data-widget-id={w.widgetId}>
                  <div className="diff-widget-head">
                    <span className={`badge diff-badge-${w.status}`}>{STATUS_LABEL[w.status]}</span>
                    <strong>{title}</strong>
                    {!readOnly && w.status !== 'added' && diff.status !== 'removed' ? (
                      <Button size="sm" variant="ghost" icon="undo" onClick={() => onRestoreWidget(w.widgetId, title)} aria-label={`Restore widget ${title} as it was`}>
                        Restore widget
                      </Button>
                    ) : null}
                  </div>
                  {w.fields.length ? <Fields fields={w.fields} /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {diff.layout.length ? (
        <section>
          <h3>Layout</h3>
          <p className="muted">
            {diff.layout.length} widget{diff.layout.length === 1 ? ' was' : 's were'} moved or resized: {diff.layout.map((m) => m.title || 'Untitled widget').join(', ')}.
          </p>
        </section>
      ) : null}
    </div>
  );
}
