import type { ReactNode } from 'react';
import { Button } from '../../../ui/Button.js';

/**
 * The card of settings above an analysis, ending in its Run button: pressing it (or Enter in a field)
 * runs the analysis. The button is disabled while the settings are incomplete (`missing` says what
 * is needed) or a run is going.
 */
export function SettingsForm({ label, runLabel, onRun, running, missing, children }: { label: string; runLabel: string; onRun: () => void; running: boolean; missing?: string | false; children: ReactNode }) {
  return (
    <form
      className="analytics-controls card"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      {children}
      <Button type="submit" variant="primary" icon="analytics" disabled={!!missing || running}>
        {runLabel}
      </Button>
      {missing ? <span className="muted small">{missing}</span> : null}
    </form>
  );
}
