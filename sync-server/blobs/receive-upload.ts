/**
 * Spools an upload to a temporary file while hashing it, stopping as soon as it exceeds the limit.
 * The blob is stored only after its SHA-256 matched the name it was uploaded under.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UdashError } from '../../shared/errors.js';

export interface ReceivedUpload {
  file: string;
  size: number;
  sha256: string;
}

export async function receiveUpload(req: http.IncomingMessage, dir: string, limit: number): Promise<ReceivedUpload> {
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, `upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > limit) return cb(new UdashError('LIMIT', `The blob is larger than the server's limit of ${limit} bytes`, { limit }));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(req, meter, fs.createWriteStream(file, { flags: 'wx' }));
  } catch (e) {
    await fsp.rm(file, { force: true });
    if (e instanceof UdashError) throw e;
    throw new UdashError('BAD_INPUT', 'The upload was interrupted');
  }
  return { file, size, sha256: hash.digest('hex') };
}
