/**
 * The app's side of tracking and attachment links, talking to the tracking endpoints of the sync
 * server (sync-server/tracking). Push: report files are uploaded so a signed link can serve them for 7
 * days. Pull: opens, clicks and downloads are fetched after the last one seen and stored in the run's
 * history. Tokens are signed here with the key shared with the server; nothing is stored server-side
 * about recipients beyond the ids inside the tokens.
 */
import { UdashError } from '../../../shared/errors.js';
import { SEVEN_DAYS_MS, signClaim } from '../../../sync-server/tracking/tokens.js';
import type { StoredEvent } from '../../../sync-server/tracking/event-store.js';

export interface TrackingServer {
  url: string;
  key: string;
}

export class TrackingClient {
  private readonly base: string;
  constructor(
    private readonly server: TrackingServer,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.base = server.url.replace(/\/+$/, '');
  }

  openPixelUrl(w: string, r: string, d: string): string {
    return `${this.base}/t/o/${signClaim({ k: 'o', w, r, d }, this.server.key)}.gif`;
  }

  clickUrl(w: string, r: string, d: string, u: string): string {
    return `${this.base}/t/c/${signClaim({ k: 'c', w, r, d, u }, this.server.key)}`;
  }

  fileUrl(w: string, r: string, fileKey: string, d?: string): string {
    return `${this.base}/t/f/${signClaim({ k: 'f', w, r, f: fileKey, exp: this.now() + SEVEN_DAYS_MS, ...(d ? { d } : {}) }, this.server.key)}`;
  }

  static fileKey(w: string, r: string, name: string): string {
    const safe = name.replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^[.\s]+/, '').slice(0, 160) || 'report';
    return `${w}/${r}/${safe}`;
  }

  async upload(w: string, r: string, file: { name: string; contentType: string; content: Buffer }, signal?: AbortSignal): Promise<string> {
    const key = TrackingClient.fileKey(w, r, file.name);
    const token = signClaim({ k: 'u', w, f: key, exp: this.now() + 10 * 60_000 }, this.server.key);
    const res = await this.request(`${this.base}/t/files/${key.split('/').map(encodeURIComponent).join('/')}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.contentType, 'X-File-Name': encodeURIComponent(file.name) },
      body: new Blob([new Uint8Array(file.content)]),
      ...(signal ? { signal } : {}),
    });
    if (res.status !== 201) throw new UdashError('UNAVAILABLE', `The tracking server refused the report file ${file.name} (HTTP ${res.status})`);
    return key;
  }

  async pull(w: string, after: number, signal?: AbortSignal): Promise<{ events: StoredEvent[]; next: number }> {
    const token = signClaim({ k: 'e', w, exp: this.now() + 5 * 60_000 }, this.server.key);
    const res = await this.request(`${this.base}/t/events?after=${after}&limit=1000`, { headers: { Authorization: `Bearer ${token}` }, ...(signal ? { signal } : {}) });
    if (res.status !== 200) throw new UdashError('UNAVAILABLE', `The tracking server did not answer the events request (HTTP ${res.status}); is the signing key the same on both sides?`);
    return (await res.json()) as { events: StoredEvent[]; next: number };
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(30_000) });
    } catch (e) {
      throw new UdashError('UNAVAILABLE', `The tracking server ${this.base} could not be reached (${e instanceof Error ? e.message : String(e)})`);
    }
  }
}

/** Per-recipient tracking in an email's HTML: tracked links and the open pixel. */
export function personalise(html: string, link: (url: string) => string, pixelUrl: string): string {
  const linked = html.replace(/<a ([^>]*?)data-udash-link(="")? ([^>]*?)href="([^"]+)"/g, (_m, a: string, _e: string, b: string, href: string) => `<a ${a}${b}href="${link(href.replace(/&amp;/g, '&')).replace(/&/g, '&amp;')}"`);
  const pixel = `<img src="${pixelUrl}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`;
  return linked.includes('</body>') ? linked.replace('</body>', `${pixel}</body>`) : linked + pixel;
}
