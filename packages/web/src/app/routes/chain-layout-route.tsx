/**
 * Layout of the pages of one chain: loads the chain, shows breadcrumbs, its name, the last change,
 * the edit and delete actions and the section navigation (overview, partners, primary process),
 * and renders the section page with the chain in the outlet context.
 */
import { Button, Group, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { ChainSkeleton } from '../../components/skeletons.tsx';
import { useChain } from '../../features/chains/api/get-chain.ts';
import { DeleteChainButton } from '../../features/chains/components/delete-chain-button.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { paths } from '../paths.ts';
import type { ChainContext } from './chain-context.ts';

type Section = 'overview' | 'edit' | 'partners' | 'links';

function sectionOf(pathname: string): Section {
  if (pathname.endsWith('/edit')) return 'edit';
  if (pathname.endsWith('/partners')) return 'partners';
  if (pathname.endsWith('/links')) return 'links';
  return 'overview';
}

/** The chain pages' shared frame. */
export function ChainLayoutRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const chainRef = useParams().chainRef ?? '';
  const query = useChain(chainRef);
  const section = sectionOf(pathname);
  const { refetch } = query;
  const reload = useCallback(async () => (await refetch()).data, [refetch]);

  const sectionLabels: Record<Section, string> = {
    overview: t('chain.overview'),
    edit: t('chainForm.editTitle'),
    partners: t('chain.partners'),
    links: t('chain.links'),
  };
  const notFound = isApiError(query.error, 'not_found');
  usePageTitle(
    section === 'overview' ? undefined : sectionLabels[section],
    query.data?.chain.name ?? (notFound ? t('chain.notFoundTitle') : t('common.loading')),
  );

  if (query.isPending) return <ChainSkeleton />;
  if (query.isError) {
    if (notFound)
      return <NotFound title={t('chain.notFoundTitle')} body={t('chain.notFoundBody')} backTo={paths.home} />;
    return (
      <>
        <PageHeader title={t('errors.title')} breadcrumbs={[{ label: t('nav.chains'), to: paths.home }]} />
        <ErrorState error={query.error} onRetry={() => void refetch()} retrying={query.isFetching} />
      </>
    );
  }

  const detail = query.data;
  const { chain } = detail;
  const crumbs =
    section === 'overview'
      ? [{ label: t('nav.chains'), to: paths.home }, { label: chain.name }]
      : [
          { label: t('nav.chains'), to: paths.home },
          { label: chain.name, to: paths.chain(chainRef) },
          { label: sectionLabels[section] },
        ];
  const tabs: { section: Section; to: string; label: string }[] = [
    { section: 'overview', to: paths.chain(chainRef), label: t('chain.overview') },
    { section: 'partners', to: paths.partners(chainRef), label: `${t('chain.partners')} (${detail.partners.length})` },
    { section: 'links', to: paths.links(chainRef), label: `${t('chain.links')} (${detail.links.length})` },
  ];
  const context: ChainContext = { detail, chainRef, reload };

  return (
    <Stack gap={0}>
      <PageHeader
        title={chain.name}
        breadcrumbs={crumbs}
        meta={`${t('chain.updated', { date: formatDateTime(chain.updatedAt, i18n.language) })} · ${t('chain.version', { version: chain.version })}`}
        actions={
          section !== 'edit' && (
            <Group gap="sm">
              <Button
                component={Link}
                to={paths.editChain(chainRef)}
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden="true" />}
              >
                {t('chain.edit')}
              </Button>
              <DeleteChainButton chain={chain} onDeleted={() => void navigate(paths.home)} />
            </Group>
          )
        }
      />
      <nav aria-label={t('chain.sections')}>
        <ul className="kr-subnav">
          {tabs.map((tab) => (
            <li key={tab.section}>
              <Link to={tab.to} className="kr-subnav-link" aria-current={section === tab.section ? 'page' : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Stack gap="lg" pt="xl">
        <Outlet context={context} />
      </Stack>
    </Stack>
  );
}
