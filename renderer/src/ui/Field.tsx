import { useId, type ReactNode } from 'react';

/**
 * A labelled form control with its error. The label points at the control by id (rather than
 * wrapping it), so a select's accessible name is its label alone, not the label plus every option.
 */
export function Field({ label, error, hint, field, className, children }: { label: string; error?: string | undefined; hint?: ReactNode; field?: string; className?: string; children: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className={`field${className ? ` ${className}` : ''}`} data-field={field}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': errId } : {}) })}
      {error ? (
        <span id={errId} className="field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="muted small">{hint}</span>
      ) : null}
    </div>
  );
}
