/** The review step's panels: detected format and parse options, columns with type overrides, issues, rows. */
import type { ImportOptions, ImportPreview } from '../../../../../shared/contract/data.js';
import { COLUMN_TYPES, type ColumnType } from '../../../../../shared/model/dataset.js';
import { formatCell } from '../../../lib/format.js';
import { Field } from '../../../ui/Field.js';
import { IssuesTable } from './IssuesTable.js';
import { DELIMITERS, delimiterLabel, ENCODINGS } from './options.js';

const TYPE_LABELS: Record<ColumnType, string> = { integer: 'Integer', number: 'Number', boolean: 'Boolean', datetime: 'Date/time', text: 'Text' };

export function ParseOptions({ preview, options, onChange }: { preview: ImportPreview; options: ImportOptions; onChange: (o: Partial<ImportOptions>) => void }) {
  return (
    <div className="parse-options">
      <dl className="detected" aria-label="Detected">
        <div>
          <dt>Format</dt>
          <dd>{preview.format.toUpperCase()}</dd>
        </div>
        {preview.format === 'csv' ? (
          <div>
            <dt>Delimiter</dt>
            <dd data-testid="detected-delimiter">{delimiterLabel(preview.delimiter)}</dd>
          </div>
        ) : null}
        {preview.encoding ? (
          <div>
            <dt>Encoding</dt>
            <dd data-testid="detected-encoding">{preview.encoding}</dd>
          </div>
        ) : null}
        <div>
          <dt>Rows scanned</dt>
          <dd>{preview.rowsScanned.toLocaleString()}</dd>
        </div>
      </dl>
      <div className="parse-controls">
        {preview.sheets && preview.sheets.length > 0 ? (
          <Field label="Sheet" className="field-inline">
            {(a) => (
              <select {...a} className="select" value={options.sheet ?? preview.sheet ?? ''} onChange={(e) => onChange({ sheet: e.target.value, types: {}, timeColumn: undefined })}>
                {preview.sheets!.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {preview.format === 'csv' ? (
          <>
            <Field label="Delimiter" className="field-inline">
              {(a) => (
                <select {...a} className="select" value={options.delimiter ?? ''} onChange={(e) => onChange({ delimiter: e.target.value || undefined, types: {} })}>
                  <option value="">Detect ({delimiterLabel(preview.delimiter)})</option>
                  {DELIMITERS.map((d) => (
                    <option key={d.label} value={d.value}>
                      {d.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Encoding" className="field-inline">
              {(a) => (
                <select {...a} className="select" value={options.encoding ?? ''} onChange={(e) => onChange({ encoding: e.target.value || undefined })}>
                  <option value="">Detect ({preview.encoding ?? '—'})</option>
                  {ENCODINGS.map((enc) => (
                    <option key={enc} value={enc}>
                      {enc}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : null}
        {preview.format !== 'json' ? (
          <label className="check">
            <input type="checkbox" checked={options.hasHeader ?? true} onChange={(e) => onChange({ hasHeader: e.target.checked, types: {} })} />
            First row is a header
          </label>
        ) : null}
      </div>
    </div>
  );
}

export function ColumnsPanel({ preview, options, onChange }: { preview: ImportPreview; options: ImportOptions; onChange: (o: Partial<ImportOptions>) => void }) {
  const timeCandidates = preview.columns.filter((c) => c.type === 'datetime');
  const timeValue = options.timeColumn ?? preview.timeColumn ?? '';
  return (
    <section className="card panel" aria-labelledby="cols-title">
      <div className="panel-head">
        <h3 id="cols-title">Columns and types</h3>
        <Field label="Time column" className="field-inline">
          {(a) => (
            <select {...a} className="select" value={timeValue} onChange={(e) => onChange({ timeColumn: e.target.value || undefined })}>
              <option value="">(none)</option>
              {timeCandidates.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="table-scroll">
        <table className="table columns-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Examples</th>
              <th scope="col" className="num">
                Empty
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => {
              const overridden = options.types?.[c.name];
              return (
                <tr key={c.name} data-column={c.name}>
                  <th scope="row">
                    {c.name}
                    {c.renamedFrom !== undefined ? (
                      <span className="muted small renamed" title="Empty or repeated headers are renamed so every column has its own name">
                        {' '}
                        (header {c.renamedFrom === '' ? 'was empty' : `“${c.renamedFrom}” was repeated`})
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <select
                      className={`select select-sm${overridden ? ' is-overridden' : ''}`}
                      aria-label={`Type of ${c.name}`}
                      value={overridden ?? c.type}
                      onChange={(e) => {
                        const next = { ...(options.types ?? {}) };
                        next[c.name] = e.target.value as ColumnType;
                        onChange({ types: next });
                      }}
                    >
                      {COLUMN_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {TYPE_LABELS[t]}
                          {t === c.type && !overridden ? ' (detected)' : ''}
                        </option>
                      ))}
                    </select>
                    {c.dateFormat && (overridden ?? c.type) === 'datetime' ? <span className="muted small"> {c.dateFormat}</span> : null}
                  </td>
                  <td>
                    <div className="samples">
                      {c.sample.slice(0, 3).map((s, i) => (
                        <code key={i} className="cell-value">
                          {s}
                        </code>
                      ))}
                    </div>
                  </td>
                  <td className="num">{c.nullCount.toLocaleString()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function IssuesPanel({ preview }: { preview: ImportPreview }) {
  const count = preview.issueCount ?? preview.issues.length;
  if (count === 0) {
    return (
      <p className="banner banner-success" role="status">
        No problems found in the first {preview.rowsScanned.toLocaleString()} rows.
      </p>
    );
  }
  return (
    <section className="card panel panel-warning" aria-labelledby="issues-title" data-testid="import-issues">
      <div className="panel-head">
        <h3 id="issues-title">
          {count.toLocaleString()} {count === 1 ? 'problem' : 'problems'} in the first {preview.rowsScanned.toLocaleString()} rows
        </h3>
      </div>
      <p className="muted small">Change a column's type above, or choose below whether to skip these rows or stop the import.</p>
      <IssuesTable issues={preview.issues.slice(0, 200)} total={count} caption="Rows that do not fit their column's type" />
    </section>
  );
}

export function RowsPanel({ preview }: { preview: ImportPreview }) {
  return (
    <section className="card panel" aria-labelledby="rows-title">
      <div className="panel-head">
        <h3 id="rows-title">First {preview.rows.length.toLocaleString()} rows</h3>
      </div>
      <div className="table-scroll table-scroll-tall">
        <table className="table rows-table" data-testid="preview-rows">
          <thead>
            <tr>
              <th scope="col" className="num" title="Row in the file">
                Row
              </th>
              {preview.columns.map((c) => (
                <th key={c.name} scope="col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i}>
                <td className="num muted">{preview.rowNumbers?.[i] ?? i + 1}</td>
                {r.map((v, j) => (
                  <td key={j} className={typeof v === 'number' ? 'num' : undefined}>
                    {formatCell(v, preview.columns[j]?.type)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
