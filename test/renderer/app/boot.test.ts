import { describe, expect, it } from 'vitest';
import { landingRoute, pickDashboard, pickWorkspace } from '../../../renderer/src/app/boot.js';
import type { Dashboard } from '../../../shared/model/dashboard.js';

const ws = (id: string, isSample = false) => ({ id, name: id, createdAt: '2025-01-01', isSample });
const dash = (id: string) => ({ id, name: id, description: '', createdAt: '', updatedAt: '', dateRange: { preset: 'all' }, filters: [], layout: {} }) as Dashboard;

describe('where the app lands', () => {
  it('opens the last workspace, else the sample, else the first', () => {
    expect(pickWorkspace([ws('a'), ws('s', true), ws('b')], 'b')?.id).toBe('b');
    expect(pickWorkspace([ws('a'), ws('s', true)], undefined)?.id).toBe('s');
    expect(pickWorkspace([ws('a'), ws('s', true)], 'gone')?.id).toBe('s');
    expect(pickWorkspace([ws('a')], undefined)?.id).toBe('a');
    expect(pickWorkspace([], undefined)).toBeUndefined();
  });
  it('opens the last dashboard, else the first', () => {
    expect(pickDashboard([dash('a'), dash('b')], 'b')?.id).toBe('b');
    expect(pickDashboard([dash('a'), dash('b')], 'gone')?.id).toBe('a');
  });
  it('turns a bare dashboards location into a concrete dashboard and leaves others alone', () => {
    expect(landingRoute({ section: 'dashboards' }, [dash('a')], undefined)).toEqual({ section: 'dashboards', dashboardId: 'a' });
    expect(landingRoute({ section: 'dashboards', dashboardId: 'x' }, [dash('a')], undefined)).toEqual({ section: 'dashboards', dashboardId: 'x' });
    expect(landingRoute({ section: 'data' }, [dash('a')], undefined)).toEqual({ section: 'data' });
    expect(landingRoute({ section: 'dashboards' }, [], undefined)).toEqual({ section: 'dashboards' });
  });
});
