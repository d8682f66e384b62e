/**
 * Where the vault file's 256-bit key comes from. Each provider either has a key (creating one on first
 * use where it can store it) or says it is unavailable; the vault takes the first that answers:
 * Electron safeStorage in the desktop app, the OS keychain, or UDASH_VAULT_KEY (CLI, servers, CI).
 */
import { randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../platform.js';
import type { Keychain } from './keychain.js';

export interface KeyProvider {
  readonly name: 'platform' | 'keychain' | 'env';
  available(): boolean;
  /** The key, created and stored by the provider on first use where it can. `salt` is the vault's. */
  key(salt: Buffer): Buffer;
}

const KEY_BYTES = 32;

/**
 * UDASH_VAULT_KEY: 64 hex digits or base64 of 32 bytes is used as the key; anything else is a
 * passphrase stretched with scrypt and the vault's salt.
 */
export class EnvKeyProvider implements KeyProvider {
  readonly name = 'env' as const;
  constructor(private readonly value: string | undefined) {}
  available(): boolean {
    return !!this.value && this.value.length >= 12;
  }
  key(salt: Buffer): Buffer {
    const v = this.value ?? '';
    if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
    const b64 = /^[A-Za-z0-9+/]{43}=?$/.test(v) ? Buffer.from(v, 'base64') : null;
    if (b64 && b64.length === KEY_BYTES) return b64;
    return scryptSync(v, salt, KEY_BYTES, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  }
}

/** A random key kept in the OS keychain. */
export class KeychainKeyProvider implements KeyProvider {
  readonly name = 'keychain' as const;
  constructor(
    private readonly keychain: Keychain,
    private readonly account = 'vault-key',
  ) {}
  available(): boolean {
    return this.keychain.available();
  }
  key(): Buffer {
    const stored = this.keychain.get(this.account);
    if (stored) return Buffer.from(stored, 'base64');
    const fresh = randomBytes(KEY_BYTES);
    this.keychain.set(this.account, fresh.toString('base64'));
    return fresh;
  }
}

/** A random key sealed by the desktop platform (Electron safeStorage) in a file next to the vault. */
export class PlatformKeyProvider implements KeyProvider {
  readonly name = 'platform' as const;
  constructor(
    private readonly platform: Platform,
    private readonly sealedKeyFile: string,
  ) {}
  available(): boolean {
    return !!this.platform.protectSecret && !!this.platform.unprotectSecret;
  }
  key(): Buffer {
    if (fs.existsSync(this.sealedKeyFile)) return this.platform.unprotectSecret!(fs.readFileSync(this.sealedKeyFile));
    const fresh = randomBytes(KEY_BYTES);
    fs.mkdirSync(path.dirname(this.sealedKeyFile), { recursive: true });
    fs.writeFileSync(this.sealedKeyFile, this.platform.protectSecret!(fresh), { mode: 0o600 });
    return fresh;
  }
}
