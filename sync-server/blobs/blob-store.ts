/**
 * Content-addressed blobs (dataset snapshots, widget packages), scoped to a workspace: the key is
 * (scope, SHA-256 of the content). The HTTP layer verifies the hash before `put`, so a store only
 * ever holds content that matches its name. Two implementations: a folder on disk and S3.
 */
import type { Readable } from 'node:stream';

export const SHA256_RE = /^[0-9a-f]{64}$/;

export interface BlobInfo {
  size: number;
}

export interface BlobStore {
  readonly kind: 'disk' | 's3';
  head(scope: string, sha256: string): Promise<BlobInfo | null>;
  /** Stores a verified file (moved or copied; the caller deletes `file` afterwards if it still exists). */
  put(scope: string, sha256: string, file: string, size: number): Promise<void>;
  get(scope: string, sha256: string): Promise<{ size: number; body: Readable } | null>;
  close(): Promise<void>;
}
