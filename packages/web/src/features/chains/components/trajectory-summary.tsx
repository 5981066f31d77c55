/**
 * What is stored of the chain's trajectory data: trajectories (cases), events, imports and the
 * period they cover.
 */
import type { TrajectoryStats } from '@ketenregie/core';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format.ts';

/** Props of {@link TrajectorySummary}. */
export interface TrajectorySummaryProps {
  readonly stats: TrajectoryStats;
}

function Stat({
  label,
  value,
  small = false,
}: {
  readonly label: string;
  readonly value: string;
  readonly small?: boolean;
}) {
  return (
    <Stack gap={2}>
      <Text fz="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text className="kr-stat-value" fz={small ? 'lg' : undefined}>
        {value}
      </Text>
    </Stack>
  );
}

/** Key figures of the trajectory data, or a note that none has been imported. */
export function TrajectorySummary({ stats }: TrajectorySummaryProps) {
  const { t, i18n } = useTranslation();
  if (stats.events === 0) {
    return <Text c="dimmed">{t('overview.trajectoriesEmpty')}</Text>;
  }
  const period =
    stats.firstEventAt && stats.lastEventAt
      ? t('overview.periodValue', {
          from: formatDate(stats.firstEventAt, i18n.language),
          to: formatDate(stats.lastEventAt, i18n.language),
        })
      : t('common.none');
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg" data-testid="trajectory-summary">
      <Stat label={t('overview.cases')} value={formatNumber(stats.cases, i18n.language)} />
      <Stat label={t('overview.events')} value={formatNumber(stats.events, i18n.language)} />
      <Stat label={t('overview.imports')} value={formatNumber(stats.imports, i18n.language)} />
      <Stat label={t('overview.period')} value={period} small />
    </SimpleGrid>
  );
}
