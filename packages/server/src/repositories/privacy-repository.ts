/** SQL for the privacy settings stored on `chains`. */
import type { Queryable } from '../db/database.ts';

/** Sets the small-cell threshold of a chain; returns the previous value (null when the chain is gone). */
export async function setSmallCellThreshold(q: Queryable, chainId: string, threshold: number): Promise<number | null> {
  const rows = await q.query<{ before: number }>(
    'SELECT small_cell_threshold AS before FROM chains WHERE id = $1 FOR UPDATE',
    [chainId],
  );
  const before = rows[0]?.before;
  if (before === undefined) {
    return null;
  }
  await q.query('UPDATE chains SET small_cell_threshold = $2 WHERE id = $1', [chainId, threshold]);
  return before;
}
