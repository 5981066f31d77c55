/**
 * Providers every screen relies on: the Mantine theme (light only), TanStack Query and the
 * confirmations area.
 */
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { FlashProvider } from '../components/flash.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/** Wraps the app in its providers. */
export function AppProvider({ children }: { readonly children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <FlashProvider>{children}</FlashProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
