import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, sameRoute } from '../../../renderer/src/app/router.js';

describe('hash router', () => {
  it('round-trips every kind of location', () => {
    const routes = [
      { section: 'dashboards' },
      { section: 'dashboards', dashboardId: 'a b/c' },
      { section: 'data' },
      { section: 'data', datasetId: 'ds-1' },
      { section: 'data', view: 'import' },
      { section: 'analytics' },
      { section: 'reports' },
      { section: 'marketplace' },
      { section: 'settings' },
    ] as const;
    for (const r of routes) expect(parseHash(formatHash(r))).toEqual(r);
  });

  it('refuses unknown sections and empty hashes', () => {
    expect(parseHash('')).toBeNull();
    expect(parseHash('#/')).toBeNull();
    expect(parseHash('#/nope')).toBeNull();
  });

  it('ignores ids on sections without objects', () => {
    expect(parseHash('#/settings/x')).toEqual({ section: 'settings' });
  });

  it('compares routes by location', () => {
    expect(sameRoute({ section: 'dashboards', dashboardId: 'x' }, { section: 'dashboards', dashboardId: 'x' })).toBe(true);
    expect(sameRoute({ section: 'dashboards', dashboardId: 'x' }, { section: 'dashboards' })).toBe(false);
  });
});
