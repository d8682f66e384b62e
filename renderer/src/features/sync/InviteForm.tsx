import { useRef, useState } from 'react';
import { INVITE_ROLES, type InviteRole, type Member } from '../../../../shared/model/sync.js';
import { useClient } from '../../app/context.js';
import { errorMessage } from '../../app/errors.js';
import { Button } from '../../ui/Button.js';
import { Field } from '../../ui/Field.js';

const EXPIRES = [
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: '365d', label: '1 year' },
];

/**
 * Invite a colleague: the server makes a token with the chosen role; its join link is shown here
 * once (it is a secret and is never stored) for the owner to pass on.
 */
export function InviteForm({ workspaceId, onInvited }: { workspaceId: string; onInvited: (m: Member) => void }) {
  const client = useClient();
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<InviteRole>('editor');
  const [expires, setExpires] = useState('30d');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const linkRef = useRef<HTMLTextAreaElement>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await client.call('sync.invite', { workspaceId, role, label: label.trim() || `${role} invitation`, expires });
      setLink(r.joinLink);
      setCopied(false);
      onInvited(r.member);
      setLabel('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    linkRef.current?.select();
    try {
      await navigator.clipboard.writeText(link ?? '');
      setCopied(true);
    } catch {
      // No clipboard access (plain http page): the link is selected for Ctrl+C.
    }
  };

  return (
    <div className="stack">
      <form
        className="sync-invite"
        aria-label="Invite a colleague"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Who (a label for the member list)">
          {(a11y) => <input {...a11y} className="input" name="inviteLabel" value={label} maxLength={200} placeholder="e.g. Bob, finance team" onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <Field label="Role">
          {(a11y) => (
            <select {...a11y} className="select" name="inviteRole" value={role} onChange={(e) => setRole(e.target.value as InviteRole)}>
              {INVITE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r === 'viewer' ? 'Viewer (read only)' : r === 'editor' ? 'Editor' : 'Owner (can invite)'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Expires after">
          {(a11y) => (
            <select {...a11y} className="select" name="inviteExpires" value={expires} onChange={(e) => setExpires(e.target.value)}>
              {EXPIRES.map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary" busy={busy}>
          Create invitation
        </Button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {link ? (
        <div className="sync-invite-result" role="status">
          <label className="field-label" htmlFor={`${workspaceId}-join-link`}>
            Join link — send it to your colleague now: it is shown only once.
          </label>
          <textarea id={`${workspaceId}-join-link`} ref={linkRef} className="input sync-link-input" readOnly rows={3} value={link} data-testid="join-link" onFocus={(e) => e.currentTarget.select()} />
          <div className="row gap">
            <Button size="sm" icon="copy" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setLink(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
