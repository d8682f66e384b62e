/**
 * The two contract additions the Reports UI needs: a preview laid out by an unsaved custom template
 * (validated like a save: a syntax error names its field and line), and the tracking notice in the
 * report settings, so Settings shows the exact sentence tracked emails carry.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UdashError } from '../../../shared/errors.js';
import { TRACKING_NOTICE } from '../../../main/reports/render/email-html.js';
import { readPdf } from './pdf-helpers.js';
import { reportWorkspace } from './workspace-fixture.js';

const template = (body: string) => ({ name: 'Draft layout', cover: { enabled: false, title: '{{report.name}}', subtitle: '', showLogo: false }, sections: [{ id: 'note', kind: 'text' as const, title: 'A word first', body }, { id: 'kpis', kind: 'kpis' as const, title: 'Numbers' }] });

describe('preview with an unsaved custom template', () => {
  it('lays the files out with the draft template, saving nothing', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    const report = { name: 'Sales', content: { dashboardId }, formats: ['pdf' as const] };
    const pdfText = (p: { files: { downloadId: string }[] }) => readPdf(fs.readFileSync(svc.downloads.get(p.files[0]!.downloadId)!.path)).text;
    const drafted = pdfText(await svc.dispatcher.call('reports.preview', { workspaceId, report, formats: ['pdf'], template: template('Custom note for {{report.name}}.') }));
    expect(drafted).toContain('A word first');
    expect(drafted).toContain('Custom note for Sales.');
    // Without the draft, the report's own template (Executive Summary) lays it out.
    expect(pdfText(await svc.dispatcher.call('reports.preview', { workspaceId, report, formats: ['pdf'] }))).not.toContain('Custom note for');
    expect((await svc.dispatcher.call('reportTemplates.list', { workspaceId })).filter((t) => !t.builtin)).toEqual([]);
  });

  it('refuses a draft template with a syntax error, naming the field and the line', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    const e = await svc.dispatcher.call('reports.preview', { workspaceId, report: { name: 'Sales', content: { dashboardId } }, template: template('fine\n{{#if report.name}}unclosed') }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UdashError);
    expect((e as UdashError).details).toMatchObject({ field: 'sections.0.body', line: 2 });
  });
});

describe('report settings', () => {
  it('carry the notice a tracked email shows, whether tracking is on or off', async () => {
    const { svc, workspaceId } = await reportWorkspace();
    const off = await svc.dispatcher.call('reports.settings.get', { workspaceId });
    expect(off.workspace.trackingEnabled).toBe(false);
    expect(off.trackingNotice).toBe(TRACKING_NOTICE);
    const on = await svc.dispatcher.call('reports.settings.set', { workspaceId, workspace: { trackingEnabled: true } });
    expect(on.workspace.trackingEnabled).toBe(true);
    expect(on.trackingNotice).toBe(TRACKING_NOTICE);
  });
});
