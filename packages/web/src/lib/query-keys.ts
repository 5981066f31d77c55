/**
 * Query keys shared by the features. A change to a partner or link invalidates `queryKeys.chains`,
 * which refreshes both the chain list (counts) and every chain detail.
 */
export const queryKeys = {
  /** Prefix of everything that belongs to chains. */
  chains: ['chains'] as const,
  chainList: () => ['chains', 'list'] as const,
  /** One chain, by the id or slug in the web address. */
  chain: (chainRef: string) => ['chains', 'detail', chainRef] as const,
  templates: () => ['templates'] as const,
};
