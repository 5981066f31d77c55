/**
 * POST /api/v1/templates/:key/chains — creates a chain with the template's partners and links.
 */
import { chainDetailSchema, type ChainDetail } from '@ketenregie/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link createChainFromTemplate}; slug and name are chosen by the server when absent. */
export interface CreateFromTemplateVariables {
  readonly templateKey: string;
  readonly slug?: string;
  readonly name?: string;
}

/** Creates a chain from a template. */
export function createChainFromTemplate({
  templateKey,
  slug,
  name,
}: CreateFromTemplateVariables): Promise<ChainDetail> {
  return apiRequest('POST', `/templates/${segment(templateKey)}/chains`, {
    body: { ...(slug ? { slug } : {}), ...(name ? { name } : {}) },
    schema: chainDetailSchema,
  });
}

/** Creating a chain from a template as a mutation; refreshes the chain list. */
export function useCreateChainFromTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createChainFromTemplate,
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.chain(detail.chain.slug), detail);
      await queryClient.invalidateQueries({ queryKey: queryKeys.chainList() });
    },
  });
}
