/**
 * The top of every page: breadcrumbs, the one `<h1>`, an optional introduction and actions.
 * The heading can take focus, so that the layout can move focus to it after navigation.
 */
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AppBreadcrumbs, type Crumb } from './breadcrumbs.tsx';

/** Props of {@link PageHeader}. */
export interface PageHeaderProps {
  readonly title: ReactNode;
  readonly breadcrumbs?: readonly Crumb[];
  readonly description?: ReactNode;
  readonly actions?: ReactNode;
  /** Small line under the title, such as the last change. */
  readonly meta?: ReactNode;
}

/** Breadcrumbs, title, description and actions of a page. */
export function PageHeader({ title, breadcrumbs, description, actions, meta }: PageHeaderProps) {
  return (
    <Stack gap="sm" mb="xl">
      {breadcrumbs && breadcrumbs.length > 0 && <AppBreadcrumbs items={breadcrumbs} />}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 28rem', minWidth: 0 }}>
          <Title order={1} tabIndex={-1} data-page-heading c="#1f2933">
            {title}
          </Title>
          {meta && (
            <Text fz="sm" c="dimmed">
              {meta}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {description && (
        <Text maw="48rem" c="#374151">
          {description}
        </Text>
      )}
    </Stack>
  );
}
