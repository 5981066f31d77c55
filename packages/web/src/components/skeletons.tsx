/**
 * Placeholders in the shape of the content while it loads, announced once to screen readers.
 */
import { Card, Group, SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function LoadingLabel() {
  const { t } = useTranslation();
  return (
    <VisuallyHidden role="status" aria-live="polite">
      {t('common.loading')}
    </VisuallyHidden>
  );
}

/** Placeholder of the chain list: a title and a grid of cards. */
export function ChainListSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true">
      <LoadingLabel />
      <Skeleton height={36} width="30%" />
      <Skeleton height={16} width="60%" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {[1, 2, 3].map((key) => (
          <Card key={key}>
            <Stack gap="sm">
              <Skeleton height={22} width="70%" />
              <Skeleton height={12} />
              <Skeleton height={12} width="85%" />
              <Group gap="xs">
                <Skeleton height={20} width={80} radius="xl" />
                <Skeleton height={20} width={80} radius="xl" />
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Placeholder of a chain page: header, tabs and blocks of content. */
export function ChainSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true">
      <LoadingLabel />
      <Skeleton height={14} width="25%" />
      <Skeleton height={36} width="45%" />
      <Skeleton height={40} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Skeleton height={110} />
        <Skeleton height={110} />
        <Skeleton height={110} />
      </SimpleGrid>
      <Group gap="md" wrap="nowrap">
        {[1, 2, 3, 4].map((key) => (
          <Skeleton key={key} height={150} width={200} />
        ))}
      </Group>
    </Stack>
  );
}

/** Placeholder of a form. */
export function FormSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" maw={720}>
      <LoadingLabel />
      {[1, 2, 3, 4].map((key) => (
        <Stack key={key} gap={6}>
          <Skeleton height={14} width="30%" />
          <Skeleton height={36} />
        </Stack>
      ))}
    </Stack>
  );
}
