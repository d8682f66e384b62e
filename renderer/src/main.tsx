import { createRoot } from 'react-dom/client';
import 'react-grid-layout/css/styles.css';
import 'react-resizable/css/styles.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';
import './styles/dashboard.css';
import { App } from './App.js';
import { boot } from './app/boot.js';
import { createAppStore } from './app/store.js';
import { applyTheme, cachedThemeSetting } from './app/theme.js';
import { createClient } from './transport/client.js';

performance.mark('udash:script-start');
// Paint in the user's theme from the first frame; settings confirm it a moment later.
applyTheme(cachedThemeSetting());
const client = createClient();
const store = createAppStore(client);
void boot(client, store);
createRoot(document.getElementById('root')!).render(<App client={client} store={store} />);
