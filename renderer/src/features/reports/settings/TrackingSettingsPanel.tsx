import './settings-panels.css';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../../shared/contract/index.js';
import { useApp, useClient } from '../../../app/context.js';
import { errorField, errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { Field } from '../../../ui/Field.js';
import { Spinner } from '../../../ui/States.js';
import { errorAt } from '../model/field-errors.js';

type View = MethodOutput<'reports.settings.get'>;

/**
 * Settings → Report tracking, per workspace: opens and clicks are recorded only when the workspace
 * turns it on, and every tracked email then carries the notice quoted here. The tracking server's
 * signing key is write-only, like the SMTP password.
 */
export function TrackingSettingsPanel({ workspaceId }: { workspaceId: string }) {
  const client = useClient();
  const toast = useApp((s) => s.toast);
  const [view, setView] = useState<View | null>(null);
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [domains, setDomains] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  const apply = (v: View) => {
    setView(v);
    setUrl(v.trackingServer?.url ?? '');
    setDomains(v.workspace.internalDomains.join(', '));
    setKey('');
  };

  useEffect(() => {
    client.call('reports.settings.get', { workspaceId }).then(apply, (e) => setLoadError(errorMessage(e)));
  }, [client, workspaceId]);

  const change = async (input: Omit<Parameters<typeof client.call<'reports.settings.set'>>[1], 'workspaceId'>, message: string): Promise<boolean> => {
    setErrors({});
    setSaving(true);
    try {
      apply(await client.call('reports.settings.set', { workspaceId, ...input }));
      toast({ kind: 'success', message });
      return true;
    } catch (e) {
      setErrors({ [errorField(e, ['input']) ?? 'form']: errorMessage(e) });
      return false;
    } finally {
      setSaving(false);
    }
  };

  /** Shown at once; put back if main refuses. */
  const toggleTracking = (on: boolean) => {
    const before = view;
    if (!before) return;
    setView({ ...before, workspace: { ...before.workspace, trackingEnabled: on } });
    void change({ workspace: { trackingEnabled: on } }, on ? 'Tracking turned on for this workspace' : 'Tracking turned off for this workspace').then((ok) => {
      if (!ok) setView(before);
    });
  };

  const saveServer = () => {
    const list = domains
      .split(/[\s,;]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    void change({ workspace: { internalDomains: list }, trackingServer: url.trim() ? { url: url.trim() } : null, ...(key ? { trackingKey: key } : {}) }, 'Report delivery settings saved');
  };

  return (
    <section className="card settings-card" aria-labelledby="set-tracking" data-testid="tracking-settings">
      <h2 id="set-tracking">Report tracking</h2>
      {loadError ? <p className="form-error">{loadError}</p> : null}
      {!view && !loadError ? <Spinner label="Loading report settings" /> : null}
      {view ? (
        <div className="settings-form">
          <label className="check">
            <input type="checkbox" checked={view.workspace.trackingEnabled} disabled={saving} onChange={(e) => toggleTracking(e.target.checked)} />
            Track when this workspace’s report emails are opened and which links are used
          </label>
          <p className="muted small">Off unless you turn it on. When it is on, every report email says so:</p>
          <blockquote className="notice-quote" data-testid="tracking-notice">
            {view.trackingNotice}
          </blockquote>
          {view.workspace.trackingEnabled && !view.trackingServer ? <p className="small warn-text">Tracking also needs a tracking server (the sync server’s public address) below; until then nothing is tracked.</p> : null}
          <div className="field-pair">
            <Field label="Tracking server address" error={errors['trackingServer.url'] ?? errors.trackingServer} hint="The sync server’s public URL; it serves the open pixel, click redirects and signed file links.">
              {(a) => <input {...a} className="input" value={url} placeholder="https://sync.example.com" onChange={(e) => setUrl(e.target.value)} />}
            </Field>
            <Field label="Signing key" error={errors.trackingKey} hint={view.hasTrackingKey ? 'A key is stored; type a new one to replace it.' : 'At least 16 characters, shared with the server.'}>
              {(a) => <input {...a} className="input" type="password" autoComplete="new-password" value={key} placeholder={view.hasTrackingKey ? '•••••••• (stored)' : ''} onChange={(e) => setKey(e.target.value)} />}
            </Field>
          </div>
          <Field label="Internal domains" error={errorAt(errors, 'workspace.internalDomains')} hint="Addresses outside these domains count as external recipients, e.g. example.com, example.org">
            {(a) => <input {...a} className="input" value={domains} onChange={(e) => setDomains(e.target.value)} />}
          </Field>
          {errors.form ? (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <div>
            <Button busy={saving} onClick={saveServer}>
              Save delivery settings
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

