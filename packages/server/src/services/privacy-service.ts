/** The privacy settings of a chain: today its small-cell threshold. */
import { notFound } from '@ketenregie/core';
import type { Database } from '../db/database.ts';
import type { Actor } from '../auth/actor.ts';
import { setSmallCellThreshold } from '../repositories/privacy-repository.ts';
import { recordAudit } from './audit-service.ts';
import { runChange } from './run-change.ts';

/** Changes the threshold below which aggregates are withheld, recording the change. */
export async function updateSmallCellThreshold(
  db: Database,
  actor: Actor,
  chainId: string,
  threshold: number,
): Promise<void> {
  await runChange(db, async (tx) => {
    const before = await setSmallCellThreshold(tx, chainId, threshold);
    if (before === null) {
      throw notFound('Chain');
    }
    await recordAudit(tx, actor, {
      action: 'privacy.update',
      targetType: 'chain',
      targetId: chainId,
      chainId,
      details: { smallCellThreshold: { from: before, to: threshold } },
    });
  });
}
