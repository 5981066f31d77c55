/**
 * What a page shows when loading failed: what went wrong, in the current language, and a retry.
 */
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';
import { errorText } from '../lib/messages.ts';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  readonly error: unknown;
  readonly onRetry?: () => void;
  readonly retrying?: boolean;
}

/** An alert naming the problem, with a button to try again. */
export function ErrorState({ error, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('errors.title')}
      icon={<IconAlertTriangle aria-hidden="true" />}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <Text fz="sm">{errorText(error, t)}</Text>
        {isApiError(error) && error.details.length > 0 && error.code !== 'invalid_response' && (
          <List fz="sm" spacing={2}>
            {error.details.map((detail) => (
              <List.Item key={`${detail.path}:${detail.message}`}>
                {t('errors.serverSays', { message: detail.message })}
              </List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <Button
            variant="outline"
            color="red"
            size="sm"
            onClick={onRetry}
            loading={retrying}
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
          >
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
