import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createClient } from './transport/client.js';

const client = createClient();
createRoot(document.getElementById('root')!).render(<App client={client} />);
