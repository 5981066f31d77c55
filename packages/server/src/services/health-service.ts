/** Whether the server can do its work: today that means the database answers. */
import type { Database, DatabaseKind } from '../db/database.ts';

/** How long the health check waits for the database before calling it unavailable. */
export const HEALTH_TIMEOUT_MS = 3000;

/** The result of a health check, as the health endpoint reports it. */
export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly database: { readonly kind: DatabaseKind; readonly ok: boolean };
}

/** Asks the database a trivial question and reports whether it answered in time. */
export async function checkHealth(db: Database, timeoutMs = HEALTH_TIMEOUT_MS): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answer = db.query('SELECT 1 AS ok').then(
    () => true,
    () => false,
  );
  const ok = await Promise.race([answer, timeout]);
  clearTimeout(timer);
  return { status: ok ? 'ok' : 'unavailable', database: { kind: db.kind, ok } };
}
