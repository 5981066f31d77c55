/**
 * Page "Keten bewerken": the chain's own fields. After saving, the overview opens (at the new
 * address when the slug changed).
 */
import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EditChainForm } from '../../features/chains/components/chain-form.tsx';
import { paths } from '../paths.ts';
import { useChainContext } from './chain-context.ts';

/** The edit-chain page. */
export function ChainEditRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { detail, chainRef, reload } = useChainContext();
  return (
    <Card padding="xl">
      <Stack gap="lg">
        <Title order={2}>{t('chainForm.editTitle')}</Title>
        <EditChainForm
          chain={detail.chain}
          onReload={reload}
          onSaved={(saved) => void navigate(paths.chain(saved.chain.slug))}
          onCancel={() => void navigate(paths.chain(chainRef))}
        />
      </Stack>
    </Card>
  );
}
