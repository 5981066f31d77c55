/**
 * Receives an uploaded file as a stream into a temporary file, computing its SHA-256 and size on
 * the way, and refusing it as soon as it exceeds the limit — so a file of hundreds of megabytes
 * never sits in memory. The temporary file keeps the upload's name (made safe), so messages about
 * it and the format guess use the name the user knows.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@ketenregie/core';

/** An upload on disk; call {@link ReceivedUpload.remove} when done with it. */
export interface ReceivedUpload {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  remove(): Promise<void>;
}

/** The default limit of one upload: 512 MiB. */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 512 * 1024 * 1024;

/** A file name that is safe as a single path component, keeping its extension. */
export function safeFileName(name: string): string {
  const base = path
    .basename(name.replaceAll('\\', '/'))
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .trim();
  const cleaned = base.replace(/^\.+/, '');
  return cleaned === '' ? 'upload' : cleaned.slice(-200);
}

function tooLarge(limitBytes: number): DomainError {
  return new DomainError(
    'payload_too_large',
    `The file is larger than the limit of ${Math.round(limitBytes / 1024 / 1024)} MiB`,
    [{ path: 'file', message: `at most ${limitBytes} bytes` }],
  );
}

/** Streams `source` into a temporary file named `fileName`; refuses more than `limitBytes`. */
export async function receiveUpload(
  source: Readable,
  fileName: string,
  limitBytes: number,
  declaredBytes?: number,
): Promise<ReceivedUpload> {
  if (declaredBytes !== undefined && declaredBytes > limitBytes) {
    source.resume();
    throw tooLarge(limitBytes);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-upload-'));
  const file = path.join(dir, safeFileName(fileName));
  const remove = () => rm(dir, { recursive: true, force: true });
  const digest = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limitBytes) {
        callback(tooLarge(limitBytes));
        return;
      }
      digest.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(file));
  } catch (error) {
    await remove();
    source.resume();
    throw error;
  }
  if (bytes === 0) {
    await remove();
    throw new DomainError('validation_failed', 'The upload is empty; send the file as the request body', [
      { path: 'file', message: 'no bytes received' },
    ]);
  }
  return { path: file, sha256: digest.digest('hex'), bytes, remove };
}
