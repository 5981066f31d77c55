/**
 * The primary process as a sequence of numbered steps, left to right and wrapping onto the next
 * line, each with its responsible partners and its norm ("≤ 60 min vanaf 112-melding").
 */
import type { Link, Partner } from '@ketenregie/core';
import { Stack, Text, Title } from '@mantine/core';
import { IconChevronRight, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeNorm } from '../../../lib/norm.ts';

/** Props of {@link PrimaryProcess}. */
export interface PrimaryProcessProps {
  readonly links: readonly Link[];
  readonly partners: readonly Partner[];
}

/** An ordered list of the links as cards joined by arrows. */
export function PrimaryProcess({ links, partners }: PrimaryProcessProps) {
  const { t } = useTranslation();
  const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));
  const ordered = [...links].sort((a, b) => a.position - b.position);

  return (
    <ol className="kr-process" data-testid="primary-process">
      {ordered.map((link, index) => {
        const norm = describeNorm(link, ordered, t);
        const responsible = link.partnerIds.map((id) => partnerName.get(id)).filter((name) => name !== undefined);
        return (
          <li key={link.id} className="kr-process-item">
            <div className="kr-process-step">
              <Stack gap={6}>
                <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <span className="kr-process-number" aria-hidden="true">
                    {link.position}
                  </span>
                  <Title order={3} fz="md" lh={1.3} pt={3}>
                    <span className="kr-sr-only">{t('overview.step', { position: link.position })}: </span>
                    {link.name}
                  </Title>
                </div>
                <div>
                  <Text fz="xs" fw={700} c="dimmed">
                    {t('overview.responsible')}
                  </Text>
                  {responsible.length > 0 ? (
                    <Text fz="sm" lh={1.4}>
                      {responsible.join(', ')}
                    </Text>
                  ) : (
                    <Text fz="sm" c="dimmed" fs="italic">
                      {t('overview.noPartners')}
                    </Text>
                  )}
                </div>
              </Stack>
              {norm && (
                <div className="kr-norm">
                  <IconClockHour4 size={16} aria-hidden="true" style={{ flex: 'none', marginTop: 1 }} />
                  <span>
                    <span className="kr-sr-only">{t('overview.norm')}: </span>
                    {norm}
                    {link.norm?.description && (
                      <Text component="span" display="block" fz="xs" fw={400} mt={2}>
                        {link.norm.description}
                      </Text>
                    )}
                  </span>
                </div>
              )}
            </div>
            {index < ordered.length - 1 && (
              <span className="kr-process-arrow" aria-hidden="true">
                <IconChevronRight size={22} stroke={2.2} />
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
