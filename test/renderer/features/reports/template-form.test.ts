import { describe, expect, it } from 'vitest';
import { ReportTemplate } from '../../../../shared/model/report.js';
import { moveSection, newSection, templateFormOf } from '../../../../renderer/src/features/reports/model/template-form.js';

const builtin = ReportTemplate.parse({ id: 'builtin:weekly-status', name: 'Weekly Status', builtin: true, createdAt: 'c', sections: [{ id: 'section-1', kind: 'kpis' }] });

describe('custom template editing', () => {
  it('copies a built-in under a new name without its id, and keeps a custom one’s id', () => {
    const copy = templateFormOf(builtin);
    expect(copy.name).toBe('Weekly Status (custom)');
    expect('id' in copy).toBe(false);
    expect('builtin' in copy || 'createdAt' in copy).toBe(false);
    const custom = templateFormOf({ ...builtin, id: 'custom-1', builtin: false, name: 'Mine' });
    expect(custom).toMatchObject({ id: 'custom-1', name: 'Mine' });
  });

  it('adds sections with unused ids and moves them within bounds', () => {
    const s2 = newSection('text', builtin.sections);
    expect(s2.id).toBe('section-2');
    expect(newSection('text', [{ ...s2, id: 'section-2' }, { ...s2, id: 'section-3' }]).id).toBe('section-4');
    expect(ReportTemplate.shape.sections.element.safeParse(s2).success).toBe(true);
    expect(moveSection(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveSection(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveSection(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'b', 'a']);
  });
});
