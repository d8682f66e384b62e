/**
 * A sync server is entered as one address (https://sync.example.com, or ws://127.0.0.1:1234); the
 * WebSocket provider needs its ws(s):// form and the admin and blob APIs its http(s):// form.
 */
import { UdashError } from '../../shared/errors.js';

function parse(serverUrl: string): URL {
  try {
    return new URL(serverUrl);
  } catch {
    throw new UdashError('BAD_INPUT', `"${serverUrl}" is not a sync server address`, { field: 'serverUrl' });
  }
}

function withProtocol(serverUrl: string, map: Record<string, string>): string {
  const u = parse(serverUrl);
  const protocol = map[u.protocol];
  if (!protocol) throw new UdashError('BAD_INPUT', `A sync server address starts with https://, http://, wss:// or ws://, not ${u.protocol}`, { field: 'serverUrl' });
  const path = u.pathname.replace(/\/+$/, '');
  return `${protocol}//${u.host}${path}`;
}

/** The address the WebSocket provider connects to (the room name is appended to it). */
export function wsBase(serverUrl: string): string {
  return withProtocol(serverUrl, { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' });
}

/** The address of the admin API and the blob store. */
export function httpBase(serverUrl: string): string {
  return withProtocol(serverUrl, { 'http:': 'http:', 'https:': 'https:', 'ws:': 'http:', 'wss:': 'https:' });
}

/** How the address is stored and shown: the http(s) form without a trailing slash. */
export function normalizeServerUrl(serverUrl: string): string {
  return httpBase(serverUrl.trim());
}
