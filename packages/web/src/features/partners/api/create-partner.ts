/**
 * POST /api/v1/chains/:chainId/partners — adds a partner to a chain.
 */
import { partnerSchema, type CreatePartnerInput, type Partner } from '@ketenregie/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link createPartner}. */
export interface CreatePartnerVariables {
  readonly chainId: string;
  readonly input: CreatePartnerInput;
}

/** Adds a partner. */
export function createPartner({ chainId, input }: CreatePartnerVariables): Promise<Partner> {
  return apiRequest('POST', `/chains/${segment(chainId)}/partners`, { body: input, schema: partnerSchema });
}

/** Adding a partner as a mutation; refreshes the chain. */
export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartner,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.chains }),
  });
}
