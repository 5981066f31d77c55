import { describe, expect, it } from 'vitest';
import { findChainModelProblems, parseChainModel, toChainModel, type ChainModelInput } from './chain-model.ts';
import { DomainError } from '../shared/errors.ts';
import type { ChainDetail } from './chain-schemas.ts';

function model(overrides: Partial<ChainModelInput> = {}): ChainModelInput {
  return {
    format: 'ketenregie/chain-model',
    formatVersion: 1,
    chain: { slug: 'test-keten', name: 'Testketen', targetGroup: 'Cliënten', societalGoal: 'Sneller geholpen' },
    partners: [
      { key: 'a', name: 'A', sector: 'police', roles: ['executor'], interestLevel: 3, influence: 4, commitment: 2 },
      {
        key: 'b',
        name: 'B',
        sector: 'hospital',
        roles: ['executor', 'funder'],
        interestLevel: 5,
        influence: 2,
        commitment: 5,
      },
    ],
    links: [
      { key: 'melding', name: 'Melding', partnerKeys: ['a'], activities: ['Call'] },
      { key: 'zorg', name: 'Zorg', partnerKeys: ['b'], norm: { maxMinutes: 60, fromLinkKey: 'melding' } },
    ],
    ...overrides,
  };
}

describe('chain model invariants', () => {
  it('accepts a sound model and fills defaults', () => {
    const parsed = parseChainModel(model());
    expect(parsed.chain.description).toBe('');
    expect(parsed.links[0]?.norm).toBeNull();
    expect(parsed.links[1]?.norm).toEqual({ maxMinutes: 60, fromLinkKey: 'melding', description: '' });
  });

  it('names a link that refers to a partner outside the chain', () => {
    const m = parseChainModel(model());
    m.links[1]!.partnerKeys = ['b', 'ghost'];
    expect(findChainModelProblems(m)).toEqual([
      { path: 'links.1.partnerKeys.1', message: 'no partner with key "ghost" in this chain' },
    ]);
  });

  it('refuses duplicate keys, duplicate activity mappings and norms from a later link', () => {
    const m = parseChainModel(model());
    m.partners[1]!.key = 'a';
    m.links[1]!.activities = ['Call'];
    m.links[0]!.norm = { maxMinutes: 5, fromLinkKey: 'zorg', description: '' };
    const paths = findChainModelProblems(m).map((p) => p.path);
    expect(paths).toContain('partners.1.key');
    expect(paths).toContain('links.1.activities.0');
    expect(paths).toContain('links.0.norm.fromLinkKey');
  });

  it('refuses a norm "from the previous link" on the first link', () => {
    const m = parseChainModel(model());
    m.links[0]!.norm = { maxMinutes: 5, fromLinkKey: null, description: '' };
    expect(findChainModelProblems(m).map((p) => p.path)).toEqual(['links.0.norm.fromLinkKey']);
  });

  it('reports schema errors with field path and file name', () => {
    const bad = model();
    (bad.partners[0] as { influence: number }).influence = 9;
    try {
      parseChainModel(bad, 'keten.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.code).toBe('validation_failed');
      expect(e.details[0]).toMatchObject({ path: 'partners.0.influence', file: 'keten.json' });
    }
  });
});

describe('toChainModel', () => {
  it('replaces ids by keys and orders links by position', () => {
    const detail: ChainDetail = {
      chain: {
        id: 'c1',
        slug: 's',
        name: 'n',
        description: '',
        targetGroup: 't',
        societalGoal: 'g',
        version: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      partners: [
        {
          id: 'p2',
          chainId: 'c1',
          key: 'zz',
          name: 'Z',
          sector: 'other',
          roles: ['executor'],
          interest: '',
          interestLevel: 1,
          influence: 1,
          commitment: 1,
          version: 1,
        },
        {
          id: 'p1',
          chainId: 'c1',
          key: 'aa',
          name: 'A',
          sector: 'other',
          roles: ['director'],
          interest: '',
          interestLevel: 1,
          influence: 1,
          commitment: 1,
          version: 2,
        },
      ],
      links: [
        {
          id: 'l2',
          chainId: 'c1',
          key: 'two',
          position: 2,
          name: 'Two',
          description: '',
          partnerIds: ['p1', 'p2'],
          activities: [],
          norm: { maxMinutes: 10, fromLinkId: 'l1', description: '' },
          version: 1,
        },
        {
          id: 'l1',
          chainId: 'c1',
          key: 'one',
          position: 1,
          name: 'One',
          description: '',
          partnerIds: ['p2'],
          activities: ['x'],
          norm: null,
          version: 1,
        },
      ],
      trajectories: { imports: 0, cases: 0, events: 0, firstEventAt: null, lastEventAt: null },
    };
    const m = toChainModel(detail);
    expect(m.partners.map((p) => p.key)).toEqual(['aa', 'zz']);
    expect(m.links.map((l) => l.key)).toEqual(['one', 'two']);
    expect(m.links[1]?.partnerKeys).toEqual(['aa', 'zz']);
    expect(m.links[1]?.norm?.fromLinkKey).toBe('one');
    expect(findChainModelProblems(m)).toEqual([]);
  });
});
