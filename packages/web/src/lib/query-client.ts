/**
 * The TanStack Query client: answers are fresh for 30 s; a failed read is retried once, except
 * for answers that retrying cannot change (not found, invalid input, unexpected answer).
 */
import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';

const permanentCodes = new Set(['not_found', 'validation_failed', 'invalid_response', 'conflict']);

/** Creates the app's query client. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(isApiError(error) && permanentCodes.has(error.code)) && failureCount < 1,
      },
      mutations: { retry: false },
    },
  });
}
