import { describe, expect, it } from 'vitest';
import { SmtpSettings } from '../../../../shared/model/report.js';
import { describeSecretsLocation, smtpFormOf, smtpSettingsOf } from '../../../../renderer/src/features/reports/model/smtp-form.js';

describe('the SMTP form', () => {
  it('round-trips stored settings through the three security choices', () => {
    for (const [secure, requireTLS, security] of [
      [false, false, 'starttls'],
      [false, true, 'starttls-required'],
      [true, false, 'tls'],
    ] as const) {
      const stored = SmtpSettings.parse({ host: 'smtp.acme.test', port: secure ? 465 : 587, secure, requireTLS, user: 'me', from: 'r@acme.test', batchSize: 20 });
      const form = smtpFormOf(stored);
      expect(form.security).toBe(security);
      expect(smtpSettingsOf(form, stored)).toEqual(stored);
    }
  });

  it('omits empty optional fields and leaves a bad port for the schema to refuse', () => {
    const form = { ...smtpFormOf(null), host: ' smtp.acme.test ', from: 'r@acme.test', port: 'abc' };
    const s = smtpSettingsOf(form, null);
    expect(s).toMatchObject({ host: 'smtp.acme.test', batchSize: 50, fromName: 'Universal Dashboard' });
    expect('user' in s || 'replyTo' in s).toBe(false);
    expect(SmtpSettings.safeParse(s).success).toBe(false);
    expect(SmtpSettings.safeParse({ ...s, port: 25 }).success).toBe(true);
  });

  it('says where the password is kept', () => {
    expect(describeSecretsLocation('keychain')).toBe('the system keychain');
    expect(describeSecretsLocation('vault:safeStorage')).toBe('the encrypted vault file (key from safeStorage)');
    expect(describeSecretsLocation('unavailable')).toMatch(/cannot be stored/);
  });
});
