import { useEffect, useState } from 'react';
import { PRESENCE_COLORS, type SyncProfile } from '../../../../shared/model/sync.js';
import { useApp, useClient } from '../../app/context.js';
import { errorMessage } from '../../app/errors.js';
import { Button } from '../../ui/Button.js';
import { Field } from '../../ui/Field.js';
import { Avatar } from './Avatar.js';

/** The name and colour colleagues see on avatars and "editing" markers. */
export function ProfileForm() {
  const client = useClient();
  const toast = useApp((s) => s.toast);
  const [profile, setProfile] = useState<SyncProfile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void client.call('sync.profile.get', {}).then(setProfile, (e: unknown) => setError(errorMessage(e)));
  }, [client]);
  if (!profile) return error ? <p className="form-error">{error}</p> : null;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      setProfile(await client.call('sync.profile.set', profile));
      toast({ kind: 'success', message: 'Colleagues now see your new name and colour.' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="sync-profile"
      aria-label="How colleagues see you"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Avatar user={profile} size={32} label={`Your avatar: ${profile.name}`} />
      <Field label="Your name" error={error ?? undefined}>
        {(a11y) => <input {...a11y} className="input" name="profileName" value={profile.name} maxLength={60} onChange={(e) => setProfile({ ...profile, name: e.target.value })} />}
      </Field>
      <fieldset className="sync-colors">
        <legend className="field-label">Colour</legend>
        {PRESENCE_COLORS.map((c) => (
          <label key={c} className={`sync-color${profile.color === c ? ' active' : ''}`} style={{ background: c }}>
            <input type="radio" name="profileColor" value={c} checked={profile.color === c} onChange={() => setProfile({ ...profile, color: c })} aria-label={`Colour ${c}`} />
          </label>
        ))}
      </fieldset>
      <Button type="submit" size="sm" busy={busy}>
        Save
      </Button>
    </form>
  );
}
