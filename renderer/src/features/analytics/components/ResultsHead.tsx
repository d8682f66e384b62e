import type { ReactNode } from 'react';

/** The heading over an analysis' results, with its actions (save, export) on the right. */
export function ResultsHead({ title, actions }: { title: ReactNode; actions?: ReactNode }) {
  return (
    <div className="results-head">
      <h2>{title}</h2>
      {actions ? <div className="row">{actions}</div> : null}
    </div>
  );
}
