/**
 * The overview of one chain: target group, societal goal and description; the primary process;
 * the partners on the power/interest grid and in a table; and the trajectory data in aggregate.
 */
import type { ChainDetail } from '@ketenregie/core';
import { Anchor, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChainPartnerTable } from './chain-partner-table.tsx';
import { PowerInterestGrid, PowerInterestLegend } from './power-interest-grid.tsx';
import { PrimaryProcess } from './primary-process.tsx';
import { TrajectorySummary } from './trajectory-summary.tsx';

/** Props of {@link ChainOverview}. */
export interface ChainOverviewProps {
  readonly detail: ChainDetail;
  /** Where the "manage" links of the sections lead. */
  readonly partnersPath: string;
  readonly linksPath: string;
}

function Section({
  title,
  intro,
  action,
  children,
  testId,
}: {
  readonly title: string;
  readonly intro?: string;
  readonly action?: ReactNode;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  return (
    <Card component="section" padding="lg" data-testid={testId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Title order={2}>{title}</Title>
            {intro && (
              <Text fz="sm" c="dimmed" maw="46rem">
                {intro}
              </Text>
            )}
          </Stack>
          {action}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={2} fz="xs" tt="uppercase" lts={0.5} c="dimmed">
        {label}
      </Title>
      <Text style={{ whiteSpace: 'pre-line' }}>{children}</Text>
    </Stack>
  );
}

/** Everything about one chain on one page. */
export function ChainOverview({ detail, partnersPath, linksPath }: ChainOverviewProps) {
  const { t } = useTranslation();
  const { chain, partners, links, trajectories } = detail;

  return (
    <Stack gap="lg">
      <Card padding="lg" data-testid="chain-facts">
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: chain.description ? 4 : 6 }}>
            <Fact label={t('overview.targetGroup')}>{chain.targetGroup}</Fact>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: chain.description ? 4 : 6 }}>
            <Fact label={t('overview.societalGoal')}>{chain.societalGoal}</Fact>
          </Grid.Col>
          {chain.description && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Fact label={t('overview.description')}>{chain.description}</Fact>
            </Grid.Col>
          )}
        </Grid>
      </Card>

      <Section title={t('overview.trajectoriesTitle')} testId="trajectory-section">
        <TrajectorySummary stats={trajectories} />
      </Section>

      <Section
        title={t('overview.processTitle')}
        intro={t('overview.processIntro')}
        action={
          <Anchor component={Link} to={linksPath} fz="sm" fw={600}>
            {t('overview.processManage')}
          </Anchor>
        }
        testId="process-section"
      >
        {links.length > 0 ? (
          <PrimaryProcess links={links} partners={partners} />
        ) : (
          <Text c="dimmed">{t('overview.processEmpty')}</Text>
        )}
      </Section>

      <Section title={t('overview.gridTitle')} intro={t('overview.gridIntro')} testId="grid-section">
        {partners.length > 0 ? (
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <div className="kr-grid">
                <PowerInterestGrid partners={partners} />
              </div>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <PowerInterestLegend partners={partners} />
            </Grid.Col>
          </Grid>
        ) : (
          <Text c="dimmed">{t('overview.gridEmpty')}</Text>
        )}
      </Section>

      <Section
        title={t('overview.partnersTitle')}
        action={
          <Anchor component={Link} to={partnersPath} fz="sm" fw={600}>
            {t('overview.partnersManage')}
          </Anchor>
        }
        testId="partners-section"
      >
        {partners.length > 0 ? (
          <ChainPartnerTable partners={partners} />
        ) : (
          <Text c="dimmed">{t('overview.partnersEmpty')}</Text>
        )}
      </Section>
    </Stack>
  );
}
