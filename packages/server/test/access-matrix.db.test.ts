/**
 * The authorisation matrix: every operation of the OpenAPI description × every kind of caller ×
 * the caller's own chain and another chain, against the expected outcome derived from the table
 * below and core's ROLE_PERMISSIONS. An operation without an entry in the table fails the test,
 * and so does an operation whose declared access differs from its entry.
 *
 * Requests are probes that cannot destroy the fixtures: deletes carry a version that is never
 * current (409), updates likewise, creates an empty body (400), and ids other than the chain's
 * are random (404 "… not found"). "Allowed" therefore means: not 401, not 403, not the 404 that
 * hides a chain, and never 5xx.
 */
import { randomUUID } from 'node:crypto';
import { ROLE_PERMISSIONS, TOKEN_PURPOSE_PERMISSION, type ApiTokenPurpose, type ChainRole } from '@ketenregie/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createApiToken } from '../src/auth/api-token-service.ts';
import type { RouteAccess } from '../src/http/route-access.ts';
import { createChain } from '../src/services/chain-service.ts';
import { createLink } from '../src/services/link-service.ts';
import { createPartner } from '../src/services/partner-service.ts';
import { buildChainMember, buildUser, signIn } from './support/accounts.ts';
import { buildChainInput, buildLinkInput, buildPartnerInput } from './support/fixtures.ts';
import { createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

const pub: RouteAccess = { scope: 'public' };
const signedIn: RouteAccess = { scope: 'signed-in' };
const admin: RouteAccess = { scope: 'admin' };
const chain = (permission: Extract<RouteAccess, { scope: 'chain' }>['permission']): RouteAccess => ({
  scope: 'chain',
  permission,
});

/** The expected access rule of every operation, by operationId. A new route needs a line here. */
export const EXPECTED_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // health, session, invitations
  getHealth: pub,
  signIn: pub,
  signOut: pub,
  getSession: signedIn,
  getInvitation: pub,
  acceptInvitation: pub,
  // chains and the chain model
  listChains: signedIn,
  createChain: admin,
  importChainModel: admin,
  getChain: chain('chain.read'),
  getChainModel: chain('chain.read'),
  updateChain: chain('chain.manage'),
  deleteChain: chain('chain.manage'),
  createPartner: chain('chain.manage'),
  updatePartner: chain('chain.manage'),
  deletePartner: chain('chain.manage'),
  createLink: chain('chain.manage'),
  updateLink: chain('chain.manage'),
  deleteLink: chain('chain.manage'),
  reorderLinks: chain('chain.manage'),
  listTemplates: signedIn,
  createChainFromTemplate: admin,
  // members, invitations, tokens, privacy, audit of a chain
  listChainMembers: chain('chain.manage'),
  revokeChainMember: chain('chain.manage'),
  createChainInvitation: chain('chain.manage'),
  listChainInvitations: chain('chain.manage'),
  revokeChainInvitation: chain('chain.manage'),
  listApiTokens: chain('chain.manage'),
  createApiToken: chain('chain.manage'),
  revokeApiToken: chain('chain.manage'),
  getPrivacySettings: chain('chain.read'),
  updatePrivacySettings: chain('chain.manage'),
  getChainAudit: chain('audit.read'),
  // installation administration
  listOrganisations: signedIn,
  createOrganisation: admin,
  listUsers: admin,
  updateUser: admin,
  createAdminInvitation: admin,
  grantChainRole: admin,
  listInstallationAudit: admin,
  // flow: imports of event extracts (ownership checked by the service), aggregates, case-level lists
  listFlowImports: chain('flow.import'),
  createFlowImport: chain('flow.import'),
  getFlowImport: chain('flow.import'),
  deleteFlowImport: chain('flow.import'),
  getImportMapping: chain('flow.import'),
  getFlowSummary: chain('flow.read'),
  getProcessMap: chain('flow.read'),
  getVariants: chain('flow.read'),
  getHandovers: chain('flow.read'),
  getBottlenecks: chain('flow.read'),
  getRework: chain('flow.read'),
  getNormCompliance: chain('flow.read'),
  getStalledCases: chain('flow.read'),
  getTrends: chain('flow.read'),
  listNormViolations: chain('flow.cases'),
  listStalledCases: chain('flow.cases'),
  getCaseTrajectory: chain('flow.cases'),
  // governance (indicators, measurements, agreements, course check, business case, interventions)
  listIndicators: chain('governance.read'),
  getIndicator: chain('governance.read'),
  createIndicator: chain('governance.manage'),
  reviseIndicator: chain('governance.manage'),
  listMeasurements: chain('governance.read'),
  addMeasurement: chain('governance.contribute'),
  correctMeasurement: chain('governance.contribute'),
  uploadMeasurementsCsv: chain('governance.contribute'),
  refreshFlowMeasurements: chain('governance.manage'),
  getHealthSummary: chain('governance.read'),
  listAgreements: chain('governance.read'),
  listAgreementsNeedingAttention: chain('governance.read'),
  getAgreement: chain('governance.read'),
  createAgreement: chain('governance.manage'),
  updateAgreement: chain('governance.contribute'),
  deleteAgreement: chain('governance.manage'),
  changeAgreementStatus: chain('governance.contribute'),
  signAgreement: chain('governance.contribute'),
  getCourseCheckQuestionSet: chain('governance.read'),
  updateCourseCheckQuestionSet: chain('governance.manage'),
  listCourseCheckRounds: chain('governance.read'),
  createCourseCheckRound: chain('governance.manage'),
  getCourseCheckRound: chain('governance.read'),
  getCourseCheckResults: chain('governance.read'),
  submitCourseCheckResponse: chain('governance.contribute'),
  getBusinessCase: chain('governance.read'),
  updateBusinessCaseSettings: chain('governance.manage'),
  listBusinessCaseLines: chain('governance.read'),
  createBusinessCaseLine: chain('governance.contribute'),
  updateBusinessCaseLine: chain('governance.contribute'),
  deleteBusinessCaseLine: chain('governance.contribute'),
  listInterventions: chain('governance.read'),
  getIntervention: chain('governance.read'),
  createIntervention: chain('governance.manage'),
  updateIntervention: chain('governance.manage'),
  deleteIntervention: chain('governance.manage'),
  evaluateIntervention: chain('governance.manage'),
};

