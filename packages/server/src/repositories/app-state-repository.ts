/** SQL for `app_state`: small facts about the installation, as JSON values under a key. */
import type { Queryable } from '../db/database.ts';

/** Reads a stored value, or null when the key was never written. */
export async function findAppState(q: Queryable, key: string): Promise<unknown> {
  const rows = await q.query<{ value: unknown }>('SELECT value FROM app_state WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

/** Writes a value under a key, replacing what was there. */
export async function setAppState(q: Queryable, key: string, value: unknown): Promise<void> {
  await q.query(
    `INSERT INTO app_state (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}
