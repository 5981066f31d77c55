/**
 * PATCH /api/v1/chains/:chainId — changes the chain's own fields; refused with 409
 * `version_conflict` when the version it was based on is no longer current.
 */
import { chainDetailSchema, type ChainDetail, type UpdateChainInput } from '@ketenregie/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link updateChain}. */
export interface UpdateChainVariables {
  readonly chainId: string;
  readonly input: UpdateChainInput;
}

/** Updates a chain. */
export function updateChain({ chainId, input }: UpdateChainVariables): Promise<ChainDetail> {
  return apiRequest('PATCH', `/chains/${segment(chainId)}`, { body: input, schema: chainDetailSchema });
}

/** Updating a chain as a mutation; refreshes everything about chains. */
export function useUpdateChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateChain,
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.chain(detail.chain.slug), detail);
      await queryClient.invalidateQueries({ queryKey: queryKeys.chains });
    },
  });
}
