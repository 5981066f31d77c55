/**
 * PUT /api/v1/chains/:chainId/links/order — sets a new order of the primary process; 409
 * `conflict` when the ids are not exactly the current links.
 */
import { linkSchema, type Link } from '@ketenregie/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link reorderLinks}. */
export interface ReorderLinksVariables {
  readonly chainId: string;
  readonly linkIds: readonly string[];
}

/** Puts the links in the given order. */
export function reorderLinks({ chainId, linkIds }: ReorderLinksVariables): Promise<Link[]> {
  return apiRequest('PUT', `/chains/${segment(chainId)}/links/order`, {
    body: { linkIds },
    schema: z.array(linkSchema),
  });
}

/** Reordering as a mutation; refreshes the chain, also after a refused order. */
export function useReorderLinks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderLinks,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.chains }),
  });
}
