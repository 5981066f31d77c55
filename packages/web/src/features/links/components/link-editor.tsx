/**
 * Managing the primary process: the links in order with their partners and norm, buttons to move
 * a link up or down (one call to the order endpoint), to edit and to delete it, and a button to add
 * a link at the end. Focus stays on the moved link's button so keyboard users can keep moving it.
 */
import type { ChainDetail, Link } from '@ketenregie/core';
import { Alert, Anchor, Button, Card, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconInfoCircle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { useFlash } from '../../../components/flash.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { describeNorm } from '../../../lib/norm.ts';
import { useDeleteLink } from '../api/delete-link.ts';
import { useReorderLinks } from '../api/reorder-links.ts';
import { LinkForm } from './link-form.tsx';
import { findOrderProblem, type OrderProblem } from './order-problem.ts';

/** Props of {@link LinkEditor}. */
export interface LinkEditorProps {
  readonly detail: ChainDetail;
  /** Fetches the latest version of the chain. */
  readonly onReload: () => Promise<ChainDetail | undefined>;
  /** Where partners are managed (links need at least one partner). */
  readonly partnersPath: string;
}

function isLink(value: Link | undefined): value is Link {
  return value !== undefined;
}

type Dialog = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly link: Link } | null;
type Direction = 'up' | 'down';