/** The callers of the matrix: no one, the administrator (no chain role), each chain role, and API tokens of each purpose. */
type CallerKind = 'anonymous' | 'admin' | ChainRole | `token:${ApiTokenPurpose}`;
const CALLERS: readonly CallerKind[] = [
  'anonymous',
  'admin',
  'director',
  'partner',
  'viewer',
  'analyst',
  'token:measurements',
  'token:events',
];

type Expected = 'allowed' | 401 | 403 | 404;

/** What the rule says a caller gets, on its own chain or on another one. */
function expectedOutcome(access: RouteAccess, caller: CallerKind, own: boolean): Expected {
  if (access.scope === 'public') {
    return 'allowed';
  }
  if (caller === 'anonymous') {
    return 401;
  }
  const token = caller.startsWith('token:') ? (caller.slice(6) as ApiTokenPurpose) : null;
  switch (access.scope) {
    case 'signed-in':
      return token === null ? 'allowed' : 403;
    case 'admin':
      return caller === 'admin' ? 'allowed' : 403;
    case 'chain': {
      if (!own || caller === 'admin') {
        return 404;
      }
      const permissions = token === null ? ROLE_PERMISSIONS[caller as ChainRole] : [TOKEN_PURPOSE_PERMISSION[token]];
      return permissions.includes(access.permission) ? 'allowed' : 403;
    }
  }
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly access: RouteAccess | undefined;
  readonly hasBody: boolean;
  readonly queryNames: readonly string[];
}

interface ChainFixture {
  readonly id: string;
  readonly partnerId: string;
  readonly linkId: string;
}

