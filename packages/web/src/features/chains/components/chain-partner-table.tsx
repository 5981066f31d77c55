/**
 * The partners as a table: number (as on the grid), organisation, sector, roles, interest,
 * influence, commitment and the approach their quadrant asks for. It is also the text
 * alternative of the power/interest grid.
 */
import type { Partner } from '@ketenregie/core';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RatingMeter } from '../../../components/rating.tsx';
import { quadrantOf } from './quadrant.ts';

/** Props of {@link ChainPartnerTable}. */
export interface ChainPartnerTableProps {
  readonly partners: readonly Partner[];
}

/** Read-only table of the chain's partners. */
export function ChainPartnerTable({ partners }: ChainPartnerTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="partner-table">
        <caption className="kr-sr-only">{t('overview.partnerCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">{t('overview.colName')}</Table.Th>
            <Table.Th scope="col">{t('overview.colSector')}</Table.Th>
            <Table.Th scope="col">{t('overview.colRoles')}</Table.Th>
            <Table.Th scope="col">{t('overview.colInterest')}</Table.Th>
            <Table.Th scope="col">{t('overview.colInfluence')}</Table.Th>
            <Table.Th scope="col">{t('overview.colCommitment')}</Table.Th>
            <Table.Th scope="col">{t('overview.colQuadrant')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner, index) => (
            <Table.Tr key={partner.id}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Th scope="row" fw={600}>
                {partner.name}
              </Table.Th>
              <Table.Td>{t(`sectors.${partner.sector}`)}</Table.Td>
              <Table.Td>{partner.roles.map((role) => t(`roles.${role}`)).join(', ')}</Table.Td>
              <Table.Td>
                <RatingMeter value={partner.interestLevel} />
              </Table.Td>
              <Table.Td>
                <RatingMeter value={partner.influence} />
              </Table.Td>
              <Table.Td>
                <RatingMeter value={partner.commitment} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={600}>
                  {t(`quadrants.${quadrantOf(partner)}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