/** Ordered table of links with move, add, edit and delete. */
export function LinkEditor({ detail, onReload, partnersPath }: LinkEditorProps) {
  const { t } = useTranslation();
  const flash = useFlash();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [toDelete, setToDelete] = useState<Link | null>(null);
  const [blockedMove, setBlockedMove] = useState<OrderProblem | null>(null);
  const deleteLink = useDeleteLink();
  const reorder = useReorderLinks();
  const tableRef = useRef<HTMLTableElement | null>(null);
  const { chain, partners } = detail;
  const links = [...detail.links].sort((a, b) => a.position - b.position);
  const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));

  // After a move, focus goes back to the moved link's button (or its other move button when that
  // one is now at the end), once the new order has rendered.
  const [focusRequest, setFocusRequest] = useState<{ linkId: string; direction: Direction } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const table = tableRef.current;
    const { linkId, direction } = focusRequest;
    const preferred = table?.querySelector<HTMLButtonElement>(`[data-move="${linkId}:${direction}"]:not([disabled])`);
    const other = table?.querySelector<HTMLButtonElement>(
      `[data-move="${linkId}:${direction === 'up' ? 'down' : 'up'}"]`,
    );
    (preferred ?? other)?.focus();
  }, [focusRequest]);

  const move = (link: Link, direction: Direction) => {
    if (reorder.isPending) return;
    const index = links.findIndex((candidate) => candidate.id === link.id);
    const target = direction === 'up' ? index - 1 : index + 1;
    if (index < 0 || target < 0 || target >= links.length) return;
    const ids = links.map((candidate) => candidate.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(target, 0, moved);
    const problem = findOrderProblem(ids.map((id) => links.find((candidate) => candidate.id === id)).filter(isLink));
    setBlockedMove(problem);
    if (problem) return;
    reorder.mutate(
      { chainId: chain.id, linkIds: ids },
      {
        onSuccess: () => {
          flash(t('links.moved', { name: link.name, position: target + 1 }));
          setFocusRequest({ linkId: link.id, direction });
        },
        onError: (error) => {
          if (isApiError(error, 'conflict')) flash(t('links.orderConflict'));
        },
      },
    );
  };

  const reloadLink = (linkId: string) => async () =>
    (await onReload())?.links.find((candidate) => candidate.id === linkId);

  const closeDelete = () => {
    setToDelete(null);
    deleteLink.reset();
  };
  const deleteTarget = toDelete ? (links.find((link) => link.id === toDelete.id) ?? toDelete) : null;
  const deleteProblem = deleteTarget ? findOrderProblem(links.filter((link) => link.id !== deleteTarget.id)) : null;
  const problemText = (problem: OrderProblem, context: 'order' | 'delete') =>
    problem.kind === 'firstHasNorm'
      ? t(context === 'order' ? 'links.orderBlockedFirst' : 'links.deleteBlockedFirst', { name: problem.link.name })
      : t(context === 'order' ? 'links.orderBlockedFrom' : 'links.deleteBlockedFrom', {
          name: problem.link.name,
          from: problem.from.name,
        });

  return (
    <Card padding="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Title order={2}>{t('links.title')}</Title>
            <Text fz="sm" c="dimmed" maw="46rem">
              {t('links.intro')}
            </Text>
          </Stack>
          <Button
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => setDialog({ kind: 'add' })}
            disabled={partners.length === 0}
            data-testid="add-link"
          >
            {t('links.add')}
          </Button>
        </Group>

        {partners.length === 0 && (
          <Alert color="ketenblauw" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
            <Text fz="sm">{t('links.needPartners')}</Text>
            <Anchor component={RouterLink} to={partnersPath} fz="sm" fw={600}>
              {t('links.goToPartners')}
            </Anchor>
          </Alert>
        )}

        {blockedMove && (
          <Alert color="orange" variant="light" role="alert" icon={<IconInfoCircle aria-hidden="true" />}>
            <Text fz="sm">{problemText(blockedMove, 'order')}</Text>
          </Alert>
        )}
        {reorder.isError && !isApiError(reorder.error, 'conflict') && <ErrorState error={reorder.error} />}

        {links.length === 0 ? (
          partners.length > 0 && <Text c="dimmed">{t('links.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" highlightOnHover ref={tableRef} data-testid="link-editor-table">
              <caption className="kr-sr-only">{t('links.title')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={64}>
                    {t('links.position')}
                  </Table.Th>
                  <Table.Th scope="col">{t('links.name')}</Table.Th>
                  <Table.Th scope="col">{t('overview.responsible')}</Table.Th>
                  <Table.Th scope="col">{t('overview.norm')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="kr-sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {links.map((link, index) => {
                  const norm = describeNorm(link, links, t);
                  return (
                    <Table.Tr key={link.id} data-link={link.key}>
                      <Table.Td>
                        <span className="kr-process-number">{link.position}</span>
                      </Table.Td>
                      <Table.Th scope="row">
                        <Text fw={600} fz="sm">
                          {link.name}
                        </Text>
                        <Group gap={6}>
                          <Code fz="xs" c="#374151">
                            {link.key}
                          </Code>
                          {link.activities.length > 0 && (
                            <Text fz="xs" c="dimmed">
                              {t('links.activityCount', { count: link.activities.length })}
                            </Text>
                          )}
                        </Group>
                      </Table.Th>
                      <Table.Td>
                        <Text fz="sm">
                          {link.partnerIds.map((id) => partnerName.get(id) ?? id).join(', ') || t('common.none')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{norm ?? t('norm.none')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            aria-label={t('links.moveUp', { name: link.name })}
                            data-move={`${link.id}:up`}
                            disabled={index === 0}
                            onClick={() => move(link, 'up')}
                          >
                            <IconArrowUp size={18} aria-hidden="true" />
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            aria-label={t('links.moveDown', { name: link.name })}
                            data-move={`${link.id}:down`}
                            disabled={index === links.length - 1}
                            onClick={() => move(link, 'down')}
                          >
                            <IconArrowDown size={18} aria-hidden="true" />
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            leftSection={<IconPencil size={16} aria-hidden="true" />}
                            onClick={() => setDialog({ kind: 'edit', link })}
                            data-testid="edit-link"
                          >
                            {t('common.edit')}
                            <span className="kr-sr-only"> {link.name}</span>
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={16} aria-hidden="true" />}
                            onClick={() => setToDelete(link)}
                            data-testid="delete-link"
                          >
                            {t('common.delete')}
                            <span className="kr-sr-only"> {link.name}</span>
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? t('links.editNamed', { name: dialog.link.name }) : t('links.addTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="xl"
      >
        {dialog && (
          <LinkForm
            key={dialog.kind === 'edit' ? dialog.link.id : 'new'}
            chainId={chain.id}
            partners={partners}
            links={links}
            link={dialog.kind === 'edit' ? dialog.link : undefined}
            onReload={dialog.kind === 'edit' ? reloadLink(dialog.link.id) : () => Promise.resolve(undefined)}
            onDone={() => setDialog(null)}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>

      <ConfirmDialog
        opened={deleteTarget !== null}
        onClose={closeDelete}
        title={t('links.deleteTitle')}
        body={
          <>
            {t('links.deleteBody', { name: deleteTarget?.name ?? '' })}
            {deleteProblem && (
              <Alert mt="sm" color="orange" variant="light">
                {problemText(deleteProblem, 'delete')}
              </Alert>
            )}
          </>
        }
        confirmLabel={t('links.deleteConfirm')}
        canConfirm={deleteProblem === null}
        busy={deleteLink.isPending}
        error={deleteLink.error}
        errorMessage={isApiError(deleteLink.error, 'version_conflict') ? t('conflict.deleteBody') : undefined}
        onConfirm={() => {
          if (!deleteTarget) return;
          deleteLink.mutate(
            { chainId: chain.id, linkId: deleteTarget.id, version: deleteTarget.version },
            {
              onSuccess: () => {
                setToDelete(null);
                flash(t('links.deleted', { name: deleteTarget.name }));
              },
            },
          );
        }}
      />
    </Card>
  );
}
