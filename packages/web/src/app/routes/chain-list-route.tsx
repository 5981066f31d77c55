/**
 * Page "Ketens": every chain as a card, with buttons to create one from scratch or a template.
 */
import { Button, Stack } from '@mantine/core';
import { IconPlus, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { ChainListSkeleton } from '../../components/skeletons.tsx';
import { useChains } from '../../features/chains/api/find-chains.ts';
import { ChainList } from '../../features/chains/components/chain-list.tsx';
import { paths } from '../paths.ts';

/** The chain list page. */
export function ChainListRoute() {
  const { t } = useTranslation();
  usePageTitle(t('chainList.title'));
  const chains = useChains();
  const hasChains = (chains.data?.length ?? 0) > 0;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('chainList.title')}
        description={t('chainList.intro')}
        actions={
          hasChains && (
            <>
              <Button component={Link} to={paths.newChain} leftSection={<IconPlus size={18} aria-hidden="true" />}>
                {t('chainList.newChain')}
              </Button>
              <Button
                component={Link}
                to={paths.fromTemplate}
                variant="default"
                leftSection={<IconTemplate size={18} aria-hidden="true" />}
              >
                {t('chainList.fromTemplate')}
              </Button>
            </>
          )
        }
      />
      {chains.isPending ? (
        <ChainListSkeleton />
      ) : chains.isError ? (
        <ErrorState error={chains.error} onRetry={() => void chains.refetch()} retrying={chains.isFetching} />
      ) : (
        <ChainList chains={chains.data} newChainPath={paths.newChain} fromTemplatePath={paths.fromTemplate} />
      )}
    </Stack>
  );
}
