import type { Client } from '../transport/client.js';

/**
 * Hands a produced file (export, report) to the user: the desktop app asks where to save it
 * (downloads.save); the browser downloads it from the host's /downloads/<id> URL.
 * Returns a line for a toast, or null when the user cancelled the save dialog.
 */
export async function deliverDownload(client: Client, d: { downloadId: string; fileName: string }): Promise<string | null> {
  const url = client.downloadUrl(d.downloadId);
  if (url) {
    const a = document.createElement('a');
    a.href = url;
    a.download = d.fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return `Downloading ${d.fileName}`;
  }
  const r = await client.call('downloads.save', { downloadId: d.downloadId });
  return r.saved ? `Saved ${r.path ?? d.fileName}` : null;
}
