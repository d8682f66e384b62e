import { useEffect } from 'react';
import { AppProviders, useApp } from './app/context.js';
import { boot } from './app/boot.js';
import type { AppStore } from './app/store.js';
import { applyTheme, watchSystemTheme } from './app/theme.js';
import type { Client } from './transport/client.js';
import { Shell } from './shell/Shell.js';
import { StoreRecovery } from './features/recovery/StoreRecovery.js';
import { Button } from './ui/Button.js';
import { Spinner } from './ui/States.js';

export function App({ client, store }: { client: Client; store: AppStore }) {
  return (
    <AppProviders client={client} store={store}>
      <Root client={client} store={store} />
    </AppProviders>
  );
}

function Root({ client, store }: { client: Client; store: AppStore }) {
  const { phase, bootError, themeSetting } = useApp((s) => ({ phase: s.phase, bootError: s.bootError, themeSetting: s.settings.theme }));
  useEffect(() => watchSystemTheme(() => store.setState({ theme: applyTheme(store.getState().settings.theme) })), [store]);
  useEffect(() => {
    store.setState({ theme: applyTheme(themeSetting) });
  }, [store, themeSetting]);

  if (phase === 'booting') {
    return (
      <div className="boot" aria-busy="true">
        <Spinner label="Opening Universal Dashboard" />
      </div>
    );
  }
  if (phase === 'recovery') return <StoreRecovery onRecovered={() => void boot(client, store)} />;
  if (phase === 'failed') {
    return (
      <div className="boot">
        <div className="boot-card" role="alert">
          <h1>Universal Dashboard could not start</h1>
          <p>{bootError}</p>
          <Button variant="primary" onClick={() => void boot(client, store)}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  return <Shell />;
}
