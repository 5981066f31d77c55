/** POST /api/v1/admin/invitations — invite someone, optionally as administrator or with a role on any chain (administrators). */
import { CHAIN_ROLES, notFound } from '@ketenregie/core';
import { z } from 'zod';
import { findChainAccessTarget } from '../../auth/chain-access-service.ts';
import { emailSchema } from '../../auth/email.ts';
import { createInvitation } from '../../auth/invitation-service.ts';
import { createdInvitationSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { publicBaseUrl } from '../../http/public-url.ts';
import { actorOf } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema: the answer holds the single-use link, shown only now. */
export const createAdminInvitationSchema = {
  tags: ['administration'],
  summary: 'Invite a user (administrators)',
  operationId: 'createAdminInvitation',
  body: z.object({
    email: emailSchema,
    organisationId: z.string().nullable().default(null),
    makeAdmin: z.boolean().default(false),
    chain: z
      .object({
        chainId: z.string().describe('Id or slug of the chain'),
        role: z.enum(CHAIN_ROLES),
        partnerId: z.string().nullable().default(null),
      })
      .nullable()
      .default(null),
  }),
  response: { 201: createdInvitationSchema, ...errorResponses(400, 401, 403, 404, 413) },
};

/** Registers the route. */
export function registerCreateAdminInvitation(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/admin/invitations',
    { schema: createAdminInvitationSchema, config: { access: { scope: 'admin' } } },
    async (request, reply) => {
      const { chain, ...rest } = request.body;
      const target = chain === null ? null : await findChainAccessTarget(ctx.db, chain.chainId);
      if (chain !== null && target === null) {
        throw notFound('Chain');
      }
      const created = await createInvitation(
        ctx.db,
        actorOf(request),
        { ...rest, chain: chain === null || target === null ? null : { ...chain, chainId: target.id } },
        publicBaseUrl(request, ctx.auth),
      );
      return reply.code(201).send(created);
    },
  );
}
