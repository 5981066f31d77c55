/**
 * Page "Nieuwe keten": the form for an empty chain; afterwards the new chain's overview opens.
 */
import { Card } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { CreateChainForm } from '../../features/chains/components/chain-form.tsx';
import { paths } from '../paths.ts';

/** The create-chain page. */
export function ChainCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('chainForm.createTitle'));
  return (
    <>
      <PageHeader
        title={t('chainForm.createTitle')}
        breadcrumbs={[{ label: t('nav.chains'), to: paths.home }, { label: t('chainForm.createTitle') }]}
        description={t('chainForm.createIntro')}
      />
      <Card padding="xl">
        <CreateChainForm
          onCreated={(detail) => void navigate(paths.chain(detail.chain.slug))}
          onCancel={() => void navigate(paths.home)}
        />
      </Card>
    </>
  );
}
