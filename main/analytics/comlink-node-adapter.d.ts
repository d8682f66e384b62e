// comlink ships the Node worker_threads adapter as an .mjs next to a .d.ts that TypeScript does not pair
// with it; this declares the one default export we use (it takes a Worker or a MessagePort).
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  import type { MessagePort, Worker } from 'node:worker_threads';
  export default function nodeEndpoint(nep: Worker | MessagePort): Endpoint;
}
