export { errorAt } from '../model/field-errors.js';
import type { EditorState, ReportForm, ScheduleForm, TemplateForm } from '../model/draft.js';

/** What every step of the creation flow receives: the working copy, its setters and the save errors by field. */
export interface StepProps {
  workspaceId: string;
  state: EditorState;
  setReport: (change: (r: ReportForm) => ReportForm) => void;
  setSchedules: (s: ScheduleForm[]) => void;
  setTemplate: (t: TemplateForm | null) => void;
  /** Messages keyed by dotted field path ("delivery.to.1.address", "schedules.0.timezone"). */
  errors: Record<string, string>;
}
