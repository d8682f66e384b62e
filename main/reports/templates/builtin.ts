/**
 * The six built-in templates from assets/report-templates/*.json (the seed's Executive Summary,
 * Detailed Analytics, Department Performance, Weekly Status, Monthly Business Review and Quarterly
 * Board Report). They are read once per process and validated like any custom template.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ReportTemplate } from '../../../shared/model/report.js';
import { assetsDir } from '../../assets.js';

export const BUILTIN_TEMPLATE_IDS = [
  'builtin:executive-summary',
  'builtin:detailed-analytics',
  'builtin:department-performance',
  'builtin:weekly-status',
  'builtin:monthly-business-review',
  'builtin:quarterly-board-report',
] as const;

export const DEFAULT_TEMPLATE_ID = 'builtin:executive-summary';

export function loadBuiltinTemplates(dir = path.join(assetsDir(), 'report-templates')): ReportTemplate[] {
  return BUILTIN_TEMPLATE_IDS.map((id) => {
    const file = path.join(dir, `${id.slice('builtin:'.length)}.json`);
    const parsed = ReportTemplate.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`Built-in report template ${file} is invalid: ${parsed.error.message}`);
    return { ...parsed.data, builtin: true };
  });
}
