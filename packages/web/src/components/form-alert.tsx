/**
 * The message above a form after a failed submit. A version conflict explains that someone else
 * changed the data first and offers to load the latest version; nothing is overwritten silently.
 */
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubmitProblem } from '../lib/form.ts';
import { errorText } from '../lib/messages.ts';

/** Props of {@link FormAlert}. */
export interface FormAlertProps {
  readonly problem: SubmitProblem | null;
  /** Loads the latest version; shown for a version conflict. */
  readonly onReload?: () => void;
  readonly reloading?: boolean;
}

/** Alert for a failed submit, focusable so the form can move focus to it. */
export function FormAlert({ problem, onReload, reloading = false }: FormAlertProps) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.kind === 'conflict') {
    return (
      <Alert
        color="orange"
        variant="light"
        title={t('conflict.title')}
        icon={<IconAlertTriangle aria-hidden="true" />}
        role="alert"
        tabIndex={-1}
        data-form-alert
        data-testid="version-conflict"
      >
        <Stack gap="sm" align="flex-start">
          <Text fz="sm">{t('conflict.body')}</Text>
          {onReload && (
            <Button
              size="sm"
              onClick={onReload}
              loading={reloading}
              leftSection={<IconRefresh size={16} aria-hidden="true" />}
            >
              {t('conflict.reload')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      title={t('errors.title')}
      icon={<IconAlertTriangle aria-hidden="true" />}
      role="alert"
      tabIndex={-1}
      data-form-alert
    >
      <Stack gap="xs">
        <Text fz="sm">{errorText(problem.error, t)}</Text>
        {problem.messages.length > 0 && (
          <List fz="sm" spacing={2}>
            {problem.messages.map((message) => (
              <List.Item key={message}>{t('errors.serverSays', { message })}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
