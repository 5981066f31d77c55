/**
 * The database port: the few operations repositories need, with one implementation on embedded
 * PGlite and one on a PostgreSQL server. Rows come back normalised the same way on both:
 * timestamps as ISO 8601 strings, `bigint` counts as numbers.
 */

/** One row as the database returns it, column name to value. */
export type Row = Record<string, unknown>;

/** Which engine sits behind the port; reported by the health check. */
export type DatabaseKind = 'pglite' | 'postgres';

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parametrised statement (`$1`, `$2`, …) and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk load with `COPY … FROM STDIN`: `data` yields one complete COPY stream in the format the
   * statement names (for the binary format: header, rows, trailer). PGlite reads it from its blob
   * device, so there the whole stream is held in memory once; callers load large sets in batches.
   * Optional: a port without it makes callers fall back to multi-row inserts.
   */
  copyFrom?(sql: string, data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void>;
  /** Bulk read with `COPY (…) TO STDOUT`: the COPY output, chunk by chunk. Optional, as {@link copyFrom}. */
  copyTo?(sql: string): AsyncIterable<Uint8Array>;
}

/** A connection to the database (a pool for PostgreSQL, one embedded instance for PGlite). */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `fn` inside one transaction: committed when it resolves, rolled back when it throws.
   * Everything the transaction does must go through the `tx` it receives: on PGlite a query sent
   * to the database itself waits until the transaction ends, so it would never return.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases the connection(s); the embedded database flushes and closes its data directory. */
  close(): Promise<void>;
}

/** Converts driver values to the shapes the rest of the server expects. */
export function normaliseRow<T extends Row>(row: Row): T {
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (value instanceof Date) {
      row[key] = value.toISOString();
    } else if (typeof value === 'bigint') {
      row[key] = Number(value);
    }
  }
  return row as T;
}
