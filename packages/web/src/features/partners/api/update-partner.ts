/**
 * PATCH /api/v1/chains/:chainId/partners/:partnerId — changes a partner; 409 `version_conflict`
 * when someone else changed it first.
 */
import { partnerSchema, type Partner, type UpdatePartnerInput } from '@ketenregie/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link updatePartner}. */
export interface UpdatePartnerVariables {
  readonly chainId: string;
  readonly partnerId: string;
  readonly input: UpdatePartnerInput;
}

/** Updates a partner. */
export function updatePartner({ chainId, partnerId, input }: UpdatePartnerVariables): Promise<Partner> {
  return apiRequest('PATCH', `/chains/${segment(chainId)}/partners/${segment(partnerId)}`, {
    body: input,
    schema: partnerSchema,
  });
}

/** Updating a partner as a mutation; refreshes the chain. */
export function useUpdatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePartner,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.chains }),
  });
}
