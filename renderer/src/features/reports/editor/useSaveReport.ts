import { useState } from 'react';
import type { ReportDetail } from '../../../../../shared/contract/reports.js';
import { useClient } from '../../../app/context.js';
import { cleanReport, cleanSchedule, type EditorState, type TemplateForm } from '../model/draft.js';
import { saveProblem, type SaveProblem } from '../model/save-error.js';

/**
 * Saves the working copy: a custom template first (so a syntax error in it is reported with its
 * field and line before anything else is stored), then the report with its schedules, then, when
 * asked (a new snapshot report, or one whose content changed), the snapshot of today's data. A
 * template saved before the report was refused keeps
 * its id, so saving again updates it instead of making a copy.
 */
export function useSaveReport(workspaceId: string, onTemplateSaved: (t: TemplateForm) => void) {
  const client = useClient();
  const [saving, setSaving] = useState(false);

  const save = async (state: EditorState, opts: { snapshot: boolean }): Promise<{ ok: true; detail: ReportDetail; snapshotError?: string } | { ok: false; problem: SaveProblem }> => {
    setSaving(true);
    try {
      let templateId = state.report.templateId;
      if (state.template) {
        try {
          const t = await client.call('reportTemplates.save', { workspaceId, template: state.template });
          templateId = t.id;
          onTemplateSaved({ ...state.template, id: t.id });
        } catch (e) {
          return { ok: false, problem: saveProblem(e, 'template') };
        }
      }
      const report = { ...cleanReport(state.report), templateId };
      const schedules = state.schedules.map(cleanSchedule);
      let detail: ReportDetail;
      try {
        detail = state.reportId ? await client.call('reports.update', { workspaceId, reportId: state.reportId, patch: report, schedules }) : await client.call('reports.create', { workspaceId, report, schedules });
      } catch (e) {
        return { ok: false, problem: saveProblem(e, 'report') };
      }
      if (report.data.mode === 'snapshot' && opts.snapshot) {
        try {
          await client.call('reports.snapshot', { workspaceId, reportId: detail.id });
        } catch (e) {
          return { ok: true, detail, snapshotError: saveProblem(e).message };
        }
      }
      return { ok: true, detail };
    } finally {
      setSaving(false);
    }
  };
  return { save, saving };
}
