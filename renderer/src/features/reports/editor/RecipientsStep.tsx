import { useEffect, useState } from 'react';
import type { Recipient, RecipientGroup } from '../../../../../shared/model/report.js';
import { useClient } from '../../../app/context.js';
import { Field } from '../../../ui/Field.js';
import { Icon } from '../../../ui/Icon.js';
import { checkAddress } from '../model/addresses.js';
import type { ReportForm } from '../model/draft.js';
import { AddressInput } from './AddressInput.js';
import { GroupDialog } from './GroupDialog.js';
import { errorAt, type StepProps } from './step-props.js';

const ROLES = [
  { role: 'owner', label: 'Owners' },
  { role: 'editor', label: 'Editors' },
  { role: 'viewer', label: 'Viewers' },
] as const;

type Delivery = ReportForm['delivery'];

function ToChip({ r, groups, invalid, onChange, onRemove }: { r: Recipient; groups: RecipientGroup[]; invalid: string | undefined; onChange: (r: Recipient) => void; onRemove: () => void }) {
  let label: string;
  if (r.kind === 'address') label = r.address;
  else if (r.kind === 'group') {
    const g = groups.find((x) => x.id === r.groupId);
    label = g ? `${g.name} (${g.members.length})` : 'Deleted group';
  } else label = `Every ${r.role}`;
  return (
    <li className={`chip recipient-chip${invalid ? ' chip-invalid' : ''}`} data-kind={r.kind} title={invalid}>
      <span className="chip-label">
        {r.kind === 'address' ? null : <Icon name={r.kind === 'group' ? 'folder' : 'puzzle'} size={12} />}
        {label}
      </span>
      {r.kind === 'address' ? (
        <label className="chip-flag" title="An external recipient gets only what this report allows externals">
          <input type="checkbox" checked={r.external} onChange={(e) => onChange({ ...r, external: e.target.checked })} aria-label={`${r.address} is external`} />
          external
        </label>
      ) : null}
      <button type="button" className="chip-remove" aria-label={`Remove ${label}`} onClick={onRemove}>
        <Icon name="close" size={12} />
      </button>
    </li>
  );
}

