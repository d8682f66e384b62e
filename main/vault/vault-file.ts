/**
 * An encrypted secrets file for machines without a usable keychain. Each value is sealed with
 * AES-256-GCM under its own random 96-bit nonce, with the secret's name as associated data (so a value
 * cannot be moved to another name unnoticed). The file records which provider holds the key and a
 * salt for passphrase keys; it never holds the key or any plain text. Writes go to a temp file and are
 * renamed into place, so a crash leaves the previous file intact.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UdashError } from '../../shared/errors.js';
import type { KeyProvider } from './key-providers.js';

interface SealedValue {
  iv: string;
  tag: string;
  data: string;
}

interface VaultContents {
  version: 1;
  provider: KeyProvider['name'];
  salt: string;
  /** Sealed with the key to prove the key is right before anything is decrypted or overwritten. */
  check: SealedValue;
  entries: Record<string, SealedValue>;
}

const CHECK_NAME = '\u0000vault-check';

function seal(key: Buffer, name: string, plain: Buffer): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function open(key: Buffer, name: string, sealed: SealedValue): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(name, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}

export class VaultFile {
  private key: Buffer | null = null;

  constructor(
    readonly file: string,
    private readonly providers: KeyProvider[],
  ) {}

  /** Which provider protects (or would protect) this vault. */
  providerName(): KeyProvider['name'] | null {
    const existing = this.read();
    if (existing) return existing.provider;
    return this.providers.find((p) => p.available())?.name ?? null;
  }

  get(name: string): string | null {
    const v = this.read();
    if (!v) return null;
    const sealed = v.entries[name];
    if (!sealed) return null;
    return open(this.unlock(v), name, sealed).toString('utf8');
  }

  set(name: string, value: string): void {
    const v = this.read() ?? this.create();
    const key = this.unlock(v);
    v.entries[name] = seal(key, name, Buffer.from(value, 'utf8'));
    this.write(v);
  }

  delete(name: string): void {
    const v = this.read();
    if (!v || !(name in v.entries)) return;
    this.unlock(v);
    delete v.entries[name];
    this.write(v);
  }

  names(): string[] {
    return Object.keys(this.read()?.entries ?? {});
  }

  private create(): VaultContents {
    const provider = this.providers.find((p) => p.available());
    if (!provider)
      throw new UdashError(
        'UNAVAILABLE',
        'There is no safe place for secrets on this machine: the OS keychain is not available and UDASH_VAULT_KEY is not set. Set UDASH_VAULT_KEY (a passphrase of 12+ characters or 32 random bytes in hex) and try again.',
      );
    const salt = randomBytes(16);
    const key = provider.key(salt);
    this.key = key;
    return { version: 1, provider: provider.name, salt: salt.toString('base64'), check: seal(key, CHECK_NAME, Buffer.from('ok')), entries: {} };
  }

  private unlock(v: VaultContents): Buffer {
    if (this.key) return this.key;
    const provider = this.providers.find((p) => p.name === v.provider);
    if (!provider || !provider.available())
      throw new UdashError('UNAVAILABLE', `The secrets vault ${this.file} is protected by the ${v.provider === 'env' ? 'UDASH_VAULT_KEY environment variable' : v.provider === 'keychain' ? 'OS keychain' : 'desktop app'}, which is not available here.`, { file: this.file });
    const key = provider.key(Buffer.from(v.salt, 'base64'));
    try {
      open(key, CHECK_NAME, v.check);
    } catch {
      throw new UdashError('UNAUTHORIZED', `The key for the secrets vault ${this.file} is wrong (was UDASH_VAULT_KEY changed?). The vault was not modified.`, { file: this.file });
    }
    this.key = key;
    return key;
  }

  private read(): VaultContents | null {
    if (!fs.existsSync(this.file)) return null;
    try {
      const v = JSON.parse(fs.readFileSync(this.file, 'utf8')) as VaultContents;
      if (v.version !== 1 || !v.entries || !v.check) throw new Error('unknown layout');
      return v;
    } catch (e) {
      throw new UdashError('BAD_DATA', `The secrets vault ${this.file} is damaged (${e instanceof Error ? e.message : String(e)}); move it aside and enter the secrets again.`, { file: this.file });
    }
  }

  private write(v: VaultContents): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(v, null, 1), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
