/**
 * Managing the partners of a chain: a table with edit and delete per partner and a button to add
 * one. The form opens in a dialog; deleting asks for confirmation and is refused while a link
 * still names the partner.
 */
import type { ChainDetail, Partner } from '@ketenregie/core';
import { Alert, Button, Card, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useFlash } from '../../../components/flash.tsx';
import { RatingMeter } from '../../../components/rating.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useDeletePartner } from '../api/delete-partner.ts';
import { PartnerForm } from './partner-form.tsx';

/** Props of {@link PartnerEditor}. */
export interface PartnerEditorProps {
  readonly detail: ChainDetail;
  /** Fetches the latest version of the chain. */
  readonly onReload: () => Promise<ChainDetail | undefined>;
}

type Dialog = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly partner: Partner } | null;

/** Table of partners with add, edit and delete. */
export function PartnerEditor({ detail, onReload }: PartnerEditorProps) {
  const { t } = useTranslation();
  const flash = useFlash();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [toDelete, setToDelete] = useState<Partner | null>(null);
  const deletePartner = useDeletePartner();
  const { chain, partners, links } = detail;

  const linkCount = (partner: Partner) => links.filter((link) => link.partnerIds.includes(partner.id)).length;
  const reloadPartner = (partnerId: string) => async () =>
    (await onReload())?.partners.find((candidate) => candidate.id === partnerId);

  const closeDelete = () => {
    setToDelete(null);
    deletePartner.reset();
  };
  const deleteTarget = toDelete ? (partners.find((partner) => partner.id === toDelete.id) ?? toDelete) : null;
  const blocked = deleteTarget ? linkCount(deleteTarget) > 0 : false;

  return (
    <Card padding="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Title order={2}>{t('partners.title')}</Title>
            <Text fz="sm" c="dimmed" maw="46rem">
              {t('partners.intro')}
            </Text>
          </Stack>
          <Button
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="add-partner"
          >
            {t('partners.add')}
          </Button>
        </Group>

        {partners.length === 0 ? (
          <Text c="dimmed">{t('partners.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="partner-editor-table">
              <caption className="kr-sr-only">{t('partners.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('overview.colName')}</Table.Th>
                  <Table.Th scope="col">{t('overview.colSector')}</Table.Th>
                  <Table.Th scope="col">{t('overview.colRoles')}</Table.Th>
                  <Table.Th scope="col">{t('overview.colInterest')}</Table.Th>
                  <Table.Th scope="col">{t('overview.colInfluence')}</Table.Th>
                  <Table.Th scope="col">{t('overview.colCommitment')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="kr-sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {partners.map((partner) => (
                  <Table.Tr key={partner.id}>
                    <Table.Th scope="row">
                      <Text fw={600} fz="sm">
                        {partner.name}
                      </Text>
                      <Code fz="xs" c="#374151">
                        {partner.key}
                      </Code>
                    </Table.Th>
                    <Table.Td>{t(`sectors.${partner.sector}`)}</Table.Td>
                    <Table.Td>{partner.roles.map((role) => t(`roles.${role}`)).join(', ')}</Table.Td>
                    <Table.Td>
                      <RatingMeter value={partner.interestLevel} />
                    </Table.Td>
                    <Table.Td>
                      <RatingMeter value={partner.influence} />
                    </Table.Td>
                    <Table.Td>
                      <RatingMeter value={partner.commitment} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" justify="flex-end">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={16} aria-hidden="true" />}
                          onClick={() => setDialog({ kind: 'edit', partner })}
                          data-testid="edit-partner"
                        >
                          {t('common.edit')}
                          <span className="kr-sr-only"> {partner.name}</span>
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={16} aria-hidden="true" />}
                          onClick={() => setToDelete(partner)}
                          data-testid="delete-partner"
                        >
                          {t('common.delete')}
                          <span className="kr-sr-only"> {partner.name}</span>
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'edit' ? t('partners.editNamed', { name: dialog.partner.name }) : t('partners.addTitle')
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="xl"
      >
        {dialog && (
          <PartnerForm
            key={dialog.kind === 'edit' ? dialog.partner.id : 'new'}
            chainId={chain.id}
            partner={dialog.kind === 'edit' ? dialog.partner : undefined}
            partners={partners}
            onReload={dialog.kind === 'edit' ? reloadPartner(dialog.partner.id) : () => Promise.resolve(undefined)}
            onDone={() => setDialog(null)}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>

      <ConfirmDialog
        opened={deleteTarget !== null}
        onClose={closeDelete}
        title={t('partners.deleteTitle')}
        body={
          <>
            {t('partners.deleteBody', { name: deleteTarget?.name ?? '' })}
            {blocked && deleteTarget && (
              <Alert mt="sm" color="orange" variant="light">
                {t('partners.deleteBlocked')} {t('partners.linkCount', { count: linkCount(deleteTarget) })}.
              </Alert>
            )}
          </>
        }
        confirmLabel={t('partners.deleteConfirm')}
        canConfirm={!blocked}
        busy={deletePartner.isPending}
        error={deletePartner.error}
        errorMessage={
          isApiError(deletePartner.error, 'version_conflict')
            ? t('conflict.deleteBody')
            : isApiError(deletePartner.error, 'conflict')
              ? t('partners.deleteBlocked')
              : undefined
        }
        onConfirm={() => {
          if (!deleteTarget) return;
          deletePartner.mutate(
            { chainId: chain.id, partnerId: deleteTarget.id, version: deleteTarget.version },
            {
              onSuccess: () => {
                setToDelete(null);
                flash(t('partners.deleted', { name: deleteTarget.name }));
              },
            },
          );
        }}
      />
    </Card>
  );
}
