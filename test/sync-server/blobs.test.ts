/** One suite, two blob stores (a folder on disk, and S3 through s3rver), over authenticated HTTP. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import S3rver from 's3rver';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DiskBlobStore } from '../../sync-server/blobs/disk-blob-store.js';
import { S3BlobStore } from '../../sync-server/blobs/s3-blob-store.js';
import type { BlobStore } from '../../sync-server/blobs/blob-store.js';
import { startTestServer, tempDir } from './helpers/server.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function makeStore(kind: 'disk' | 's3'): Promise<BlobStore> {
  const dir = tempDir('udash-blobs-');
  if (kind === 'disk') return new DiskBlobStore(path.join(dir, 'blobs'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'udash-blobs' }] });
  const { port } = await s3.run();
  const store = new S3BlobStore({ bucket: 'udash-blobs', prefix: 'test/', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  onTestFinished(async () => {
    await store.close();
    await s3.close();
  });
  return store;
}

describe.each(['disk', 's3'] as const)('blobs over HTTP: %s', (kind) => {
  it('stores content under its SHA-256, serves it back, and refuses a body that does not match its name', async () => {
    const t = await startTestServer({ blobs: await makeStore(kind) });
    const editor = await t.token('editor', 'ws-a');
    const auth = { authorization: `Bearer ${editor.token}` };
    const body = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
    const hash = sha(body);
    const url = `${t.httpUrl}/blobs/${hash}`;

    expect((await fetch(url, { method: 'HEAD', headers: auth })).status).toBe(404);
    const put = await fetch(url, { method: 'PUT', headers: auth, body });
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ sha256: hash, size: body.length, created: true });
    const again = await fetch(url, { method: 'PUT', headers: auth, body });
    expect(again.status).toBe(200);
    expect((await again.json()).created).toBe(false);
    const head = await fetch(url, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(body.length));
    const got = await fetch(url, { headers: auth });
    expect(got.status).toBe(200);
    expect(sha(new Uint8Array(await got.arrayBuffer()))).toBe(hash);

    const other = new TextEncoder().encode('not what the name says');
    const liar = await fetch(`${t.httpUrl}/blobs/${sha(new TextEncoder().encode('something else'))}`, { method: 'PUT', headers: auth, body: other });
    expect(liar.status).toBe(400);
    expect((await liar.json()).error.code).toBe('BAD_DATA');
    expect((await fetch(`${t.httpUrl}/blobs/${sha(new TextEncoder().encode('something else'))}`, { method: 'HEAD', headers: auth })).status).toBe(404);
    expect((await fetch(`${t.httpUrl}/blobs/not-a-hash`, { headers: auth })).status).toBe(400);
  });

  it('enforces the size limit, read-only roles and workspace scopes', async () => {
    const t = await startTestServer({ blobs: await makeStore(kind), limits: { maxBlobBytes: 1000 } });
    const editorA = { authorization: `Bearer ${(await t.token('editor', 'ws-a')).token}` };
    const viewerA = { authorization: `Bearer ${(await t.token('viewer', 'ws-a')).token}` };
    const ownerB = { authorization: `Bearer ${(await t.token('owner', 'ws-b')).token}` };
    const admin = { authorization: `Bearer ${(await t.token('admin')).token}` };
    const small = new TextEncoder().encode('a dataset snapshot');
    const url = `${t.httpUrl}/blobs/${sha(small)}`;

    const big = new Uint8Array(5000);
    expect((await fetch(`${t.httpUrl}/blobs/${sha(big)}`, { method: 'PUT', headers: editorA, body: big })).status).toBe(413);
    expect((await fetch(`${t.httpUrl}/blobs/${sha(big)}`, { method: 'HEAD', headers: editorA })).status).toBe(404);

    expect((await fetch(url, { method: 'PUT', headers: viewerA, body: small })).status).toBe(403);
    expect((await fetch(url, { method: 'PUT', body: small })).status).toBe(401);
    expect((await fetch(url, { method: 'PUT', headers: editorA, body: small })).status).toBe(201);
    expect((await fetch(url, { headers: viewerA })).status).toBe(200);

    // B cannot see A's blob, and cannot ask for A's scope.
    expect((await fetch(url, { headers: ownerB })).status).toBe(404);
    expect((await fetch(`${url}?workspace=ws-a`, { headers: ownerB })).status).toBe(403);
    // An admin names the workspace.
    expect((await fetch(url, { headers: admin })).status).toBe(400);
    expect((await fetch(`${url}?workspace=ws-a`, { headers: admin })).status).toBe(200);
    expect((await fetch(`${url}?workspace=ws-b`, { headers: admin })).status).toBe(404);
  });
});
