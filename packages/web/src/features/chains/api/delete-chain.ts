/**
 * DELETE /api/v1/chains/:chainId?version=N — removes a chain with everything in it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiCommand, isApiError, segment } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Variables of {@link deleteChain}. */
export interface DeleteChainVariables {
  readonly chainId: string;
  readonly version: number;
}

/** Deletes a chain. */
export function deleteChain({ chainId, version }: DeleteChainVariables): Promise<void> {
  return apiCommand('DELETE', `/chains/${segment(chainId)}`, { query: { version } });
}

/** Deleting a chain as a mutation; drops its cached detail and refreshes the list; after a
 * version conflict it loads the latest version. */
export function useDeleteChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteChain,
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: [...queryKeys.chains, 'detail'] });
      await queryClient.invalidateQueries({ queryKey: queryKeys.chainList() });
    },
    onError: (error) =>
      isApiError(error, 'version_conflict') ? queryClient.invalidateQueries({ queryKey: queryKeys.chains }) : undefined,
  });
}
