import { useCallback, useEffect, useState } from 'react';
import type { Member } from '../../../../shared/model/sync.js';
import { useClient } from '../../app/context.js';
import { errorMessage } from '../../app/errors.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Spinner } from '../../ui/States.js';
import { InviteForm } from './InviteForm.js';

const date = (iso: string) => new Date(iso).toLocaleDateString();

/** Owners see who has access (tokens with roles and status), invite colleagues and revoke access. */
export function MembersPanel({ workspaceId }: { workspaceId: string }) {
  const client = useClient();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Member | null>(null);

  const load = useCallback(() => {
    client.call('sync.members', { workspaceId }).then(
      (m) => {
        setMembers(m);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [client, workspaceId]);
  useEffect(load, [load]);

  return (
    <section className="stack" aria-labelledby={`${workspaceId}-members`}>
      <h3 id={`${workspaceId}-members`} className="sync-section-title">
        Members
      </h3>
      {error ? <p className="form-error">{error}</p> : null}
      {!members && !error ? <Spinner label="Loading members" /> : null}
      {members ? (
        <table className="table sync-members" aria-label="Members of this workspace">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.tokenId} data-member={m.tokenId} data-status={m.status}>
                <th scope="row">
                  {m.label}
                  {m.isYou ? <span className="badge">you</span> : null}
                </th>
                <td>{m.role}</td>
                <td>{m.status}</td>
                <td>{date(m.expiresAt)}</td>
                <td>
                  {!m.isYou && m.status === 'active' ? (
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => setRevoking(m)} aria-label={`Revoke access of ${m.label}`}>
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <InviteForm workspaceId={workspaceId} onInvited={() => load()} />
      {revoking ? (
        <ConfirmDialog
          title="Revoke access"
          confirmLabel="Revoke"
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await client.call('sync.revoke', { workspaceId, tokenId: revoking.tokenId });
            load();
          }}
        >
          {revoking.label} ({revoking.role}) loses access at once: their open connection is closed and their token no longer works. Their computer keeps the copy it already has.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
