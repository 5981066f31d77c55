/**
 * Hands a chain's pseudonymisation key to a partner, as a key file for `ketenregie pseudonymise`,
 * so the partner can pseudonymise at its own site and the identifier never leaves it. Only the
 * operator of the installation can do this (from the command line, with the database and the
 * master key at hand), and every export is recorded in the audit log. Whoever holds the key can
 * compute the pseudonym of any identifier they know: see docs/pseudonymisation.md.
 */
import { notFound } from '@ketenregie/core';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/database.ts';
import { formatPseudonymKeyFile } from '../../importers/pseudonymise-identifier.ts';
import { findChainByRef } from '../../repositories/chain-repository.ts';
import { recordAudit } from '../../services/audit-service.ts';
import { getChainPseudonymKey } from '../../services/pseudonym-key-service.ts';

/** The key file text of the chain's current key (created on first use); the export is audited. */
export async function exportPseudonymKeyFile(db: Database, actor: Actor, chainRef: string): Promise<string> {
  const chain = await findChainByRef(db, chainRef);
  if (chain === null) throw notFound('Chain');
  const key = await getChainPseudonymKey(db, chain.id);
  await recordAudit(db, actor, {
    action: 'pseudonym_key.export',
    targetType: 'chain',
    targetId: chain.id,
    chainId: chain.id,
    details: { version: key.version },
  });
  return formatPseudonymKeyFile({ chain: chain.slug, version: key.version, key: key.key });
}
