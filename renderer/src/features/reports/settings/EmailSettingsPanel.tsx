import './settings-panels.css';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../../shared/contract/index.js';
import { useApp, useClient } from '../../../app/context.js';
import { errorField, errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { Field } from '../../../ui/Field.js';
import { Spinner } from '../../../ui/States.js';
import { checkAddress } from '../model/addresses.js';
import { describeSecretsLocation, SECURITY_OPTIONS, smtpFormOf, smtpSettingsOf, type Security, type SmtpForm } from '../model/smtp-form.js';

type MailView = MethodOutput<'mail.settings.get'>;

/**
 * Settings → Email: the SMTP server reports are sent through. The password is write-only: main keeps
 * it in the keychain or the encrypted vault and only ever says whether one is stored; this form never
 * shows it and sends it only when the user typed a new one.
 */
export function EmailSettingsPanel() {
  const client = useClient();
  const toast = useApp((s) => s.toast);
  const [view, setView] = useState<MailView | null>(null);
  const [form, setForm] = useState<SmtpForm>(smtpFormOf(null));
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [testTo, setTestTo] = useState('');
  const [test, setTest] = useState<{ busy: boolean; ok?: string; error?: string }>({ busy: false });
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    client.call('mail.settings.get', {}).then(
      (v) => {
        setView(v);
        setForm(smtpFormOf(v.smtp));
      },
      (e) => setLoadError(errorMessage(e)),
    );
  }, [client]);

  const set = (patch: Partial<SmtpForm>) => setForm((f) => ({ ...f, ...patch }));

  const save = async () => {
    setErrors({});
    setSaving(true);
    try {
      const v = await client.call('mail.settings.set', { smtp: smtpSettingsOf(form, view?.smtp ?? null), ...(removePassword ? { password: null } : password ? { password } : {}) });
      setView(v);
      setForm(smtpFormOf(v.smtp));
      setPassword('');
      setRemovePassword(false);
      toast({ kind: 'success', message: 'Email settings saved' });
    } catch (e) {
      const field = errorField(e, ['smtp', 'input']) ?? 'form';
      setErrors({ [field === 'secure' || field === 'requireTLS' ? 'security' : field]: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const sendTest = async () => {
    const c = checkAddress(testTo);
    if (!c.ok) return setTest({ busy: false, error: c.message });
    setTest({ busy: true });
    try {
      const r = await client.call('mail.test', { to: c.address });
      setTest({ busy: false, ok: `Sent to ${c.address}${r.messageId ? ` (message ${r.messageId})` : ''}.` });
    } catch (e) {
      setTest({ busy: false, error: errorMessage(e) });
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="set-email" data-testid="email-settings">
      <h2 id="set-email">Email (SMTP)</h2>
      {loadError ? <p className="form-error">{loadError}</p> : null}
      {!view && !loadError ? <Spinner label="Loading email settings" /> : null}
      {view ? (
        <form
          className="settings-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field-pair">
            <Field label="SMTP server" error={errors.host}>
              {(a) => <input {...a} className="input" value={form.host} placeholder="smtp.example.com" autoComplete="off" onChange={(e) => set({ host: e.target.value })} />}
            </Field>
            <Field label="Port" error={errors.port}>
              {(a) => <input {...a} className="input" inputMode="numeric" value={form.port} onChange={(e) => set({ port: e.target.value })} />}
            </Field>
            <Field label="Security" error={errors.security}>
              {(a) => (
                <select
                  {...a}
                  className="select"
                  value={form.security}
                  onChange={(e) => {
                    const security = e.target.value as Security;
                    const suggested = SECURITY_OPTIONS.find((o) => o.value === security)!.port;
                    const standard = SECURITY_OPTIONS.some((o) => String(o.port) === form.port);
                    set({ security, ...(standard ? { port: String(suggested) } : {}) });
                  }}
                >
                  {SECURITY_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="field-pair">
            <Field label="User name (optional)" error={errors.user}>
              {(a) => <input {...a} className="input" value={form.user} autoComplete="off" onChange={(e) => set({ user: e.target.value })} />}
            </Field>
            <Field label="Password" hint={view.hasPassword ? 'A password is stored; type a new one to replace it.' : 'Not stored.'} error={errors.password}>
              {(a) => <input {...a} className="input" type="password" value={password} autoComplete="new-password" placeholder={view.hasPassword ? '•••••••• (stored)' : ''} disabled={removePassword} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
          </div>
          <p className="secret-note">
            The password is stored in {describeSecretsLocation(view.secretsLocation)}, never in the settings file, and is never shown again.
            {view.hasPassword ? (
              <label className="check small">
                <input type="checkbox" checked={removePassword} onChange={(e) => setRemovePassword(e.target.checked)} />
                Remove the stored password
              </label>
            ) : null}
          </p>
          <div className="field-pair">
            <Field label="From address" error={errors.from}>
              {(a) => <input {...a} className="input" value={form.from} placeholder="reports@example.com" onChange={(e) => set({ from: e.target.value })} />}
            </Field>
            <Field label="From name" error={errors.fromName}>
              {(a) => <input {...a} className="input" value={form.fromName} onChange={(e) => set({ fromName: e.target.value })} />}
            </Field>
            <Field label="Reply-To (optional)" error={errors.replyTo}>
              {(a) => <input {...a} className="input" value={form.replyTo} onChange={(e) => set({ replyTo: e.target.value })} />}
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={form.allowSelfSigned} onChange={(e) => set({ allowSelfSigned: e.target.checked })} />
            Accept a self-signed certificate (a test or internal relay)
          </label>
          {errors.form ? (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <div>
            <Button type="submit" variant="primary" busy={saving}>
              Save email settings
            </Button>
          </div>
        </form>
      ) : null}
      {view?.smtp ? (
        <div className="settings-form">
          <Field label="Send a test email to" error={test.error}>
            {(a) => (
              <div className="row gap">
                <input {...a} className="input" value={testTo} placeholder="you@example.com" onChange={(e) => (setTestTo(e.target.value), setTest({ busy: false }))} />
                <Button busy={test.busy} onClick={() => void sendTest()} disabled={!testTo.trim()}>
                  Send test email
                </Button>
              </div>
            )}
          </Field>
          {test.ok ? (
            <p className="ok-text small" role="status" data-testid="test-email-result">
              {test.ok}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
