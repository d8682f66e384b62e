/**
 * Join a shared workspace: paste the join link an owner sent (udash://join?…), or type the server
 * address and the token. Joining creates the workspace on this computer and opens it.
 */
import './sync.css';
import { useId, useState } from 'react';
import { parseJoinLink } from '../../../../shared/model/sync.js';
import { useApp, useClient } from '../../app/context.js';
import { errorField, errorMessage } from '../../app/errors.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { Field } from '../../ui/Field.js';

export default function JoinDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const { refreshWorkspaces, selectWorkspace, navigate, toast } = useApp((s) => ({ refreshWorkspaces: s.refreshWorkspaces, selectWorkspace: s.selectWorkspace, navigate: s.navigate, toast: s.toast }));
  const [link, setLink] = useState('');
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [workspaceId, setWorkspaceId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formId = useId();
  const parsed = parseJoinLink(link);
  const field = error ? errorField(error) : undefined;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = parsed ? { serverUrl: parsed.server, token: parsed.token, workspaceId: parsed.workspace } : { serverUrl, token, ...(workspaceId.trim() ? { workspaceId: workspaceId.trim() } : {}) };
      const { workspace } = await client.call('sync.join', input);
      await refreshWorkspaces();
      await selectWorkspace(workspace.id);
      navigate({ section: 'dashboards' });
      toast({ kind: 'success', message: `Joined “${workspace.name}”.` });
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Join a shared workspace"
      onClose={onClose}
      size="md"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} busy={busy}>
            Join workspace
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Join link" hint={parsed ? `Server ${parsed.server}` : 'Paste the udash://join link from your invitation, or fill in the fields below.'} error={link && !parsed ? 'This is not a join link (it starts with udash://join?).' : undefined}>
          {(a11y) => <textarea {...a11y} className="input sync-link-input" name="joinLink" rows={3} value={link} onChange={(e) => setLink(e.target.value)} spellCheck={false} placeholder="udash://join?server=…&workspace=…&token=…" />}
        </Field>
        {!parsed ? (
          <fieldset className="stack">
            <legend className="field-label">Or enter the details</legend>
            <Field label="Sync server address" error={field === 'serverUrl' ? errorMessage(error) : undefined}>
              {(a11y) => <input {...a11y} className="input" name="serverUrl" placeholder="https://sync.example.com" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />}
            </Field>
            <Field label="Token" error={field === 'token' ? errorMessage(error) : undefined}>
              {(a11y) => <input {...a11y} className="input" name="token" type="password" placeholder="udsync_…" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />}
            </Field>
            <Field label="Workspace id (admin tokens only)" error={field === 'workspaceId' ? errorMessage(error) : undefined}>
              {(a11y) => <input {...a11y} className="input" name="workspaceId" value={workspaceId} onChange={(e) => setWorkspaceId(e.target.value)} spellCheck={false} />}
            </Field>
          </fieldset>
        ) : null}
        {error && !['serverUrl', 'token', 'workspaceId'].includes(field ?? '') ? (
          <p className="form-error" role="alert">
            {errorMessage(error)}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
