/**
 * Names for the schemas that many routes share, so the OpenAPI description lists each once under
 * `components.schemas` and refers to it, instead of repeating it in every operation. The registry
 * belongs to the server (not zod's global one), so nothing else can collide with these names.
 */
import {
  chainDetailSchema,
  chainModelSchema,
  chainSchema,
  chainSummarySchema,
  linkSchema,
  partnerSchema,
  trajectoryStatsSchema,
} from '@ketenregie/core';
import { z } from 'zod';
import { errorResponseSchema } from './error-response.ts';

/** Registry of named API schemas, handed to the OpenAPI transforms. */
export const openApiRegistry = z.registry<{ id: string }>();

openApiRegistry.add(errorResponseSchema, { id: 'ErrorResponse' });
openApiRegistry.add(chainSchema, { id: 'Chain' });
openApiRegistry.add(chainSummarySchema, { id: 'ChainSummary' });
openApiRegistry.add(chainDetailSchema, { id: 'ChainDetail' });
openApiRegistry.add(partnerSchema, { id: 'Partner' });
openApiRegistry.add(linkSchema, { id: 'Link' });
openApiRegistry.add(trajectoryStatsSchema, { id: 'TrajectoryStats' });
openApiRegistry.add(chainModelSchema, { id: 'ChainModel' });
