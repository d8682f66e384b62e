/**
 * Reports, schedules, custom templates and recipient groups in the workspace Y.Doc (shared with the
 * team once the workspace syncs). Each is a keyed Y.Map of fields validated by shared/model/report on
 * every read; every edit is one local transaction (one undo step).
 */
import { UdashError } from '../../../shared/errors.js';
import { RecipientGroup, Report, ReportTemplate, Schedule } from '../../../shared/model/report.js';
import { readAll, readOne, removeItem, writeFields } from '../../../shared/model/workspace-doc.js';
import type { WorkspaceDocs } from '../../docs/workspace-docs.js';

export const REPORTS = 'reports';
export const SCHEDULES = 'reportSchedules';
export const TEMPLATES = 'reportTemplates';
export const GROUPS = 'recipientGroups';

const byCreated = <T extends { createdAt?: string; id: string }>(a: T, b: T) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id);

export class ReportDocs {
  constructor(private readonly docs: WorkspaceDocs) {}

  reports(ws: string): Report[] {
    return readAll(this.docs.get(ws), REPORTS, Report).items.sort(byCreated);
  }

  report(ws: string, id: string): Report {
    const r = readOne(this.docs.get(ws), REPORTS, id, Report);
    if (!r) throw new UdashError('NOT_FOUND', `No report with id "${id}" in this workspace`, { field: 'reportId' });
    return r;
  }

  schedules(ws: string, reportId?: string): Schedule[] {
    const all = readAll(this.docs.get(ws), SCHEDULES, Schedule).items.sort(byCreated);
    return reportId ? all.filter((s) => s.reportId === reportId) : all;
  }

  /** Writes a report and replaces its schedules in one transaction (one undo step). */
  save(ws: string, report: Report, schedules?: Schedule[]): void {
    this.docs.transact(ws, (doc) => {
      writeFields(doc, REPORTS, report.id, report);
      if (!schedules) return;
      const keep = new Set(schedules.map((s) => s.id));
      for (const old of this.schedules(ws, report.id)) if (!keep.has(old.id)) removeItem(doc, SCHEDULES, old.id);
      for (const s of schedules) writeFields(doc, SCHEDULES, s.id, s);
    });
  }

  setPaused(ws: string, id: string, paused: boolean, at: string): void {
    this.report(ws, id);
    this.docs.transact(ws, (doc) => writeFields(doc, REPORTS, id, { paused, updatedAt: at }));
  }

  delete(ws: string, id: string): void {
    this.report(ws, id);
    const schedules = this.schedules(ws, id);
    this.docs.transact(ws, (doc) => {
      for (const s of schedules) removeItem(doc, SCHEDULES, s.id);
      removeItem(doc, REPORTS, id);
    });
  }

  templates(ws: string): ReportTemplate[] {
    return readAll(this.docs.get(ws), TEMPLATES, ReportTemplate).items.sort((a, b) => a.name.localeCompare(b.name));
  }

  template(ws: string, id: string): ReportTemplate | undefined {
    return readOne(this.docs.get(ws), TEMPLATES, id, ReportTemplate);
  }

  saveTemplate(ws: string, t: ReportTemplate): void {
    this.docs.transact(ws, (doc) => writeFields(doc, TEMPLATES, t.id, t));
  }

  deleteTemplate(ws: string, id: string): boolean {
    return this.docs.transact(ws, (doc) => removeItem(doc, TEMPLATES, id));
  }

  groups(ws: string): RecipientGroup[] {
    return readAll(this.docs.get(ws), GROUPS, RecipientGroup).items.sort((a, b) => a.name.localeCompare(b.name));
  }

  group(ws: string, id: string): RecipientGroup | undefined {
    return readOne(this.docs.get(ws), GROUPS, id, RecipientGroup);
  }

  saveGroup(ws: string, g: RecipientGroup): void {
    this.docs.transact(ws, (doc) => writeFields(doc, GROUPS, g.id, g));
  }

  deleteGroup(ws: string, id: string): boolean {
    return this.docs.transact(ws, (doc) => removeItem(doc, GROUPS, id));
  }
}
