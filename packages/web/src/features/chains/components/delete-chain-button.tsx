/**
 * A button that deletes the chain after confirmation.
 */
import type { Chain } from '@ketenregie/core';
import { Button } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useFlash } from '../../../components/flash.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useDeleteChain } from '../api/delete-chain.ts';

/** Props of {@link DeleteChainButton}. */
export interface DeleteChainButtonProps {
  readonly chain: Chain;
  readonly onDeleted: () => void;
}

/** "Delete chain" with a confirmation dialog. */
export function DeleteChainButton({ chain, onDeleted }: DeleteChainButtonProps) {
  const { t } = useTranslation();
  const flash = useFlash();
  const [opened, setOpened] = useState(false);
  const deleteChain = useDeleteChain();

  const close = () => {
    setOpened(false);
    deleteChain.reset();
  };

  return (
    <>
      <Button
        variant="outline"
        color="red.9"
        leftSection={<IconTrash size={18} aria-hidden="true" />}
        onClick={() => setOpened(true)}
        data-testid="delete-chain"
      >
        {t('chain.delete')}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={close}
        title={t('chain.deleteTitle')}
        body={t('chain.deleteBody', { name: chain.name })}
        confirmLabel={t('chain.deleteConfirm')}
        busy={deleteChain.isPending}
        error={deleteChain.error}
        errorMessage={isApiError(deleteChain.error, 'version_conflict') ? t('conflict.deleteBody') : undefined}
        onConfirm={() =>
          deleteChain.mutate(
            { chainId: chain.id, version: chain.version },
            {
              onSuccess: () => {
                setOpened(false);
                flash(t('chain.deleted', { name: chain.name }));
                onDeleted();
              },
            },
          )
        }
      />
    </>
  );
}
