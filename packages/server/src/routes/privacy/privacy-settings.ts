/**
 * GET and PUT /api/v1/chains/:chainId/privacy — the chain's small-cell threshold: aggregates over
 * fewer cases are withheld from partners and viewers. Every member reads it; directors change it.
 */
import { SMALL_CELL_THRESHOLD_RANGE } from '@ketenregie/core';
import { z } from 'zod';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { updateSmallCellThreshold } from '../../services/privacy-service.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** The privacy settings of a chain. */
export const privacySettingsSchema = z
  .object({
    smallCellThreshold: z
      .number()
      .int()
      .min(SMALL_CELL_THRESHOLD_RANGE.min)
      .max(SMALL_CELL_THRESHOLD_RANGE.max)
      .describe(
        'Aggregates over fewer cases than this are withheld from roles without case-level access; 1 switches this off',
      ),
  })
  .describe('PrivacySettings');

/** Route schema of the read. */
export const getPrivacySettingsSchema = {
  tags: ['privacy'],
  summary: 'Read the privacy settings of a chain',
  operationId: 'getPrivacySettings',
  params: chainParamsSchema,
  response: { 200: privacySettingsSchema, ...errorResponses(401, 403, 404) },
};

/** Route schema of the change. */
export const updatePrivacySettingsSchema = {
  tags: ['privacy'],
  summary: 'Change the privacy settings of a chain',
  operationId: 'updatePrivacySettings',
  params: chainParamsSchema,
  body: privacySettingsSchema,
  response: { 200: privacySettingsSchema, ...errorResponses(400, 401, 403, 404, 413) },
};

/** Registers both routes. */
export function registerPrivacySettings(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/privacy',
    { schema: getPrivacySettingsSchema, config: { access: { scope: 'chain', permission: 'chain.read' } } },
    (request) => ({ smallCellThreshold: requireChainAccess(request).smallCellThreshold }),
  );
  app.put(
    '/api/v1/chains/:chainId/privacy',
    { schema: updatePrivacySettingsSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request) => {
      const { smallCellThreshold } = request.body;
      await updateSmallCellThreshold(ctx.db, actorOf(request), requireChainAccess(request).chainId, smallCellThreshold);
      return { smallCellThreshold };
    },
  );
}
