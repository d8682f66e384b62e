import { useState } from 'react';
import { errorMessage } from '../app/errors.js';

/**
 * The busy flag and error line of a dialog's main button: runs the action, closes the dialog when it
 * succeeds, and keeps it open with main's message when it fails.
 */
export function useDialogAction(onClose: () => void): { busy: boolean; error: string | null; setError: (e: string | null) => void; run: (action: () => Promise<void> | void) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void> | void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
