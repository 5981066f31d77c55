/**
 * A dialog that asks before something is deleted. The safe choice (cancel) gets focus first;
 * a failure is shown inside the dialog so the user sees why nothing happened.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/messages.ts';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly opened: boolean;
  readonly title: string;
  readonly body: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
  readonly busy?: boolean;
  /** Error of the last attempt, shown in the dialog. */
  readonly error?: unknown;
  /** Text that explains the error better than the generic one (e.g. why a delete is refused). */
  readonly errorMessage?: string;
  /** False when the action cannot be done now (the body explains why); only "cancel" is offered. */
  readonly canConfirm?: boolean;
}

/** Confirmation dialog for a destructive action. */
export function ConfirmDialog({
  opened,
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
  busy = false,
  error,
  errorMessage,
  canConfirm = true,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text component="div">{body}</Text>
        {error !== undefined && error !== null && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage ?? errorText(error, t)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          {canConfirm && (
            <Button color="red.9" onClick={onConfirm} loading={busy}>
              {confirmLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
