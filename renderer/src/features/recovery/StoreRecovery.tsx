/**
 * Shown instead of the app when the store cannot open (corrupt, locked, written by a newer version).
 * Nothing is deleted: a fresh store moves the old file aside, and restoring copies a backup in.
 */
import { useState } from 'react';
import { useApp, useClient } from '../../app/context.js';
import { errorMessage } from '../../app/errors.js';
import { Button } from '../../ui/Button.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Icon } from '../../ui/Icon.js';

const EXPLAIN: Record<string, string> = {
  STORE_TOO_NEW: 'The data file was written by a newer version of Universal Dashboard. This version will not change it; update the app to open it, or start a fresh store here.',
  STORE_CORRUPT: 'The data file is damaged and cannot be read.',
  STORE_LOCKED: 'Another program (perhaps another copy of Universal Dashboard) is holding the data file. Close it and reload, or continue with a fresh store.',
};

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}

export function StoreRecovery({ onRecovered }: { onRecovered: () => void }) {
  const client = useClient();
  const info = useApp((s) => s.info);
  const [confirmFresh, setConfirmFresh] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!info) return null;
  const { store } = info;

  const recover = async (action: 'fresh' | 'restore', backupFile?: string) => {
    setError(null);
    try {
      const status = await client.call('store.recover', backupFile ? { action, backupFile } : { action });
      if (!status.ok) throw new Error(status.error?.message ?? 'The store still cannot be opened');
      onRecovered();
    } catch (e) {
      setError(errorMessage(e));
      throw e;
    }
  };

  return (
    <div className="boot">
      <section className="recovery" aria-labelledby="recovery-title">
        <div className="recovery-icon" aria-hidden>
          <Icon name="alert" size={28} />
        </div>
        <h1 id="recovery-title">Your data store could not be opened</h1>
        <p className="recovery-reason" role="alert">
          {store.error?.message ?? 'The store failed to open.'}
        </p>
        {store.error && EXPLAIN[store.error.code] ? <p className="muted">{EXPLAIN[store.error.code]}</p> : null}
        <dl className="recovery-facts">
          <dt>Store file</dt>
          <dd>
            <code>{store.path}</code>
          </dd>
          {store.error ? (
            <>
              <dt>Error code</dt>
              <dd>
                <code>{store.error.code}</code>
              </dd>
            </>
          ) : null}
        </dl>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="recovery-options">
          <div className="recovery-option">
            <h2>Start a fresh store</h2>
            <p className="muted">An empty store with the sample workspace. The current file is kept next to it, renamed, so nothing is lost.</p>
            <Button variant="primary" onClick={() => setConfirmFresh(true)}>
              Start a fresh store
            </Button>
          </div>
          <div className="recovery-option">
            <h2>Restore a backup</h2>
            {store.backups.length === 0 ? (
              <p className="muted">There are no backups in the backups folder yet.</p>
            ) : (
              <ul className="backup-list" aria-label="Backups">
                {[...store.backups]
                  .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                  .map((b) => (
                    <li key={b.file}>
                      <span>
                        <strong>{new Date(b.createdAt).toLocaleString()}</strong>
                        <span className="muted"> · {formatBytes(b.bytes)}</span>
                        <br />
                        <code className="small">{b.file}</code>
                      </span>
                      <Button size="sm" onClick={() => setRestoring(b.file)}>
                        Restore
                      </Button>
                    </li>
                  ))}
              </ul>
            )}
          </div>
        </div>
      </section>
      {confirmFresh ? (
        <ConfirmDialog title="Start a fresh store?" confirmLabel="Start fresh" onClose={() => setConfirmFresh(false)} onConfirm={() => recover('fresh')}>
          <p>The damaged file is renamed and kept in the same folder; Universal Dashboard starts with a new, empty store.</p>
        </ConfirmDialog>
      ) : null}
      {restoring ? (
        <ConfirmDialog title="Restore this backup?" confirmLabel="Restore" onClose={() => setRestoring(null)} onConfirm={() => recover('restore', restoring)}>
          <p>The current store file is renamed and kept; the backup is copied in its place.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
