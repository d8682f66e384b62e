import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvKeyProvider, PlatformKeyProvider } from '../../../main/vault/key-providers.js';
import { Keychain } from '../../../main/vault/keychain.js';
import { createSecretStore, VAULT_FILE } from '../../../main/vault/secrets.js';
import { VaultFile } from '../../../main/vault/vault-file.js';
import { NODE_PLATFORM, type Platform } from '../../../main/platform.js';
import { tempHome } from '../../helpers/home.js';

const PASSPHRASE = 'correct horse battery staple';

describe('the encrypted vault file', () => {
  it('round-trips secrets with a passphrase key and never stores them in plain text', () => {
    const home = tempHome();
    const file = path.join(home, 'v.json');
    const v = new VaultFile(file, [new EnvKeyProvider(PASSPHRASE)]);
    v.set('smtp.password', 'hunter2-very-secret');
    v.set('tracking.key', 'k'.repeat(40));
    const raw = fs.readFileSync(file, 'utf8');
    expect(raw).not.toContain('hunter2');
    expect(raw).not.toContain(Buffer.from('hunter2-very-secret').toString('base64'));
    expect(JSON.parse(raw).provider).toBe('env');
    // A fresh process with the same passphrase reads it back.
    const again = new VaultFile(file, [new EnvKeyProvider(PASSPHRASE)]);
    expect(again.get('smtp.password')).toBe('hunter2-very-secret');
    expect(again.names().sort()).toEqual(['smtp.password', 'tracking.key']);
    again.delete('tracking.key');
    expect(new VaultFile(file, [new EnvKeyProvider(PASSPHRASE)]).get('tracking.key')).toBeNull();
  });

  it('refuses a wrong key without touching the file', () => {
    const home = tempHome();
    const file = path.join(home, 'v.json');
    new VaultFile(file, [new EnvKeyProvider(PASSPHRASE)]).set('a', 'secret-a');
    const before = fs.readFileSync(file, 'utf8');
    const wrong = new VaultFile(file, [new EnvKeyProvider('another passphrase entirely')]);
    expect(() => wrong.get('a')).toThrow(/key for the secrets vault .* is wrong/);
    expect(() => wrong.set('b', 'x')).toThrow(/wrong/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('detects a value moved to another name or tampered with (GCM tag and associated data)', () => {
    const home = tempHome();
    const file = path.join(home, 'v.json');
    const key = randomBytes(32).toString('hex');
    const v = new VaultFile(file, [new EnvKeyProvider(key)]);
    v.set('a', 'alpha');
    v.set('b', 'bravo');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    doc.entries.b = doc.entries.a;
    fs.writeFileSync(file, JSON.stringify(doc));
    expect(() => new VaultFile(file, [new EnvKeyProvider(key)]).get('b')).toThrow();
    doc.entries.a.data = Buffer.from('zzzzz').toString('base64');
    fs.writeFileSync(file, JSON.stringify(doc));
    expect(() => new VaultFile(file, [new EnvKeyProvider(key)]).get('a')).toThrow();
  });

  it('explains what to do when no key provider is available', () => {
    const home = tempHome();
    const v = new VaultFile(path.join(home, 'v.json'), [new EnvKeyProvider(undefined)]);
    expect(() => v.set('x', 'y')).toThrow(/UDASH_VAULT_KEY/);
  });

  it('keeps the desktop key sealed by the platform (an AES stand-in for Electron safeStorage)', () => {
    const home = tempHome();
    // safeStorage is not available outside Electron; this platform seals with its own AES key the way
    // safeStorage seals with the OS-held one.
    const osKey = randomBytes(32);
    const platform: Platform = {
      kind: 'electron',
      protectSecret(plain) {
        const iv = randomBytes(12);
        const c = createCipheriv('aes-256-gcm', osKey, iv);
        const data = Buffer.concat([c.update(plain), c.final()]);
        return Buffer.concat([iv, c.getAuthTag(), data]);
      },
      unprotectSecret(sealed) {
        const d = createDecipheriv('aes-256-gcm', osKey, sealed.subarray(0, 12));
        d.setAuthTag(sealed.subarray(12, 28));
        return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
      },
    };
    const sealedFile = path.join(home, 'k.sealed');
    const v = new VaultFile(path.join(home, 'v.json'), [new PlatformKeyProvider(platform, sealedFile), new EnvKeyProvider(PASSPHRASE)]);
    v.set('smtp.password', 'pw');
    expect(JSON.parse(fs.readFileSync(path.join(home, 'v.json'), 'utf8')).provider).toBe('platform');
    expect(fs.readFileSync(sealedFile).length).toBe(12 + 16 + 32);
    expect(new VaultFile(path.join(home, 'v.json'), [new PlatformKeyProvider(platform, sealedFile)]).get('smtp.password')).toBe('pw');
  });
});

describe('choosing where secrets go', () => {
  it('falls back to the vault when the keychain does not answer (this machine has no Secret Service)', () => {
    const home = tempHome();
    const keychain = new Keychain('udash-test-' + process.pid);
    const store = createSecretStore({ home, platform: NODE_PLATFORM, env: { UDASH_VAULT_KEY: PASSPHRASE }, keychain });
    if (keychain.available()) {
      // A desktop session with a keychain: the secret goes there, and no vault file appears.
      expect(store.location).toBe('keychain');
      store.set('probe', 'v');
      expect(store.get('probe')).toBe('v');
      store.delete('probe');
      expect(fs.existsSync(path.join(home, VAULT_FILE))).toBe(false);
    } else {
      expect(store.location).toBe('vault:env');
      store.set('smtp.password', 's3cret!');
      expect(store.get('smtp.password')).toBe('s3cret!');
      expect(fs.readFileSync(path.join(home, VAULT_FILE), 'utf8')).not.toContain('s3cret!');
    }
  });
});
