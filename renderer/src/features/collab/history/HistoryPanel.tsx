/**
 * The History side panel: the workspace's versions, newest first (named ones can be shown alone),
 * "Save version" to name the current state, and per version: view this dashboard as it was, compare
 * it with now, name it, restore. Escape closes the panel.
 */
import { useEffect, useRef, useState } from 'react';
import type { VersionInfo } from '../../../../../shared/model/version.js';
import { useApp, useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { Menu } from '../../../ui/Menu.js';
import { PromptDialog } from '../../../ui/PromptDialog.js';
import { EmptyState, ErrorBanner, Spinner } from '../../../ui/States.js';
import { SidePanel } from '../SidePanel.js';
import { fullTime, timeAgo } from '../time.js';
import { versionKindLabel, versionTitle } from './labels.js';
import { useVersions } from './useVersions.js';
import { VersionViewer } from './VersionViewer.js';

export function HistoryPanel({ workspaceId, dashboardId, readOnly, onClose }: { workspaceId: string; dashboardId: string; readOnly: boolean; onClose: () => void }) {
  const client = useClient();
  const toast = useApp((s) => s.toast);
  const { versions, error } = useVersions(workspaceId);
  const [namedOnly, setNamedOnly] = useState(false);
  const [naming, setNaming] = useState<VersionInfo | 'new' | null>(null);
  const [viewing, setViewing] = useState<{ version: VersionInfo; tab: 'then' | 'diff' } | null>(null);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button.history-save')?.focus();
  }, []);

  const shown = (versions ?? []).filter((v) => !namedOnly || v.kind === 'named');

  return (
    <SidePanel ref={ref} title="History" className="history-panel" onClose={onClose} canClose={!viewing && !naming}>
      <div className="collab-panel-toolbar">
        <Button size="sm" variant="primary" icon="plus" className="history-save" onClick={() => setNaming('new')}>
          Save version
        </Button>
        <label className="collab-check">
          <input type="checkbox" checked={namedOnly} onChange={(e) => setNamedOnly(e.target.checked)} />
          Named only
        </label>
      </div>
      <p className="collab-hint muted">Versions are saved automatically while you and your colleagues edit, and when the app closes.</p>

      <div className="version-list" role="list" aria-label="Versions">
        {error && !versions ? <ErrorBanner title="History could not be loaded" message={errorMessage(error)} /> : null}
        {!versions && !error ? <Spinner label="Loading history" /> : null}
        {versions && shown.length === 0 ? (
          <EmptyState icon="info" title={namedOnly ? 'No named versions yet' : 'No versions yet'} compact>
            Save a version to come back to this state later.
          </EmptyState>
        ) : null}
        {shown.map((v) => (
          <div role="listitem" key={v.id} className={`version-item version-${v.kind}`} data-version-id={v.id}>
            <button type="button" className="version-open" onClick={() => setViewing({ version: v, tab: 'then' })} aria-label={`View the dashboard as it was: ${versionTitle(v)}, ${fullTime(v.createdAt)}`}>
              <span className="version-name">{versionTitle(v)}</span>
              <span className="version-meta">
                <time dateTime={v.createdAt} title={fullTime(v.createdAt)}>
                  {timeAgo(v.createdAt)}
                </time>
                {v.kind === 'named' ? ` · ${versionKindLabel(v)}` : ''}
              </span>
            </button>
            <Menu
              label={`Actions for version ${versionTitle(v)}`}
              items={[
                { label: 'View as it was', icon: 'eye', onSelect: () => setViewing({ version: v, tab: 'then' }) },
                { label: 'Compare with now', icon: 'copy', onSelect: () => setViewing({ version: v, tab: 'diff' }) },
                { label: v.kind === 'named' ? 'Rename' : 'Name this version', icon: 'edit', onSelect: () => setNaming(v) },
              ]}
            />
          </div>
        ))}
      </div>

      {naming ? (
        <PromptDialog
          title={naming === 'new' ? 'Save a version' : 'Name this version'}
          label="Version name"
          initial={naming === 'new' ? '' : (naming.name ?? '')}
          confirmLabel="Save"
          onClose={() => setNaming(null)}
          onSubmit={async (name) => {
            if (naming === 'new') await client.call('versions.create', { workspaceId, name });
            else await client.call('versions.rename', { workspaceId, versionId: naming.id, name });
            toast({ kind: 'success', message: `Saved version “${name}”` });
          }}
        />
      ) : null}
      {viewing ? <VersionViewer workspaceId={workspaceId} dashboardId={dashboardId} version={viewing.version} initialTab={viewing.tab} readOnly={readOnly} onClose={() => setViewing(null)} /> : null}
    </SidePanel>
  );
}
