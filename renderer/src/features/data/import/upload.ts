/**
 * Sends a file picked in the UI to main in ~1 MB chunks (uploads.begin, then uploads.chunk with base64
 * data and the byte offset), reporting progress and stopping when aborted. Both transports carry it:
 * IPC and the WebSocket have no file channel, and 1 MB chunks keep each frame small.
 */
import type { Client } from '../../../transport/client.js';

export const CHUNK_BYTES = 1024 * 1024;

/** Byte ranges [start, end) covering `size` in chunks of `chunk` bytes. */
export function chunkRanges(size: number, chunk = CHUNK_BYTES): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < size; start += chunk) out.push([start, Math.min(size, start + chunk)]);
  return out;
}

function toBase64(blob: Blob): Promise<string> {
  // FileReader's data URL is native base64: much faster than btoa over a binary string for 1 MB.
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const s = String(r.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error('The file could not be read'));
    r.readAsDataURL(blob);
  });
}

export async function uploadFile(client: Client, file: File, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<string> {
  const { uploadId } = await client.call('uploads.begin', { name: file.name, size: file.size });
  onProgress(0, file.size);
  for (const [start, end] of chunkRanges(file.size)) {
    if (signal?.aborted) throw new DOMException('Upload cancelled', 'AbortError');
    const data = await toBase64(file.slice(start, end));
    await client.call('uploads.chunk', { uploadId, offset: start, data });
    onProgress(end, file.size);
  }
  return uploadId;
}
