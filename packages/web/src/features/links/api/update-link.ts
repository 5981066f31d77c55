/**
 * PATCH /api/v1/chains/:chainId/links/:linkId — changes a link; 409 `version_conflict` when
 * someone else changed it first.
 */
import { linkSchema, type Link, type UpdateLinkInput } from '@ketenregie/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link updateLink}. */
export interface UpdateLinkVariables {
  readonly chainId: string;
  readonly linkId: string;
  readonly input: UpdateLinkInput;
}

/** Updates a link. */
export function updateLink({ chainId, linkId, input }: UpdateLinkVariables): Promise<Link> {
  return apiRequest('PATCH', `/chains/${segment(chainId)}/links/${segment(linkId)}`, {
    body: input,
    schema: linkSchema,
  });
}

/** Updating a link as a mutation; refreshes the chain. */
export function useUpdateLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.chains }),
  });
}
