/**
 * POST /api/v1/chains — creates an empty chain (409 `conflict` when the slug is taken).
 */
import { chainDetailSchema, type ChainDetail, type CreateChainInput } from '@ketenregie/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Creates a chain. */
export function createChain(input: CreateChainInput): Promise<ChainDetail> {
  return apiRequest('POST', '/chains', { body: input, schema: chainDetailSchema });
}

/** Creating a chain as a mutation; refreshes the chain list. */
export function useCreateChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createChain,
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.chain(detail.chain.slug), detail);
      await queryClient.invalidateQueries({ queryKey: queryKeys.chainList() });
    },
  });
}
