/** Types and schemas shared by the route files. */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The fastify instance the routes are registered on, typed by their zod schemas. */
export type ApiInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** `:chainId` accepts the chain's id or its slug. */
export const chainParamsSchema = z.object({
  chainId: z.string().describe('Id (UUID) or slug of the chain'),
});

/** `?version=N` on deletes: the version of the row the user saw. */
export const versionQuerySchema = z.object({
  version: z
    .string({ error: 'the version you are deleting is required, e.g. ?version=3' })
    .regex(/^[1-9]\d{0,9}$/, 'must be a whole number from 1')
    .transform(Number)
    .describe('Version of the row that the deletion is based on'),
});

/** Response of a successful delete. */
export const noContentSchema = z.undefined().describe('Deleted');
