/**
 * The y-websocket wire format (the framing of y-websocket's provider and reference server): every
 * binary frame starts with a varuint message type; sync frames carry a y-protocols sync message
 * (step 1 = state vector, step 2 / update = a Yjs update), awareness frames carry an encoded
 * awareness update. Encoders here build the frames the server sends; `readFrame` parses what
 * clients send without touching any document, so a malformed frame is refused before it has effects.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type ClientFrame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; step: 'step2' | 'update' }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** Parses one client frame; throws on anything that is not a complete, known y-websocket message. */
export function readFrame(data: Uint8Array): ClientFrame {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) return { kind: 'sync-step1', stateVector: payload };
      if (sub === syncProtocol.messageYjsSyncStep2) return { kind: 'update', update: payload, step: 'step2' };
      if (sub === syncProtocol.messageYjsUpdate) return { kind: 'update', update: payload, step: 'update' };
      throw new Error(`unknown sync message type ${sub}`);
    }
    case MESSAGE_AWARENESS:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MESSAGE_QUERY_AWARENESS:
      return { kind: 'query-awareness' };
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

export function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

export function syncStep2Frame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}

/**
 * y-protocols' auth message "permission denied": the stock provider logs the reason, and a custom
 * client can show it. Sent once to a read-only connection whose update was refused.
 */
export function permissionDeniedFrame(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AUTH);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
}
