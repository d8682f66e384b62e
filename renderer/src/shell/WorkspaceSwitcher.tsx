import { lazy, Suspense, useState } from 'react';
import { useApp, useClient } from '../app/context.js';
import { Icon } from '../ui/Icon.js';
import { Menu } from '../ui/Menu.js';
import { PromptDialog } from '../ui/PromptDialog.js';

const JoinDialog = lazy(() => import('../features/sync/JoinDialog.js'));

export function WorkspaceSwitcher() {
  const client = useClient();
  const { workspaces, workspaceId, selectWorkspace, refreshWorkspaces, navigate } = useApp((s) => ({
    workspaces: s.workspaces,
    workspaceId: s.workspaceId,
    selectWorkspace: s.selectWorkspace,
    refreshWorkspaces: s.refreshWorkspaces,
    navigate: s.navigate,
  }));
  const [creating, setCreating] = useState(false);
  const [joining, setJoining] = useState(false);
  const current = workspaces.find((w) => w.id === workspaceId);

  const open = async (id: string) => {
    await selectWorkspace(id);
    navigate({ section: 'dashboards' });
  };

  return (
    <div className="ws-switcher">
      <Menu
        label="Switch workspace"
        align="start"
        className="ws-switcher-button"
        trigger={
          <>
            <span className="ws-avatar" aria-hidden>
              {(current?.name ?? '?').slice(0, 1).toUpperCase()}
            </span>
            <span className="ws-name">
              <span className="ws-caption">Workspace</span>
              <span className="ws-title">{current?.name ?? 'No workspace'}</span>
            </span>
            <Icon name="chevronDown" />
          </>
        }
        items={[
          ...workspaces.map((w) => ({ label: w.id === workspaceId ? `✓ ${w.name}` : w.name, icon: 'folder' as const, onSelect: () => void open(w.id) })),
          { label: 'New workspace…', icon: 'plus' as const, separatorBefore: true, onSelect: () => setCreating(true) },
          { label: 'Join a shared workspace…', icon: 'download' as const, onSelect: () => setJoining(true) },
        ]}
      />
      {joining ? (
        <Suspense fallback={null}>
          <JoinDialog onClose={() => setJoining(false)} />
        </Suspense>
      ) : null}
      {creating ? (
        <PromptDialog
          title="New workspace"
          label="Name"
          confirmLabel="Create workspace"
          onClose={() => setCreating(false)}
          onSubmit={async (name) => {
            const ws = await client.call('workspaces.create', { name });
            await refreshWorkspaces();
            await open(ws.id);
          }}
        />
      ) : null}
    </div>
  );
}
