/**
 * Save errors from the real backend (the contract's validation and main's template checks, through
 * the dispatcher) mapped to the step and field of the creation flow.
 */
import { describe, expect, it } from 'vitest';
import { saveProblem, stepOfField } from '../../../../renderer/src/features/reports/model/save-error.js';
import { reportWorkspace } from '../../../main/reports/workspace-fixture.js';

const refusal = (p: Promise<unknown>) => p.then(
  () => {
    throw new Error('expected a refusal');
  },
  (e: unknown) => e,
);

describe('where a refused save belongs', () => {
  it('maps fields to steps', () => {
    expect(stepOfField('name')).toBe('content');
    expect(stepOfField('content.widgetIds.0')).toBe('content');
    expect(stepOfField('schedules.1.timezone')).toBe('schedule');
    expect(stepOfField('delivery.cc.0')).toBe('recipients');
    expect(stepOfField('template.sections.2.body')).toBe('format');
    expect(stepOfField('sendRule.conditions.0.metric')).toBe('format');
    expect(stepOfField(null)).toBe('content');
  });

  it('puts real backend refusals under the field at fault, with the template line', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    const base = { name: 'R', content: { dashboardId } };
    const address = saveProblem(await refusal(svc.dispatcher.call('reports.create', { workspaceId, report: { ...base, delivery: { to: [{ kind: 'address', address: 'ann@acme.test' }, { kind: 'address', address: 'nope' }] } } })));
    expect(address).toMatchObject({ step: 'recipients', field: 'delivery.to.1.address', line: null });
    const body = saveProblem(await refusal(svc.dispatcher.call('reports.create', { workspaceId, report: { ...base, delivery: { body: 'Hello\n{{report.name}' } } })));
    expect(body).toMatchObject({ step: 'recipients', field: 'delivery.body', line: 2 });
    expect(body.message).toMatch(/syntax error on line 2/);
    const zone = saveProblem(await refusal(svc.dispatcher.call('reports.create', { workspaceId, report: base, schedules: [{ recurrence: { kind: 'daily', time: '09:00' }, timezone: 'Mars/Olympus' }] })));
    expect(zone).toMatchObject({ step: 'schedule', field: 'schedules.0.timezone' });
    const patch = saveProblem(await refusal(svc.dispatcher.call('reports.update', { workspaceId, reportId: (await svc.dispatcher.call('reports.create', { workspaceId, report: base })).id, patch: { headerText: '{{#if x}}' } })));
    expect(patch).toMatchObject({ step: 'format', field: 'headerText', line: 1 });

    const section = { name: 'T', sections: [{ id: 'a', kind: 'text' as const, body: 'ok\nok\n{{report.name}' }] };
    const saved = saveProblem(await refusal(svc.dispatcher.call('reportTemplates.save', { workspaceId, template: section })), 'template');
    expect(saved).toMatchObject({ step: 'format', field: 'template.sections.0.body', line: 3 });
    const shape = saveProblem(await refusal(svc.dispatcher.call('reportTemplates.save', { workspaceId, template: { ...section, name: '' } })), 'template');
    expect(shape).toMatchObject({ step: 'format', field: 'template.name' });
    const previewed = saveProblem(await refusal(svc.dispatcher.call('reports.preview', { workspaceId, report: base, template: section })), 'preview');
    expect(previewed).toMatchObject({ step: 'format', field: 'template.sections.0.body', line: 3 });
    const previewedReport = saveProblem(await refusal(svc.dispatcher.call('reports.preview', { workspaceId, report: { ...base, delivery: { cc: ['x@y'] } } })), 'preview');
    expect(previewedReport).toMatchObject({ step: 'recipients', field: 'delivery.cc.0' });
  });
});
