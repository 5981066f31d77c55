/**
 * Streams a file as byte chunks, transparently gunzipping `.gz` files, with progress in bytes of
 * the file on disk. Plain files are read into two reused buffers (the next chunk is read while the
 * current one is processed): a consumer must copy whatever it keeps from a chunk before asking
 * for the next one.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { DomainError } from '@ketenregie/core/errors';

/** Called after each chunk with the bytes of the file read so far and its size. */
export type ProgressListener = (bytesRead: number, totalBytes: number) => void;

/** How to read a file. */
export interface ReadFileChunksOptions {
  /** Gunzip the file; default: when its name ends in `.gz`. */
  readonly gzip?: boolean | undefined;
  readonly onProgress?: ProgressListener | undefined;
  /** Size of the chunks of a plain file; default 1 MiB. */
  readonly chunkBytes?: number | undefined;
}

function cannotRead(path: string, error: unknown): DomainError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'the file does not exist'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR'
            ? 'it is not a valid gzip file'
            : (error as Error).message;
  return new DomainError('validation_failed', `cannot read ${path}: ${reason}`, [
    { file: basename(path), path: '', message: reason },
  ]);
}

/** The size of a file in bytes, or a `DomainError` naming the file when it cannot be read. */
export async function getFileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return info.size;
  } catch (error) {
    throw cannotRead(path, error);
  }
}

/** Yields the (decompressed) bytes of the file at `path`, chunk by chunk. */
export async function* readFileChunks(path: string, options: ReadFileChunksOptions = {}): AsyncGenerator<Uint8Array> {
  const totalBytes = await getFileSize(path);
  const gzip = options.gzip ?? path.toLowerCase().endsWith('.gz');
  const onProgress = options.onProgress;
  if (gzip) {
    const source = createReadStream(path);
    const gunzip = createGunzip();
    source.on('error', (error) => gunzip.destroy(error));
    source.pipe(gunzip);
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) {
        yield chunk;
        onProgress?.(source.bytesRead, totalBytes);
      }
    } catch (error) {
      throw cannotRead(path, error);
    } finally {
      source.destroy();
    }
    return;
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    // Two buffers: the next chunk is read while the consumer works on the current one.
    const size = options.chunkBytes ?? 1 << 20;
    let current = new Uint8Array(size);
    let next = new Uint8Array(size);
    let bytesRead = 0;
    let pending = handle.read(current, 0, size, null);
    for (;;) {
      const { bytesRead: n } = await pending;
      if (n === 0) break;
      bytesRead += n;
      pending = handle.read(next, 0, size, null);
      yield current.subarray(0, n);
      onProgress?.(bytesRead, totalBytes);
      const swap = current;
      current = next;
      next = swap;
    }
  } finally {
    await handle.close();
  }
}
