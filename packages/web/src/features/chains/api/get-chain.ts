/**
 * GET /api/v1/chains/:chainId — one chain with its partners, links and trajectory statistics.
 * The reference may be the id or the slug, so web addresses can use the readable slug.
 */
import { chainDetailSchema, type ChainDetail } from '@ketenregie/core';
import { useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Fetches one chain by id or slug. */
export function getChain(chainRef: string, signal?: AbortSignal): Promise<ChainDetail> {
  return apiRequest('GET', `/chains/${segment(chainRef)}`, { schema: chainDetailSchema, signal });
}

/** One chain as a query. */
export function useChain(chainRef: string) {
  return useQuery({ queryKey: queryKeys.chain(chainRef), queryFn: ({ signal }) => getChain(chainRef, signal) });
}
