import { useEffect, useState } from 'react';
import type { Client } from './transport/client.js';

export function App({ client }: { client: Client }) {
  const [info, setInfo] = useState<string>('Loading…');
  useEffect(() => {
    client.call('app.info', {}).then(
      (i) => setInfo(`Universal Dashboard ${i.version} — data in ${i.home}`),
      (e: Error) => setInfo(e.message),
    );
  }, [client]);
  return <main>{info}</main>;
}
