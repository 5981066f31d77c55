/**
 * "Not found" content: a heading, an explanation and the way back to the chain list.
 */
import { Button, Card, EmptyState } from '@mantine/core';
import { IconArrowLeft, IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppBreadcrumbs } from './breadcrumbs.tsx';

/** Props of {@link NotFound}. */
export interface NotFoundProps {
  readonly title: string;
  readonly body: string;
  readonly backTo: string;
}

/** Not-found message with a link back. */
export function NotFound({ title, body, backTo }: NotFoundProps) {
  const { t } = useTranslation();
  return (
    <>
      <AppBreadcrumbs items={[{ label: t('nav.chains'), to: backTo }, { label: title }]} />
      <Card padding="xl" mt="md" data-testid="not-found">
        <EmptyState icon={<IconMapPinOff size={40} stroke={1.5} aria-hidden="true" />} variant="light" size="lg">
          <EmptyState.Title order={1} tabIndex={-1} data-page-heading>
            {title}
          </EmptyState.Title>
          <EmptyState.Description>{body}</EmptyState.Description>
          <EmptyState.Actions>
            <Button component={Link} to={backTo} leftSection={<IconArrowLeft size={18} aria-hidden="true" />}>
              {t('notFound.back')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    </>
  );
}
