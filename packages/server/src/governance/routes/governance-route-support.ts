/**
 * What the governance route files share: the access rule of each route, the path parameters, and
 * the one place where a request becomes the GovernanceActor the services record and check.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ChainPermission, RouteAccessConfig } from '../../http/route-access.ts';
import { chainParamsSchema } from '../../routes/api-instance.ts';
import { actorOf as auditActorOf, requireChainAccess } from '../../http/request-context.ts';
import type { GovernanceActor } from '../services/governance-actor.ts';

/** `config` of a route on one chain that requires `permission` there. */
export function chainAccess(permission: ChainPermission): RouteAccessConfig {
  return { access: { scope: 'chain', permission } };
}

/** `:chainId/indicators/:indicatorId`. */
export const indicatorParamsSchema = chainParamsSchema.extend({
  indicatorId: z.string().describe('Id of the indicator'),
});

/** `:chainId/agreements/:agreementId`. */
export const agreementParamsSchema = chainParamsSchema.extend({
  agreementId: z.string().describe('Id of the agreement'),
});

/** `:chainId/course-check/rounds/:roundId`. */
export const roundParamsSchema = chainParamsSchema.extend({
  roundId: z.string().describe('Id of the course-check round'),
});

/** `:chainId/business-case/lines/:lineId`. */
export const lineParamsSchema = chainParamsSchema.extend({
  lineId: z.string().describe('Id of the business-case line'),
});

/** `:chainId/interventions/:interventionId`. */
export const interventionParamsSchema = chainParamsSchema.extend({
  interventionId: z.string().describe('Id of the intervention'),
});

/**
 * The actor of a governance request, from what the access hook resolved: a director speaks for
 * every partner of the chain, a partner contact or a partner system's API token only for the
 * partners that stand for its own organisation. Histories record the user's display name, or the
 * name of the API token; measurements pushed with a token are recorded with source `api`.
 */
export function requestActor(request: FastifyRequest): GovernanceActor {
  const access = requireChainAccess(request);
  const caller = request.caller;
  const name =
    caller === null ? 'onbekend' : caller.kind === 'user' ? caller.displayName : `API-token "${caller.name}"`;
  return {
    name,
    partnerIds: access.roles.includes('director') ? 'all' : access.partnerIds,
    viaApiToken: caller?.kind === 'token',
    audit: auditActorOf(request),
  };
}
