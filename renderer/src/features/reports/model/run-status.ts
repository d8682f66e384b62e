/** How a run's status reads and looks, in the list, the history and the live updates alike. */
import type { RunStatus } from '../../../../../shared/model/report.js';

export type Tone = 'neutral' | 'busy' | 'success' | 'warning' | 'danger';

const STATUS: Record<RunStatus, { label: string; tone: Tone }> = {
  scheduled: { label: 'Scheduled', tone: 'neutral' },
  generating: { label: 'Generating', tone: 'busy' },
  sending: { label: 'Sending', tone: 'busy' },
  sent: { label: 'Sent', tone: 'success' },
  generated: { label: 'Generated', tone: 'success' },
  skipped: { label: 'Skipped', tone: 'warning' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function runStatus(s: RunStatus): { label: string; tone: Tone } {
  return STATUS[s];
}