function AddressChips({ list, onRemove, field, errors }: { list: string[]; onRemove: (i: number) => void; field: string; errors: Record<string, string> }) {
  if (list.length === 0) return null;
  return (
    <ul className="chip-list" aria-label={field}>
      {list.map((a, i) => (
        <li key={a} className={`chip${errors[`${field}.${i}`] ? ' chip-invalid' : ''}`}>
          <span className="chip-label">{a}</span>
          <button type="button" className="chip-remove" aria-label={`Remove ${a}`} onClick={() => onRemove(i)}>
            <Icon name="close" size={12} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Step 3: who gets it: addresses, groups, roles and external recipients; Cc, Bcc, Reply-To; subject and text templates. */
export function RecipientsStep({ workspaceId, state, setReport, errors }: StepProps) {
  const client = useClient();
  const d = state.report.delivery;
  const [groups, setGroups] = useState<RecipientGroup[]>([]);
  const [creatingGroup, setCreatingGroup] = useState(false);
  const [replyToError, setReplyToError] = useState<string | null>(null);
  const setDelivery = (change: (d: Delivery) => Delivery) => setReport((r) => ({ ...r, delivery: change(r.delivery) }));

  useEffect(() => {
    let live = true;
    client.call('recipientGroups.list', { workspaceId }).then(
      (g) => live && setGroups(g),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, workspaceId]);

  const toAddresses = d.to.flatMap((r) => (r.kind === 'address' ? [r.address] : []));
  const hasGroup = (id: string) => d.to.some((r) => r.kind === 'group' && r.groupId === id);
  const hasRole = (role: string) => d.to.some((r) => r.kind === 'role' && r.role === role);
  const toggleRole = (role: (typeof ROLES)[number]['role']) => setDelivery((x) => ({ ...x, to: hasRole(role) ? x.to.filter((r) => !(r.kind === 'role' && r.role === role)) : [...x.to, { kind: 'role', role }] }));

  return (
    <div className="step-body">
      <section className="stack" aria-labelledby="rcpt-to">
        <h3 id="rcpt-to" className="step-section-title">
          Recipients
        </h3>
        <AddressInput label="To" existing={toAddresses} error={errorAt(errors, 'delivery.to')} onAdd={(list) => setDelivery((x) => ({ ...x, to: [...x.to, ...list.map((address) => ({ kind: 'address' as const, address, external: false }))] }))} />
        {d.to.length ? (
          <ul className="chip-list" aria-label="Recipients" data-field="delivery.to">
            {d.to.map((r, i) => (
              <ToChip key={`${r.kind}-${r.kind === 'address' ? r.address : r.kind === 'group' ? r.groupId : r.role}`} r={r} groups={groups} invalid={errorAt(errors, `delivery.to.${i}`)} onChange={(n) => setDelivery((x) => ({ ...x, to: x.to.map((y, j) => (j === i ? n : y)) }))} onRemove={() => setDelivery((x) => ({ ...x, to: x.to.filter((_, j) => j !== i) }))} />
            ))}
          </ul>
        ) : (
          <p className="muted small">Nobody yet. Scheduled runs without recipients only keep their files.</p>
        )}
        <div className="row gap wrap">
          <Field label="Add a recipient group">
            {(a) => (
              <select
                {...a}
                className="select"
                value=""
                onChange={(e) => {
                  const v = e.target.value;
                  if (v === '__new') setCreatingGroup(true);
                  else if (v && !hasGroup(v)) setDelivery((x) => ({ ...x, to: [...x.to, { kind: 'group', groupId: v }] }));
                }}
              >
                <option value="">Choose a group…</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id} disabled={hasGroup(g.id)}>
                    {g.name} ({g.members.length})
                  </option>
                ))}
                <option value="__new">New group…</option>
              </select>
            )}
          </Field>
          <fieldset>
            <legend className="field-label">Everyone with a workspace role (resolved at each run)</legend>
            <div className="checks">
              {ROLES.map((r) => (
                <label key={r.role} className="check">
                  <input type="checkbox" checked={hasRole(r.role)} onChange={() => toggleRole(r.role)} />
                  {r.label}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </section>

      <fieldset className="stack external-box">
        <legend className="field-label">External recipients (marked external, or outside the workspace’s internal domains) receive the email text, and also:</legend>
        <div className="checks">
          <label className="check">
            <input type="checkbox" checked={d.external.attachments} onChange={(e) => setDelivery((x) => ({ ...x, external: { ...x.external, attachments: e.target.checked } }))} />
            the attachments
          </label>
          <label className="check">
            <input type="checkbox" checked={d.external.link} onChange={(e) => setDelivery((x) => ({ ...x, external: { ...x.external, link: e.target.checked } }))} />
            the link to the full report
          </label>
        </div>
      </fieldset>

      <div className="field-pair">
        <div className="stack">
          <AddressInput label="Cc" existing={d.cc} error={errorAt(errors, 'delivery.cc')} onAdd={(list) => setDelivery((x) => ({ ...x, cc: [...x.cc, ...list] }))} />
          <AddressChips list={d.cc} field="delivery.cc" errors={errors} onRemove={(i) => setDelivery((x) => ({ ...x, cc: x.cc.filter((_, j) => j !== i) }))} />
        </div>
        <div className="stack">
          <AddressInput label="Bcc" existing={d.bcc} error={errorAt(errors, 'delivery.bcc')} onAdd={(list) => setDelivery((x) => ({ ...x, bcc: [...x.bcc, ...list] }))} />
          <AddressChips list={d.bcc} field="delivery.bcc" errors={errors} onRemove={(i) => setDelivery((x) => ({ ...x, bcc: x.bcc.filter((_, j) => j !== i) }))} />
        </div>
        <Field label="Reply-To (optional)" error={replyToError ?? errors['delivery.replyTo']} field="delivery.replyTo">
          {(a) => (
            <input
              {...a}
              className="input"
              value={d.replyTo ?? ''}
              placeholder="Settings’ default"
              onChange={(e) => {
                // Kept as typed (a save refuses it if it is not an address); checked when the box is left.
                const v = e.target.value;
                setDelivery((x) => ({ ...x, replyTo: v }));
                setReplyToError(null);
              }}
              onBlur={() => {
                const v = d.replyTo?.trim() ?? '';
                const c = v ? checkAddress(v) : null;
                setReplyToError(c && !c.ok ? c.message : null);
              }}
            />
          )}
        </Field>
      </div>

      <section className="stack" aria-labelledby="rcpt-msg">
        <h3 id="rcpt-msg" className="step-section-title">
          Message
        </h3>
        <p className="muted small">
          Subject, text and file names are templates: <code>{'{{report.name}}'}</code>, <code>{'{{report.period}}'}</code>, <code>{'{{metric.revenue.totalText}}'}</code>, <code>{"{{formatDate report.generatedAt 'yyyy-MM-dd'}}"}</code>, <code>{'{{#if insights.hasAnomaly}}…{{/if}}'}</code>. Mistakes are reported with their line when you save.
        </p>
        <Field label="Subject" error={errors['delivery.subject']} field="delivery.subject">
          {(a) => <input {...a} className="input mono" value={d.subject} maxLength={500} onChange={(e) => setDelivery((x) => ({ ...x, subject: e.target.value }))} />}
        </Field>
        <Field label="Text above the charts" error={errors['delivery.body']} field="delivery.body">
          {(a) => <textarea {...a} className="input textarea mono" rows={4} value={d.body} maxLength={20_000} onChange={(e) => setDelivery((x) => ({ ...x, body: e.target.value }))} />}
        </Field>
        <Field label="Attachment name (without extension)" error={errors['delivery.attachmentName']} field="delivery.attachmentName">
          {(a) => <input {...a} className="input mono" value={d.attachmentName} maxLength={200} onChange={(e) => setDelivery((x) => ({ ...x, attachmentName: e.target.value }))} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={d.linkToFull} onChange={(e) => setDelivery((x) => ({ ...x, linkToFull: e.target.checked }))} />
          Put a link to the full report in the email (when a tracking server is set up)
        </label>
      </section>

      {creatingGroup ? <GroupDialog workspaceId={workspaceId} onClose={() => setCreatingGroup(false)} onSaved={(g) => (setGroups((x) => [...x, g]), setDelivery((x) => ({ ...x, to: [...x.to, { kind: 'group', groupId: g.id }] })))} /> : null}
    </div>
  );
}
