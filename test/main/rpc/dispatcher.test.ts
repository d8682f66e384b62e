import { describe, expect, it } from 'vitest';
import { createDispatcher, mergeHandlers } from '../../../main/rpc/dispatcher.js';
import { UdashError } from '../../../shared/errors.js';
import { testServices } from '../../helpers/home.js';

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };

describe('dispatcher', () => {
  it('answers bad input with BAD_INPUT naming the field path, never a stack', async () => {
    const svc = await testServices();
    const r = await svc.dispatcher.dispatch('dashboards.create', { workspaceId: 'w', name: 42 }, { transport: 'test' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_INPUT');
    expect(r.error.path).toEqual(['name']);
    expect(r.error.message).toContain('name');
    expect(JSON.stringify(r.error)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses unknown methods', async () => {
    const svc = await testServices();
    const r = await svc.dispatcher.dispatch('fs.readFile', { path: '/etc/passwd' }, { transport: 'test' });
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'There is no method named "fs.readFile"' } });
  });

  it('hides the message of unexpected errors and keeps typed ones', async () => {
    const errors: unknown[] = [];
    const d = createDispatcher(
      {
        'app.ping': () => {
          throw new Error('secret internals at /home/x');
        },
        'workspaces.list': () => {
          throw new UdashError('NOT_FOUND', 'gone');
        },
      },
      { ...silent, error: (_m, e) => errors.push(e) },
    );
    const a = await d.dispatch('app.ping', {}, { transport: 'test' });
    expect(a).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.not.stringContaining('secret') } });
    expect(errors).toHaveLength(1);
    const b = await d.dispatch('workspaces.list', {}, { transport: 'test' });
    expect(b).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
  });

  it('rejects handler output that breaks the contract', async () => {
    const d = createDispatcher({ 'app.ping': () => ({ ok: 'yes' }) as never }, silent);
    const r = await d.dispatch('app.ping', {}, { transport: 'test' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
  });

  it('refuses a method registered twice', () => {
    expect(() => mergeHandlers({ 'app.ping': () => ({ ok: true }) }, { 'app.ping': () => ({ ok: true }) })).toThrow(/twice/);
  });
});
