/**
 * Where a refused save belongs in the creation flow. main names the field of every problem (a zod
 * path for the shape, `details.field` and `details.line` for a template that does not parse), so the
 * editor can open the right step and put the message under the control that caused it.
 */
import { UdashError } from '../../../../../shared/errors.js';
import { errorField, errorMessage } from '../../../app/errors.js';
import type { StepKey } from './draft.js';

export interface SaveProblem {
  step: StepKey;
  /** Dotted path of the control, e.g. "delivery.to.1.address", "schedules.0.timezone", "template.sections.2.body". */
  field: string | null;
  message: string;
  /** The template line a syntax error is on. */
  line: number | null;
}

const FORMAT_FIELDS = ['templateId', 'template', 'formats', 'page', 'branding', 'headerText', 'footerText', 'sendRule', 'vars'];

export function stepOfField(field: string | null): StepKey {
  if (!field) return 'content';
  const head = field.split('.')[0]!;
  if (head === 'schedules') return 'schedule';
  if (head === 'delivery') return 'recipients';
  if (FORMAT_FIELDS.includes(head)) return 'format';
  return 'content';
}

/** Fields only a template has: an error there during a preview with an unsaved template is the template's. */
const TEMPLATE_ONLY = ['sections', 'cover', 'appendix', 'css', 'toc'];

/**
 * `source` says which call refused: the custom template's save or check (its fields are prefixed
 * "template."), the report's own create/update, or a preview (report and unsaved template together).
 */
export function saveProblem(e: unknown, source: 'report' | 'template' | 'preview' = 'report'): SaveProblem {
  let field: string | null;
  if (source === 'template') {
    const inner = errorField(e, ['template', 'input']);
    field = inner ? `template.${inner}` : 'template';
  } else if (source === 'preview') {
    // The preview's template arrives as `template` (kept as the prefix); its handler names template fields bare.
    field = errorField(e, ['report', 'input']) ?? null;
    if (field && TEMPLATE_ONLY.includes(field.split('.')[0]!)) field = `template.${field}`;
  } else field = errorField(e, ['report', 'patch', 'input']) ?? null;
  const line = e instanceof UdashError && typeof e.details.line === 'number' ? e.details.line : null;
  return { step: stepOfField(field), field, message: errorMessage(e), line };
}
