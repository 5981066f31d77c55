/**
 * The embedded database: PostgreSQL compiled to WebAssembly (PGlite), in a data directory on disk
 * or in memory. It is a single connection; PGlite queues concurrent queries and holds the queue
 * for the duration of a transaction, so transactions are serialised.
 */
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DomainError } from '@ketenregie/core';
import { normaliseRow, type Database, type Queryable, type Row } from './database.ts';

/** Where the embedded database keeps its files and how it starts. */
export interface PgliteOptions {
  /** Directory of the database files; `null` keeps everything in memory (tests). */
  readonly dataDir: string | null;
  /** A data directory saved with `dumpDataDir()`, to start from a prepared state quickly (tests). */
  readonly loadDataDir?: Blob;
}

/** The embedded database plus the one thing only it can do: dump its files. */
export interface PgliteDatabase extends Database {
  readonly kind: 'pglite';
  /** Snapshot of the whole data directory, for cloning prepared databases in tests. */
  dumpDataDir(): Promise<Blob>;
}

const PG_INT8 = 20;

/** Opens (creating when needed) an embedded PGlite database. Always `close()` it: an open file-backed instance keeps Node alive. */
export async function openPgliteDatabase(options: PgliteOptions): Promise<PgliteDatabase> {
  const releaseLock = options.dataDir === null ? () => Promise.resolve() : await lockDataDir(options.dataDir);
  let pg: PGlite;
  try {
    if (options.dataDir !== null) {
      await mkdir(options.dataDir, { recursive: true });
    }
    pg = await PGlite.create({
      ...(options.dataDir === null ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
      parsers: { [PG_INT8]: (value: string) => Number(value) },
    });
  } catch (error) {
    await releaseLock();
    throw error;
  }

  const queryOn = async <T extends Row>(
    target: PGlite | Transaction,
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T[]> => {
    const result = await target.query<Row>(sql, [...params]);
    return result.rows.map((row) => normaliseRow<T>(row));
  };

  const copyFromOn = async (
    target: PGlite | Transaction,
    sql: string,
    data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ): Promise<void> => {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for await (const chunk of data) parts.push(Uint8Array.from(chunk));
    await target.query(toBlobDevice(sql), [], { blob: new Blob(parts) });
  };

  async function* copyToOn(target: PGlite | Transaction, sql: string): AsyncGenerator<Uint8Array> {
    const result = await target.query(toBlobDevice(sql));
    if (result.blob !== undefined) {
      yield new Uint8Array(await result.blob.arrayBuffer());
    }
  }

  let closing: Promise<void> | null = null;
  return {
    kind: 'pglite',
    query: (sql, params) => queryOn(pg, sql, params),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    copyFrom: (sql, data) => copyFromOn(pg, sql, data),
    copyTo: (sql) => copyToOn(pg, sql),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      pg.transaction((tx) =>
        fn({
          query: (sql, params) => queryOn(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
          copyFrom: (sql, data) => copyFromOn(tx, sql, data),
          copyTo: (sql) => copyToOn(tx, sql),
        }),
      ),
    dumpDataDir: () => pg.dumpDataDir('none'),
    close: () => {
      closing ??= (async () => {
        try {
          if (!pg.closed) {
            await pg.close();
          }
        } finally {
          await releaseLock();
        }
      })();
      return closing;
    },
  };
}

/** PGlite has no client connection to stream COPY data over: it reads and writes its blob device instead. */
function toBlobDevice(sql: string): string {
  return sql.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'").replace(/\bTO\s+STDOUT\b/i, "TO '/dev/blob'");
}

/**
 * Claims a data directory for this process with a lock file next to it (`<dataDir>.lock`, holding
 * the process id). Two processes on one PGlite directory silently lose writes, so a second one is
 * refused with `unavailable`; a lock left by a process that no longer runs is taken over.
 * Returns the function that releases the lock.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${dataDir}.lock`;
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return async () => {
        await unlink(lockFile).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new DomainError(
        'unavailable',
        `The data directory ${dataDir} is in use by another Ketenregie process (pid ${holder}); stop that process or set KETENREGIE_DATA to another directory`,
      );
    }
    if (holder === process.pid) {
      throw new DomainError('unavailable', `The data directory ${dataDir} is already open in this process`);
    }
    await unlink(lockFile).catch(() => undefined);
  }
  throw new DomainError('unavailable', `Could not lock the data directory ${dataDir}`);
}

/** Whether a process with this id exists (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
