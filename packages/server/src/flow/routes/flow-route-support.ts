/** Shared pieces of the flow routes: path parameters and who may import for which partner. */
import { z } from 'zod';
import type { ChainAccess } from '../../auth/caller.ts';
import { chainParamsSchema } from '../../routes/api-instance.ts';
import type { ImportScope } from '../services/import-event-file.ts';

/** `:chainId` and `:importId`. */
export const importParamsSchema = chainParamsSchema.extend({
  importId: z.string().describe('Id of the import'),
});

/** `:chainId` and `:linkId`. */
export const flowLinkParamsSchema = chainParamsSchema.extend({
  linkId: z.string().describe('Id or key of the link'),
});

/** `?limit=` of case lists. */
export const caseListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(500).describe('Most cases to list'),
});

/**
 * Directors and analysts import for any partner of the chain; everyone else (a partner contact,
 * a partner system's API token) only for the partners its organisation stands for.
 */
export function importScopeOf(access: ChainAccess): ImportScope {
  return {
    allPartners: access.roles.includes('director') || access.roles.includes('analyst'),
    partnerIds: access.partnerIds,
  };
}
