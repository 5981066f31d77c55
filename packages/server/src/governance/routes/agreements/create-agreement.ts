/** POST /api/v1/chains/:chainId/agreements — register an agreement. */
import { agreementSchema, createAgreementInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { createAgreement } from '../../services/agreement-service.ts';
import { chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 400 naming the field. */
export const createAgreementSchema = {
  tags: ['agreements'],
  summary: 'Register an agreement (covenant, commitment declaration, functional, data-sharing or financial)',
  operationId: 'createAgreement',
  params: chainParamsSchema,
  body: createAgreementInputSchema,
  response: { 201: agreementSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerCreateAgreement(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/agreements',
    { schema: createAgreementSchema, config: chainAccess('governance.manage') },
    async (request, reply) =>
      reply.code(201).send(await createAgreement(ctx.db, request.params.chainId, request.body, requestActor(request))),
  );
}
