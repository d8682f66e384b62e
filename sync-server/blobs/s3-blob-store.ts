/**
 * Blobs in an S3-compatible bucket under `<prefix><scope>/<sha256>`. Credentials come from the AWS
 * SDK's default chain (environment, shared config, instance role), never from the command line.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type * as S3 from '@aws-sdk/client-s3';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { lazyRequire } from '../lazy-require.js';
import type { BlobInfo, BlobStore } from './blob-store.js';

const loadS3 = lazyRequire<typeof S3>('@aws-sdk/client-s3');

export interface S3BlobStoreOptions {
  bucket: string;
  prefix?: string;
  endpoint?: string;
  region?: string;
  /** Path-style URLs (MinIO, s3rver and most self-hosted S3). */
  forcePathStyle?: boolean;
  credentials?: S3ClientConfig['credentials'];
}

function isMissing(e: unknown): boolean {
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const { NotFound, NoSuchKey } = loadS3();
  return e instanceof NotFound || e instanceof NoSuchKey || status === 404;
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly s3 = loadS3();

  constructor(private readonly opts: S3BlobStoreOptions) {
    this.client = new this.s3.S3Client({
      region: opts.region ?? 'us-east-1',
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      forcePathStyle: opts.forcePathStyle ?? !!opts.endpoint,
      // The SDK's default streams uploads with aws-chunked trailing checksums, which many S3-compatible
      // servers (s3rver, older MinIO, Ceph) store verbatim, framing and all. We verify SHA-256 ourselves.
      ...(opts.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
    });
  }

  private key(scope: string, sha256: string): string {
    return `${this.opts.prefix ?? ''}${scope}/${sha256}`;
  }

  async head(scope: string, sha256: string): Promise<BlobInfo | null> {
    try {
      const r = await this.client.send(new this.s3.HeadObjectCommand({ Bucket: this.opts.bucket, Key: this.key(scope, sha256) }));
      return { size: r.ContentLength ?? 0 };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async put(scope: string, sha256: string, file: string, size: number): Promise<void> {
    await this.client.send(
      new this.s3.PutObjectCommand({ Bucket: this.opts.bucket, Key: this.key(scope, sha256), Body: fs.createReadStream(file), ContentLength: size, ContentType: 'application/octet-stream' }),
    );
  }

  async get(scope: string, sha256: string): Promise<{ size: number; body: Readable } | null> {
    try {
      const r = await this.client.send(new this.s3.GetObjectCommand({ Bucket: this.opts.bucket, Key: this.key(scope, sha256) }));
      return { size: r.ContentLength ?? 0, body: r.Body as Readable };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
