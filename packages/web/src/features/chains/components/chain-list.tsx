/**
 * The chains as cards: name, target group, partner and link counts and the last change. Without
 * chains it shows an empty state that invites to create the first one.
 */
import type { ChainSummary } from '@ketenregie/core';
import { Anchor, Badge, Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconPlus, IconRoute, IconTemplate, IconTopologyStar3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';

/** Props of {@link ChainList}. */
export interface ChainListProps {
  readonly chains: readonly ChainSummary[];
  /** Where "new chain" and "from template" lead. */
  readonly newChainPath: string;
  readonly fromTemplatePath: string;
}

/** Cards of all chains, or an empty state with calls to action. */
export function ChainList({ chains, newChainPath, fromTemplatePath }: ChainListProps) {
  const { t, i18n } = useTranslation();

  if (chains.length === 0) {
    return (
      <Card padding="xl">
        <EmptyState icon={<IconTopologyStar3 size={40} stroke={1.5} aria-hidden="true" />} variant="light" size="lg">
          <EmptyState.Title order={2}>{t('chainList.emptyTitle')}</EmptyState.Title>
          <EmptyState.Description maw="36rem">{t('chainList.emptyBody')}</EmptyState.Description>
          <EmptyState.Actions>
            <Button component={Link} to={newChainPath} leftSection={<IconPlus size={18} aria-hidden="true" />}>
              {t('chainList.newChain')}
            </Button>
            <Button
              component={Link}
              to={fromTemplatePath}
              variant="default"
              leftSection={<IconTemplate size={18} aria-hidden="true" />}
            >
              {t('chainList.fromTemplate')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    );
  }

  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="lg"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {chains.map((chain) => (
        <Card key={chain.id} component="li" shadow="xs" style={{ display: 'flex', flexDirection: 'column' }}>
          <Stack gap="sm" style={{ flex: 1 }}>
            <Title order={2} fz="h3">
              <Anchor
                component={Link}
                to={`/chains/${encodeURIComponent(chain.slug)}`}
                underline="hover"
                c="ketenblauw.8"
              >
                {chain.name}
              </Anchor>
            </Title>
            <div>
              <Text fz="xs" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
                {t('chainList.targetGroup')}
              </Text>
              <Text fz="sm" lineClamp={3}>
                {chain.targetGroup}
              </Text>
            </div>
            <Group gap="xs" mt="auto" pt="xs">
              <Badge variant="light" leftSection={<IconBuildingCommunity size={14} aria-hidden="true" />} tt="none">
                {t('chainList.partners', { count: chain.partnerCount })}
              </Badge>
              <Badge variant="light" leftSection={<IconRoute size={14} aria-hidden="true" />} tt="none">
                {t('chainList.links', { count: chain.linkCount })}
              </Badge>
            </Group>
            <Text fz="xs" c="dimmed">
              {t('chainList.updated', { date: formatDate(chain.updatedAt, i18n.language) })}
            </Text>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
