/**
 * Secrets (SMTP password, tracking signing key, later database passwords) behind one interface. The
 * OS keychain holds them when it is available; otherwise the encrypted vault file does, with its key
 * from Electron safeStorage, the keychain or UDASH_VAULT_KEY. Nothing here ever logs or returns a
 * secret except through `get`, and nothing writes one in plain text.
 */
import path from 'node:path';
import type { Platform } from '../platform.js';
import { EnvKeyProvider, KeychainKeyProvider, PlatformKeyProvider } from './key-providers.js';
import { Keychain } from './keychain.js';
import { VaultFile } from './vault-file.js';

export interface SecretStore {
  /** Where secrets go: 'keychain' or 'vault:<key provider>'. */
  readonly location: string;
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

export class KeychainSecretStore implements SecretStore {
  readonly location = 'keychain';
  constructor(private readonly keychain: Keychain) {}
  get(name: string): string | null {
    return this.keychain.get(name);
  }
  set(name: string, value: string): void {
    this.keychain.set(name, value);
  }
  delete(name: string): void {
    this.keychain.delete(name);
  }
}

export class VaultSecretStore implements SecretStore {
  constructor(private readonly vault: VaultFile) {}
  get location(): string {
    return `vault:${this.vault.providerName() ?? 'none'}`;
  }
  get(name: string): string | null {
    return this.vault.get(name);
  }
  set(name: string, value: string): void {
    this.vault.set(name, value);
  }
  delete(name: string): void {
    this.vault.delete(name);
  }
}

export interface SecretStoreOptions {
  home: string;
  platform: Platform;
  env?: NodeJS.ProcessEnv;
  keychain?: Keychain;
}

export const VAULT_FILE = 'secrets.vault.json';

/**
 * Picks the store: the keychain when it answers (unless UDASH_SECRETS=vault), else the vault file.
 * An existing vault file always wins, so secrets never seem to vanish when a keychain appears later.
 */
export function createSecretStore(opts: SecretStoreOptions): SecretStore {
  const env = opts.env ?? process.env;
  const keychain = opts.keychain ?? new Keychain();
  const vault = new VaultFile(path.join(opts.home, VAULT_FILE), [
    new PlatformKeyProvider(opts.platform, path.join(opts.home, 'secrets.key.sealed')),
    new KeychainKeyProvider(keychain),
    new EnvKeyProvider(env.UDASH_VAULT_KEY),
  ]);
  const forceVault = env.UDASH_SECRETS === 'vault';
  if (!forceVault && vault.names().length === 0 && keychain.available()) return new KeychainSecretStore(keychain);
  return new VaultSecretStore(vault);
}
