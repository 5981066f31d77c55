/**
 * DELETE /api/v1/chains/:chainId/partners/:partnerId?version=N — removes a partner; refused with
 * 409 `conflict` while a link still names it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link deletePartner}. */
export interface DeletePartnerVariables {
  readonly chainId: string;
  readonly partnerId: string;
  readonly version: number;
}

/** Deletes a partner. */
export function deletePartner({ chainId, partnerId, version }: DeletePartnerVariables): Promise<void> {
  return apiCommand('DELETE', `/chains/${segment(chainId)}/partners/${segment(partnerId)}`, { query: { version } });
}

/** Deleting a partner as a mutation; refreshes the chain, also after a refusal. */
export function useDeletePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePartner,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.chains }),
  });
}
