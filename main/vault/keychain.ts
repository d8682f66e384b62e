/**
 * The OS keychain through @napi-rs/keyring (macOS Keychain, Windows Credential Manager, Secret Service
 * on Linux). On Linux we require the Secret Service: the library's fallback, the kernel keyutils
 * keyring, forgets everything at reboot, which would silently lose an SMTP password.
 */
import type * as Keyring from '@napi-rs/keyring';
import type { Entry } from '@napi-rs/keyring';
import { lazyRequire } from '../lazy-require.js';

/** The native binding is loaded on the first keychain call, not at start. */
const loadKeyring = lazyRequire<typeof Keyring>('@napi-rs/keyring');

export const KEYCHAIN_SERVICE = 'universal-dashboard';

export class Keychain {
  constructor(private readonly service = KEYCHAIN_SERVICE) {}

  private entry(account: string): Entry {
    const { Entry } = loadKeyring();
    return process.platform === 'linux' ? new Entry(this.service, account, { linux: { store: 'secret-service' } }) : new Entry(this.service, account);
  }

  /** True when the keychain answers (a headless Linux without a Secret Service does not). */
  available(): boolean {
    try {
      this.entry('availability-probe').getPassword();
      return true;
    } catch {
      return false;
    }
  }

  get(account: string): string | null {
    return this.entry(account).getPassword();
  }

  set(account: string, value: string): void {
    this.entry(account).setPassword(value);
  }

  delete(account: string): void {
    try {
      this.entry(account).deletePassword();
    } catch {
      // Deleting what is not there is not an error for us.
    }
  }
}
