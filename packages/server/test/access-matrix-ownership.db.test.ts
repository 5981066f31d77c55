/**
 * Explicit ownership cases next to the matrix: within a chain a partner contact may contribute
 * only for its own organisation's partner; for another partner's resources the answer is 404, as
 * if they did not exist. Directors contribute for all.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ownsPartner } from '../src/auth/chain-access-service.ts';
import type { ChainAccess } from '../src/auth/caller.ts';
import { createChain } from '../src/services/chain-service.ts';
import { createPartner } from '../src/services/partner-service.ts';
import { buildChainMember, buildUser, injectAs, signIn } from './support/accounts.ts';
import { buildChainInput, buildPartnerInput } from './support/fixtures.ts';
import { createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

const access = (
  roles: ChainAccess['roles'],
  permissions: ChainAccess['permissions'],
  partnerIds: string[],
): ChainAccess => ({
  chainId: 'c',
  chainSlug: 'c',
  roles,
  permissions,
  organisationIds: [],
  partnerIds,
  smallCellThreshold: 5,
  seesCases: false,
});

it('decides ownership: directors everything, analysts every import, partners their own partner only', () => {
  expect(ownsPartner(access(['director'], ['governance.contribute'], []), 'p2', 'governance.contribute')).toBe(true);
  expect(ownsPartner(access(['analyst'], ['flow.import'], []), 'p2', 'flow.import')).toBe(true);
  expect(ownsPartner(access(['partner'], ['governance.contribute'], ['p1']), 'p1', 'governance.contribute')).toBe(true);
  expect(ownsPartner(access(['partner'], ['governance.contribute'], ['p1']), 'p2', 'governance.contribute')).toBe(
    false,
  );
  expect(ownsPartner(access(['partner'], ['governance.contribute'], ['p1']), null, 'governance.contribute')).toBe(
    false,
  );
  expect(ownsPartner(access(['viewer'], ['governance.read'], ['p1']), 'p1', 'governance.contribute')).toBe(false);
});

describeEachDatabase('ownership within a chain', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets a partner contact add business-case lines for its own partner only', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const own = await createPartner(ctx.db, chain.id, buildPartnerInput({ name: 'Eigen organisatie' }));
    const other = await createPartner(ctx.db, chain.id, buildPartnerInput({ name: 'Andere organisatie' }));
    const contact = await buildUser(ctx.db);
    await buildChainMember(ctx.db, { chainId: chain.id, user: contact, role: 'partner', partnerId: own.id });
    const director = await buildUser(ctx.db);
    await buildChainMember(ctx.db, { chainId: chain.id, user: director, role: 'director' });
    const asContact = injectAs(app, await signIn(ctx.db, contact.id));
    const asDirector = injectAs(app, await signIn(ctx.db, director.id));
    const year = new Date().getUTCFullYear();
    const line = (partnerId: string) => ({
      partnerId,
      type: 'cost',
      year,
      amountCents: 100_000,
      category: 'personeel',
    });
    const url = `/api/v1/chains/${chain.id}/business-case/lines`;

    const mine = await asContact({ method: 'POST', url, payload: line(own.id) });
    expect(mine.statusCode, mine.body).toBe(201);
    const theirs = await asContact({ method: 'POST', url, payload: line(other.id) });
    expect(theirs.statusCode, theirs.body).toBe(404);
    expect((await asDirector({ method: 'POST', url, payload: line(other.id) })).statusCode).toBe(201);
  });
});
