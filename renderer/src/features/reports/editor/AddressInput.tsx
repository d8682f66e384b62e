import { useId, useState } from 'react';
import { Button } from '../../../ui/Button.js';
import { checkAddressList } from '../model/addresses.js';

/**
 * Types or pastes addresses; Enter, a comma or leaving the box adds them. Each is checked with the
 * schema main saves with, and a refused one stays in the box with the reason under it, so nothing
 * typed is silently dropped.
 */
export function AddressInput({ label, existing, onAdd, error, placeholder = 'name@example.com' }: { label: string; existing: readonly string[]; onAdd: (addresses: string[]) => void; error?: string | undefined; placeholder?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const shown = refused ?? error;

  const commit = () => {
    if (!text.trim()) {
      setRefused(null);
      return;
    }
    const r = checkAddressList(text, existing);
    if (r.added.length) onAdd(r.added);
    if (r.refused.length) {
      setText(r.refused.map((x) => x.input).join(', '));
      setRefused(r.refused.map((x) => x.message).join(' '));
    } else {
      setText('');
      setRefused(null);
    }
  };

  return (
    <div className="field address-input">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="row gap">
        <input
          id={id}
          className="input grow"
          type="text"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={placeholder}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-err` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (refused) setRefused(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',' || e.key === ';') {
              e.preventDefault();
              commit();
            }
          }}
          onBlur={commit}
        />
        <Button size="md" onClick={commit} disabled={!text.trim()} aria-label={`Add ${label} address`}>
          Add
        </Button>
      </div>
      {shown ? (
        <span id={`${id}-err`} className="field-error" role="alert" data-testid="address-error">
          {shown}
        </span>
      ) : null}
    </div>
  );
}
