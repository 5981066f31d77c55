/**
 * GET /api/v1/chains — every chain as one summary row.
 */
import { chainSummarySchema, type ChainSummary } from '@ketenregie/core';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Fetches the chain list. */
export function findChains(signal?: AbortSignal): Promise<ChainSummary[]> {
  return apiRequest('GET', '/chains', { schema: z.array(chainSummarySchema), signal });
}

/** The chain list as a query. */
export function useChains() {
  return useQuery({ queryKey: queryKeys.chainList(), queryFn: ({ signal }) => findChains(signal) });
}
