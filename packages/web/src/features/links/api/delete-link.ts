/**
 * DELETE /api/v1/chains/:chainId/links/:linkId?version=N — removes a link; the links after it
 * move up one place.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link deleteLink}. */
export interface DeleteLinkVariables {
  readonly chainId: string;
  readonly linkId: string;
  readonly version: number;
}

/** Deletes a link. */
export function deleteLink({ chainId, linkId, version }: DeleteLinkVariables): Promise<void> {
  return apiCommand('DELETE', `/chains/${segment(chainId)}/links/${segment(linkId)}`, { query: { version } });
}

/** Deleting a link as a mutation; refreshes the chain, also after a refusal. */
export function useDeleteLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLink,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.chains }),
  });
}
