/**
 * Sharing for the open workspace. A local workspace: share it to a sync server (or join another one).
 * A shared one: its sync state (with Retry), your name and colour, members and invitations (owners),
 * and leaving (keeping a local copy or not).
 */
import './sync.css';
import { lazy, Suspense, useState } from 'react';
import type { SharedWorkspace } from '../../../../shared/model/sync.js';
import { useApp, useClient } from '../../app/context.js';
import { Button } from '../../ui/Button.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Dialog } from '../../ui/Dialog.js';
import { MembersPanel } from './MembersPanel.js';
import { ProfileForm } from './ProfileForm.js';
import { ShareForm } from './ShareForm.js';
import { syncStatusText } from './status-text.js';
import { useShared } from './useSync.js';

const JoinDialog = lazy(() => import('./JoinDialog.js'));

export default function SharingDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const shared = useShared(workspaceId);
  const [joining, setJoining] = useState(false);
  if (joining)
    return (
      <Suspense fallback={null}>
        <JoinDialog onClose={onClose} />
      </Suspense>
    );
  return (
    <Dialog title={shared ? 'Sharing' : 'Share this workspace'} onClose={onClose} size="lg" className="sync-dialog">
      {shared ? <SharedPanel shared={shared} /> : <ShareForm workspaceId={workspaceId} onJoinInstead={() => setJoining(true)} />}
    </Dialog>
  );
}

function SharedPanel({ shared }: { shared: SharedWorkspace }) {
  const client = useClient();
  const reportError = useApp((s) => s.reportError);
  const text = syncStatusText(shared);
  const canManage = shared.remoteRole === 'owner' || shared.remoteRole === 'admin';
  return (
    <div className="stack">
      <section className="sync-status-card" aria-label="Sync status" data-sync-status={text.kind}>
        <div className="row gap space-between">
          <span className={`sync-state sync-${text.kind}`}>
            <span className="sync-dot" aria-hidden />
            <strong>{text.label}</strong>
          </span>
          {text.canRetry ? (
            <Button size="sm" icon="refresh" onClick={() => void client.call('sync.retry', { workspaceId: shared.workspaceId }).catch((e: unknown) => reportError(e, 'Could not reconnect'))}>
              Retry now
            </Button>
          ) : null}
        </div>
        {text.detail ? <p className="sync-detail">{text.detail}</p> : null}
        <dl className="sync-facts">
          <dt>Server</dt>
          <dd>{shared.serverUrl}</dd>
          <dt>Your access</dt>
          <dd>
            {shared.remoteRole} ({shared.memberName})
          </dd>
          <dt>Last synced</dt>
          <dd>{shared.state.lastSyncedAt ? new Date(shared.state.lastSyncedAt).toLocaleString() : 'not yet'}</dd>
        </dl>
      </section>
      <section className="stack" aria-label="How colleagues see you">
        <h3 className="sync-section-title">You</h3>
        <ProfileForm />
      </section>
      {canManage ? <MembersPanel workspaceId={shared.workspaceId} /> : <p className="muted small">Only owners see the member list and invite colleagues.</p>}
      <LeaveSection workspaceId={shared.workspaceId} />
    </div>
  );
}

function LeaveSection({ workspaceId }: { workspaceId: string }) {
  const client = useClient();
  const { refreshWorkspaces, workspaces, selectWorkspace, clearWorkspace } = useApp((s) => ({ refreshWorkspaces: s.refreshWorkspaces, workspaces: s.workspaces, selectWorkspace: s.selectWorkspace, clearWorkspace: s.clearWorkspace }));
  const [keep, setKeep] = useState(true);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="stack" aria-label="Leave this shared workspace">
      <h3 className="sync-section-title">Leave</h3>
      <label className="check">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
        Keep a local copy on this computer
      </label>
      <div>
        <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
          Leave workspace
        </Button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Leave this shared workspace?"
          confirmLabel="Leave"
          danger
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await client.call('sync.leave', { workspaceId, keepLocalCopy: keep });
            await refreshWorkspaces();
            if (!keep) {
              const next = workspaces.find((w) => w.id !== workspaceId);
              if (next) await selectWorkspace(next.id);
              else clearWorkspace();
            }
          }}
        >
          {keep
            ? 'This computer stops syncing it and forgets the token; the workspace stays here as a local workspace. Colleagues keep theirs.'
            : 'This computer stops syncing it, forgets the token and deletes its copy. Colleagues and the server keep theirs.'}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
