import type { RowIssue } from '../../../../../shared/contract/data.js';

/** The row-level problems of an import: where (row, column), what was there, and why it does not fit. */
export function IssuesTable({ issues, total, caption }: { issues: RowIssue[]; total?: number; caption: string }) {
  const more = total !== undefined && total > issues.length ? total - issues.length : 0;
  return (
    <div className="issues">
      <table className="table issues-table" aria-label={caption}>
        <caption className="issues-caption">
          {caption}
          {more ? <span className="muted"> — showing {issues.length.toLocaleString()} of {total!.toLocaleString()}</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, k) => (
            <tr key={`${i.row}-${i.column}-${k}`}>
              <td className="num">{i.row.toLocaleString()}</td>
              <td>{i.column}</td>
              <td>
                <code className="cell-value" title={i.value}>
                  {i.value === '' ? '(empty)' : i.value.length > 80 ? `${i.value.slice(0, 80)}…` : i.value}
                </code>
              </td>
              <td>{i.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
