/**
 * What the chain layout hands to the pages below it: the loaded chain and a way to reload it.
 */
import type { ChainDetail } from '@ketenregie/core';
import { useOutletContext } from 'react-router';

/** Outlet context of the chain pages. */
export interface ChainContext {
  readonly detail: ChainDetail;
  /** The id or slug from the web address. */
  readonly chainRef: string;
  /** Fetches the latest version of the chain. */
  readonly reload: () => Promise<ChainDetail | undefined>;
}

/** The chain of the current chain page. */
export function useChainContext(): ChainContext {
  return useOutletContext<ChainContext>();
}
