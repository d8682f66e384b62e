import { useState } from 'react';
import { useApp, useAppStore, useClient } from '../../app/context.js';
import type { AppInfo } from '../../app/store.js';
import { Button } from '../../ui/Button.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { PromptDialog } from '../../ui/PromptDialog.js';
import { EmailSettingsPanel } from '../reports/settings/EmailSettingsPanel.js';
import { TrackingSettingsPanel } from '../reports/settings/TrackingSettingsPanel.js';

const THEMES = [
  { value: 'system', label: 'System', hint: 'Follow the operating system' },
  { value: 'light', label: 'Light', hint: '' },
  { value: 'dark', label: 'Dark', hint: '' },
] as const;

export default function SettingsSection() {
  const client = useClient();
  const { settings, setTheme, info, workspaces, workspaceId, refreshWorkspaces, selectWorkspace, clearWorkspace, toast, reportError } = useApp((s) => ({
    settings: s.settings,
    setTheme: s.setTheme,
    info: s.info,
    workspaces: s.workspaces,
    workspaceId: s.workspaceId,
    refreshWorkspaces: s.refreshWorkspaces,
    selectWorkspace: s.selectWorkspace,
    clearWorkspace: s.clearWorkspace,
    toast: s.toast,
    reportError: s.reportError,
  }));
  const store = useAppStore();
  const refreshInfo = (info: AppInfo) => store.setState({ info });
  const [backingUp, setBackingUp] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const ws = workspaces.find((w) => w.id === workspaceId);

  const backup = async () => {
    setBackingUp(true);
    try {
      const r = await client.call('store.backup', {});
      toast({ kind: 'success', message: `Backup written to ${r.file}` });
      refreshInfo(await client.call('app.info', {}));
    } catch (e) {
      reportError(e, 'Backup failed');
    } finally {
      setBackingUp(false);
    }
  };

  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>Settings</h1>
      </header>

      <section className="card settings-card" aria-labelledby="set-appearance">
        <h2 id="set-appearance">Appearance</h2>
        <fieldset className="segmented" aria-label="Theme">
          <legend className="field-label">Theme</legend>
          {THEMES.map((t) => (
            <label key={t.value} className={`segment${settings.theme === t.value ? ' active' : ''}`}>
              <input type="radio" name="theme" value={t.value} checked={settings.theme === t.value} onChange={() => void setTheme(t.value)} />
              {t.label}
            </label>
          ))}
        </fieldset>
      </section>

      {ws ? (
        <section className="card settings-card" aria-labelledby="set-ws">
          <h2 id="set-ws">Workspace</h2>
          <p>
            <strong>{ws.name}</strong>
            {ws.isSample ? <span className="badge">Sample</span> : null}
            <span className="muted"> · created {new Date(ws.createdAt).toLocaleDateString()}</span>
          </p>
          <div className="row gap">
            <Button icon="edit" onClick={() => setRenaming(true)}>
              Rename workspace
            </Button>
            <Button icon="trash" variant="danger" onClick={() => setDeleting(true)}>
              Delete workspace
            </Button>
          </div>
        </section>
      ) : null}

      <EmailSettingsPanel />
      {ws ? <TrackingSettingsPanel workspaceId={ws.id} /> : null}

      <section className="card settings-card" aria-labelledby="set-data">
        <h2 id="set-data">Data and backups</h2>
        <dl className="facts">
          <dt>Data folder</dt>
          <dd>
            <code>{info?.home}</code>
          </dd>
          <dt>Store</dt>
          <dd>
            <code>{info?.store.path}</code> (schema v{info?.store.schemaVersion})
          </dd>
          <dt>Backups</dt>
          <dd>{info?.store.backups.length ?? 0} in the backups folder</dd>
        </dl>
        <Button icon="download" busy={backingUp} onClick={() => void backup()}>
          Back up now
        </Button>
      </section>

      <section className="card settings-card" aria-labelledby="set-about">
        <h2 id="set-about">About</h2>
        <p className="muted">
          Universal Dashboard {info?.version} · {client.transport === 'ipc' ? 'desktop app' : 'browser, served by udash serve'}
        </p>
      </section>

      {renaming && ws ? (
        <PromptDialog
          title="Rename workspace"
          label="Name"
          initial={ws.name}
          confirmLabel="Rename"
          onClose={() => setRenaming(false)}
          onSubmit={async (name) => {
            await client.call('workspaces.rename', { workspaceId: ws.id, name });
            await refreshWorkspaces();
          }}
        />
      ) : null}
      {deleting && ws ? (
        <ConfirmDialog
          title={`Delete “${ws.name}”?`}
          confirmLabel="Delete workspace"
          danger
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await client.call('workspaces.delete', { workspaceId: ws.id });
            await refreshWorkspaces();
            const next = workspaces.find((w) => w.id !== ws.id);
            if (next) await selectWorkspace(next.id);
            else clearWorkspace();
          }}
        >
          <p>Its dashboards and datasets (all imported rows) are deleted. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
