/**
 * POST /api/v1/chains/:chainId/links — adds a link to the primary process (appended at the end
 * unless a position is given).
 */
import { linkSchema, type CreateLinkInput, type Link } from '@ketenregie/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link createLink}. */
export interface CreateLinkVariables {
  readonly chainId: string;
  readonly input: CreateLinkInput;
}

/** Adds a link. */
export function createLink({ chainId, input }: CreateLinkVariables): Promise<Link> {
  return apiRequest('POST', `/chains/${segment(chainId)}/links`, { body: input, schema: linkSchema });
}

/** Adding a link as a mutation; refreshes the chain. */
export function useCreateLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.chains }),
  });
}
