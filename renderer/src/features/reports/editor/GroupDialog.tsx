import { useState } from 'react';
import type { RecipientGroup } from '../../../../../shared/model/report.js';
import { useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { Dialog } from '../../../ui/Dialog.js';
import { Field } from '../../../ui/Field.js';
import { checkAddressList } from '../model/addresses.js';

/** Creates a recipient group (kept in the workspace, shared with the team): a name and its members' addresses. */
export function GroupDialog({ workspaceId, onClose, onSaved }: { workspaceId: string; onClose: () => void; onSaved: (g: RecipientGroup) => void }) {
  const client = useClient();
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [errors, setErrors] = useState<{ name?: string; members?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const list = checkAddressList(members);
    const next: typeof errors = {};
    if (!name.trim()) next.name = 'Give the group a name';
    if (list.refused.length) next.members = list.refused.map((r) => r.message).join(' ');
    else if (list.added.length === 0) next.members = 'Add at least one address';
    setErrors(next);
    if (next.name || next.members) return;
    setBusy(true);
    try {
      const g = await client.call('recipientGroups.save', { workspaceId, group: { name: name.trim(), members: list.added.map((address) => ({ address, external: false })) } });
      onSaved(g);
      onClose();
    } catch (e) {
      setErrors({ form: errorMessage(e) });
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New recipient group"
      onClose={onClose}
      size="sm"
      footer={
        <>
          {errors.form ? <span className="form-error footer-error">{errors.form}</span> : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={busy} onClick={() => void save()}>
            Create group
          </Button>
        </>
      }
    >
      <div className="stack">
        <Field label="Group name" error={errors.name}>
          {(a) => <input {...a} className="input" value={name} maxLength={120} autoFocus onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Members (one address per line, or separated by commas)" error={errors.members}>
          {(a) => <textarea {...a} className="input textarea" rows={5} value={members} onChange={(e) => setMembers(e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  );
}