describeEachDatabase('authorisation matrix', (ctx) => {
  let app: FastifyInstance;
  let operations: Operation[] = [];
  let own: ChainFixture;
  let other: ChainFixture;
  const userIds = new Map<CallerKind, string>();
  const tokens = new Map<CallerKind, string>();

  async function buildChain(): Promise<ChainFixture> {
    const detail = await createChain(ctx.db, buildChainInput());
    const partner = await createPartner(ctx.db, detail.chain.id, buildPartnerInput());
    await createPartner(ctx.db, detail.chain.id, buildPartnerInput({ name: 'Ziekenhuis' }));
    const link = await createLink(ctx.db, detail.chain.id, buildLinkInput([partner.id]));
    return { id: detail.chain.id, partnerId: partner.id, linkId: link.id };
  }

  // The tables are emptied before every test, so the fixtures are made again for each.
  beforeEach(async () => {
    own = await buildChain();
    other = await buildChain();
    userIds.set('admin', (await buildUser(ctx.db, { isAdmin: true })).id);
    for (const role of ['director', 'partner', 'viewer', 'analyst'] as const) {
      const user = await buildUser(ctx.db);
      await buildChainMember(ctx.db, {
        chainId: own.id,
        user,
        role,
        ...(role === 'partner' ? { partnerId: own.partnerId } : {}),
      });
      userIds.set(role, user.id);
    }
    for (const purpose of ['measurements', 'events'] as const) {
      const created = await createApiToken(ctx.db, { kind: 'system', label: 'test' }, own.id, {
        name: `systeem ${purpose}`,
        partnerId: own.partnerId,
        purpose,
      });
      tokens.set(`token:${purpose}`, created.token);
    }
  });

  beforeAll(async () => {
    app = await createTestApp(ctx.db);
    const doc = (await app.inject('/api/openapi.json')).json<{
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            'x-access'?: RouteAccess;
            requestBody?: unknown;
            parameters?: { in: string; name: string }[];
          }
        >
      >;
    }>();
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        access: op['x-access'],
        hasBody: op.requestBody !== undefined,
        queryNames: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  }, 120_000);

  afterAll(async () => {
    await app.close();
  });

  it('has an expected rule for every operation, equal to the rule the route declares', () => {
    expect(operations.length).toBeGreaterThan(40);
    const missing = operations
      .filter((op) => EXPECTED_ACCESS[op.operationId] === undefined)
      .map((op) => op.operationId);
    expect(missing, 'operations without an entry in EXPECTED_ACCESS').toEqual([]);
    for (const op of operations) {
      expect(op.access, `${op.operationId} declares its access in the OpenAPI description`).toEqual(
        EXPECTED_ACCESS[op.operationId],
      );
    }
  });

  it('answers every operation × caller × own/other chain as the rule says', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const op of operations) {
      const access = EXPECTED_ACCESS[op.operationId];
      if (access === undefined) {
        continue;
      }
      for (const caller of CALLERS) {
        for (const ownChain of [true, false]) {
          cells += 1;
          const target = ownChain ? own : other;
          const url = buildUrl(op, target);
          const headers: Record<string, string> = {};
          const userId = userIds.get(caller);
          if (userId !== undefined) {
            // A fresh session per request: signing out (a public operation) must not end the next cell's session.
            headers.cookie = await signIn(ctx.db, userId);
          }
          const token = tokens.get(caller);
          if (token !== undefined) {
            headers.authorization = `Bearer ${token}`;
          }
          const response = await app.inject({
            method: op.method as 'GET',
            url,
            headers,
            ...(op.hasBody ? { payload: op.method === 'PATCH' ? { version: 999_999 } : {} } : {}),
          });
          const expected = expectedOutcome(access, caller, ownChain);
          const where = `${op.operationId} as ${caller} on ${ownChain ? 'own' : 'other'} chain: ${response.statusCode} ${response.body.slice(0, 160)}`;
          if (response.statusCode >= 500) {
            failures.push(`server error — ${where}`);
          } else if (expected === 'allowed') {
            const hidden =
              response.statusCode === 404 &&
              response.json<{ error: { message: string } }>().error.message === 'Chain not found';
            if (response.statusCode === 401 || response.statusCode === 403 || hidden) {
              failures.push(`expected allowed — ${where}`);
            }
          } else if (response.statusCode !== expected) {
            failures.push(`expected ${expected} — ${where}`);
          } else if (expected === 404) {
            expect(response.json(), where).toEqual({
              error: { code: 'not_found', message: 'Chain not found', details: [] },
            });
          }
        }
      }
    }
    console.info(
      `[ketenregie] authorisation matrix on ${ctx.kind}: ${operations.length} operations × ${CALLERS.length} callers × 2 chains = ${cells} requests`,
    );
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers a read of every own-chain collection with 200 for each role that holds the permission', async () => {
    const reads = operations.filter(
      (op) => op.method === 'GET' && /^\/api\/v1\/chains\/\{chainId\}(\/[a-z-]+)*$/.test(op.path),
    );
    expect(reads.length).toBeGreaterThan(10);
    for (const op of reads) {
      const access = EXPECTED_ACCESS[op.operationId];
      for (const role of ['director', 'partner', 'viewer', 'analyst'] as const) {
        if (access?.scope !== 'chain' || !ROLE_PERMISSIONS[role].includes(access.permission)) {
          continue;
        }
        const response = await app.inject({
          url: buildUrl(op, own),
          headers: { cookie: await signIn(ctx.db, userIds.get(role) ?? '') },
        });
        expect(response.statusCode, `${op.operationId} as ${role}: ${response.body.slice(0, 200)}`).toBe(200);
      }
    }
  });

  /** Fills the path parameters: the chain of the cell, its real partner and link, random ids for the rest. */
  function buildUrl(op: Operation, target: ChainFixture): string {
    const path = op.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      switch (name) {
        case 'chainId':
          return target.id;
        case 'partnerId':
          return target.partnerId;
        case 'linkId':
          return target.linkId;
        case 'key':
          return 'no-such-template';
        case 'period':
          return '2026-01';
        default:
          return randomUUID();
      }
    });
    return op.queryNames.includes('version') ? `${path}?version=999999` : path;
  }
});
