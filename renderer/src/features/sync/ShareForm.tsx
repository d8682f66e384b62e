import { useState } from 'react';
import { useApp, useClient } from '../../app/context.js';
import { errorField, errorMessage } from '../../app/errors.js';
import { Button } from '../../ui/Button.js';
import { Field } from '../../ui/Field.js';

/** Share the open (local) workspace: the sync server's address and an owner token for this workspace. */
export function ShareForm({ workspaceId, onJoinInstead }: { workspaceId: string; onJoinInstead: () => void }) {
  const client = useClient();
  const toast = useApp((s) => s.toast);
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const field = error ? errorField(error) : undefined;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.call('sync.share', { workspaceId, serverUrl, token });
      toast({ kind: 'success', message: 'The workspace is shared: colleagues you invite can now join it.' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="stack"
      aria-label="Share this workspace"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="muted">
        Put this workspace on your team's sync server. Dashboards, widgets and reports sync; dataset rows stay on this computer until you publish a snapshot, and connection credentials never leave it. Your server admin gives you an owner token
        (<code>udash sync-server token create --role owner</code>).
      </p>
      <Field label="Sync server address" error={field === 'serverUrl' ? errorMessage(error) : undefined}>
        {(a11y) => <input {...a11y} className="input" name="serverUrl" placeholder="https://sync.example.com" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} autoComplete="url" required />}
      </Field>
      <Field label="Owner token" error={field === 'token' ? errorMessage(error) : undefined} hint="Stored in your system keychain (or the encrypted vault), never in the workspace.">
        {(a11y) => <input {...a11y} className="input" name="token" type="password" placeholder="udsync_…" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} required />}
      </Field>
      {error && field !== 'serverUrl' && field !== 'token' ? (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      <div className="row gap space-between">
        <button type="button" className="btn btn-ghost" onClick={onJoinInstead}>
          Join a shared workspace instead…
        </button>
        <Button type="submit" variant="primary" busy={busy}>
          Share workspace
        </Button>
      </div>
    </form>
  );
}
