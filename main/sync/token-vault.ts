/**
 * Where a shared workspace's token lives: the secret store (OS keychain, or the AES-256-GCM vault
 * file), never SQLite, a log line or an export. Names carry a random id of this data folder, because
 * the keychain is shared by every data folder of the user: two folders (profiles, or two test hosts)
 * joined to the same workspace must not overwrite each other's token.
 */
import { randomBytes } from 'node:crypto';
import type { SettingsRepo } from '../store/settings.js';
import type { SecretStore } from '../vault/secrets.js';

const INSTALL_KEY = 'sync.installId';

export class TokenVault {
  constructor(
    private readonly secrets: () => SecretStore,
    private readonly settings: () => SettingsRepo,
  ) {}

  private installId(): string {
    const s = this.settings();
    let id = s.get<string>(INSTALL_KEY);
    if (!id) {
      id = randomBytes(8).toString('hex');
      s.set(INSTALL_KEY, id);
    }
    return id;
  }

  private name(workspaceId: string): string {
    return `sync-token:${this.installId()}:${workspaceId}`;
  }

  get(workspaceId: string): string | null {
    return this.secrets().get(this.name(workspaceId));
  }

  set(workspaceId: string, token: string): void {
    this.secrets().set(this.name(workspaceId), token);
  }

  delete(workspaceId: string): void {
    this.secrets().delete(this.name(workspaceId));
  }
}
