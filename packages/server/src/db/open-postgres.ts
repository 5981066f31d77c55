/**
 * A PostgreSQL server reached through a `pg` connection pool. With it the API holds no state of
 * its own and can run as several replicas.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin, to as copyToStdout } from 'pg-copy-streams';
import { DomainError } from '@ketenregie/core';
import { normaliseRow, type Database, type Queryable, type Row } from './database.ts';

/** How to reach the server. */
export interface PostgresOptions {
  readonly connectionString: string;
  /** Schema to work in instead of `public` (tests give every file its own). */
  readonly searchPath?: string;
  /** Largest number of pooled connections. */
  readonly maxConnections?: number;
}

const PG_INT8 = 20;

/** Driver type parsers: `bigint` counts become numbers (they stay far below 2^53); the rest as pg parses them. */
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === PG_INT8 && format !== 'binary') {
      return (value: string): number => Number(value);
    }
    const parser = pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
    return parser;
  },
};

/** Opens a connection pool and checks that the server answers. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    types: typeParsers,
    ...(options.searchPath === undefined ? {} : { options: `-c search_path=${options.searchPath}` }),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that would crash the process.
  pool.on('error', () => undefined);

  const queryOn = async <T extends Row>(
    target: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T[]> => {
    const result = await target.query<Row>(sql, [...params]);
    return result.rows.map((row) => normaliseRow<T>(row));
  };

  const copyFromOn = async (
    client: pg.PoolClient,
    sql: string,
    data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ): Promise<void> => {
    await pipeline(Readable.from(data, { objectMode: false }), client.query(copyFromStdin(sql)));
  };

  async function* copyToOn(client: pg.PoolClient, sql: string): AsyncGenerator<Uint8Array> {
    for await (const chunk of client.query(copyToStdout(sql)) as AsyncIterable<Buffer>) {
      yield chunk;
    }
  }

  /** Runs `fn` on a client of its own (COPY needs one connection for its whole stream). */
  async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  }

  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new DomainError(
      'unavailable',
      `Cannot reach PostgreSQL at ${describeTarget(options.connectionString)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  let closing: Promise<void> | null = null;
  return {
    kind: 'postgres',
    query: (sql, params) => queryOn(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    copyFrom: (sql, data) => withClient((client) => copyFromOn(client, sql, data)),
    copyTo: async function* (sql) {
      const client = await pool.connect();
      try {
        yield* copyToOn(client, sql);
      } finally {
        client.release();
      }
    },
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params) => queryOn(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
          copyFrom: (sql, data) => copyFromOn(client, sql, data),
          copyTo: (sql) => copyToOn(client, sql),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}

/** `host:port/database` of a connection string, without user or password, for error messages. */
function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}
