/**
 * The sandboxed preload: exposes exactly one object, window.udash, that carries contract calls and
 * events over two IPC channels. It checks nothing itself: main validates every input with the
 * contract's zod schema, so a compromised page gains no more than the contract already allows.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL, IPC_EVENT, type BridgeResult, type UdashBridge } from '../shared/contract/bridge.js';

const bridge: UdashBridge = {
  transport: 'ipc',
  invoke: (method, input) => ipcRenderer.invoke(IPC_CALL, String(method), input) as Promise<BridgeResult>,
  subscribe(event, listener) {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('udash', bridge);
