import { useId, useState } from 'react';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';
import { useDialogAction } from './useDialogAction.js';

/** Asks for one line of text (a name); the server's validation message is shown under the field. */
export function PromptDialog({
  title,
  label,
  initial = '',
  confirmLabel,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  initial?: string;
  confirmLabel: string;
  onSubmit: (value: string) => Promise<void> | void;
  onClose: () => void;
}) {
  const [value, setValue] = useState(initial);
  const { busy, error, setError, run } = useDialogAction(onClose);
  const id = useId();
  const submit = async () => {
    if (!value.trim()) {
      setError(`${label} cannot be empty`);
      return;
    }
    await run(() => onSubmit(value.trim()));
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={busy} type="submit" form={`${id}-form`}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field" htmlFor={id}>
          <span className="field-label">{label}</span>
          <input
            id={id}
            className="input"
            value={value}
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            maxLength={200}
          />
          {error ? (
            <span id={`${id}-err`} className="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </label>
      </form>
    </Dialog>
  );
}
