/**
 * The partners on a power/interest grid, drawn as SVG. Horizontal: interest in the chain's result;
 * vertical: influence on the chain. Each point carries the partner's number and name; the quadrants
 * are named. The picture is one image for assistive technology; the partner table on the same
 * page holds the same data as text, which the image's description points to.
 */
import type { Partner } from '@ketenregie/core';
import { Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HIGH_RATING, quadrantOf, type Quadrant } from './quadrant.ts';

const WIDTH = 720;
const MARGIN = { left: 60, right: 8, top: 8, bottom: 56 };
/** Height of the band that holds a quadrant's name above (top half) or below (bottom half) the points. */
const BAND = 26;
/** Vertical room for one partner: a marker and a label of up to two lines. */
const ROW_GAP = 34;
const MIN_ROW = 72;
const LINE_CHARS = 17;

const QUADRANT_FILL: Record<Quadrant, string> = {
  manageClosely: '#dce7f5',
  keepSatisfied: '#eaf0f7',
  keepInformed: '#eef1f4',
  monitor: '#f6f7f9',
};

/**
 * Splits a partner's name into at most two lines of about `LINE_CHARS` characters, leaving out
 * parenthesised remarks; the full name is in the legend and the table.
 */
export function labelLines(name: string): [string] | [string, string] {
  const words = name
    .replace(/\s*\([^)]*\)/g, '')
    .trim()
    .split(/\s+/);
  const lines: string[] = [''];
  for (const word of words) {
    const current = lines[lines.length - 1] ?? '';
    if (current === '' || `${current} ${word}`.length <= LINE_CHARS || lines.length === 2) {
      lines[lines.length - 1] = current === '' ? word : `${current} ${word}`;
    } else {
      lines.push(word);
    }
  }
  const [first = '', second] = lines.map((line) =>
    line.length <= LINE_CHARS ? line : `${line.slice(0, LINE_CHARS - 1).trimEnd()}…`,
  );
  return second === undefined ? [first] : [first, second];
}

/** Props of {@link PowerInterestGrid}. */
export interface PowerInterestGridProps {
  /** Partners in display order; a partner's number is its index + 1, as in the partner table. */
  readonly partners: readonly Partner[];
}

/** SVG grid of the partners' interest and influence. */
export function PowerInterestGrid({ partners }: PowerInterestGridProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();

  const cells = new Map<string, { partner: Partner; number: number }[]>();
  partners.forEach((partner, index) => {
    const key = `${partner.interestLevel}:${partner.influence}`;
    const list = cells.get(key) ?? [];
    list.push({ partner, number: index + 1 });
    cells.set(key, list);
  });
  const mostInCell = Math.max(1, ...[...cells.values()].map((list) => list.length));

  const cellWidth = (WIDTH - MARGIN.left - MARGIN.right) / 5;
  const rowHeight = Math.max(MIN_ROW, mostInCell * ROW_GAP + 10);
  const plotTop = MARGIN.top;
  const plotHeight = BAND * 2 + rowHeight * 5;
  const height = plotTop + plotHeight + MARGIN.bottom;
  const plotLeft = MARGIN.left;
  const plotRight = WIDTH - MARGIN.right;
  const plotBottom = plotTop + plotHeight;

  /** Left edge of the column of an interest rating. */
  const columnX = (rating: number) => plotLeft + (rating - 1) * cellWidth;
  /** Top edge of the row of an influence rating (5 at the top). */
  const rowY = (rating: number) => plotTop + BAND + (5 - rating) * rowHeight;

  const splitX = columnX(HIGH_RATING);
  const splitY = rowY(HIGH_RATING - 1);

  const quadrants: { key: Quadrant; x: number; y: number; w: number; h: number; labelX: number; labelY: number }[] = [
    {
      key: 'keepSatisfied',
      x: plotLeft,
      y: plotTop,
      w: splitX - plotLeft,
      h: splitY - plotTop,
      labelX: plotLeft + 10,
      labelY: plotTop + 18,
    },
    {
      key: 'manageClosely',
      x: splitX,
      y: plotTop,
      w: plotRight - splitX,
      h: splitY - plotTop,
      labelX: splitX + 10,
      labelY: plotTop + 18,
    },
    {
      key: 'monitor',
      x: plotLeft,
      y: splitY,
      w: splitX - plotLeft,
      h: plotBottom - splitY,
      labelX: plotLeft + 10,
      labelY: plotBottom - 9,
    },
    {
      key: 'keepInformed',
      x: splitX,
      y: splitY,
      w: plotRight - splitX,
      h: plotBottom - splitY,
      labelX: splitX + 10,
      labelY: plotBottom - 9,
    },
  ];

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      data-testid="power-interest-grid"
      fontFamily="inherit"
    >
      <title id={titleId}>{t('overview.gridTitle')}</title>
      <desc id={descId}>{t('overview.gridLabel', { count: partners.length })}</desc>

      {quadrants.map((quadrant) => (
        <g key={quadrant.key}>
          <rect
            x={quadrant.x}
            y={quadrant.y}
            width={quadrant.w}
            height={quadrant.h}
            fill={QUADRANT_FILL[quadrant.key]}
          />
          <text
            x={quadrant.labelX}
            y={quadrant.labelY}
            fontSize={13}
            fontWeight={700}
            fill="#374151"
            letterSpacing={0.3}
          >
            {t(`quadrants.${quadrant.key}`).toUpperCase()}
          </text>
        </g>
      ))}

      {[1, 2, 3, 4].map((rating) => (
        <line
          key={`v${rating}`}
          x1={columnX(rating + 1)}
          x2={columnX(rating + 1)}
          y1={plotTop}
          y2={plotBottom}
          stroke="#ffffff"
          strokeWidth={1}
        />
      ))}
      <line
        x1={splitX}
        x2={splitX}
        y1={plotTop}
        y2={plotBottom}
        stroke="#8a97a8"
        strokeWidth={1.5}
        strokeDasharray="5 4"
      />
      <line
        x1={plotLeft}
        x2={plotRight}
        y1={splitY}
        y2={splitY}
        stroke="#8a97a8"
        strokeWidth={1.5}
        strokeDasharray="5 4"
      />
      <rect x={plotLeft} y={plotTop} width={plotRight - plotLeft} height={plotHeight} fill="none" stroke="#8a97a8" />

      {[1, 2, 3, 4, 5].map((rating) => (
        <g key={`tick${rating}`} fontSize={12} fill="#374151">
          <text x={columnX(rating) + cellWidth / 2} y={plotBottom + 18} textAnchor="middle">
            {rating}
          </text>
          <text x={plotLeft - 10} y={rowY(rating) + rowHeight / 2 + 4} textAnchor="end">
            {rating}
          </text>
        </g>
      ))}
      <text
        x={(plotLeft + plotRight) / 2}
        y={plotBottom + 44}
        textAnchor="middle"
        fontSize={13}
        fontWeight={700}
        fill="#1f2933"
      >
        {t('overview.gridAxisInterest')} →
      </text>
      <text
        transform={`translate(${plotLeft - 40} ${(plotTop + plotBottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={13}
        fontWeight={700}
        fill="#1f2933"
      >
        {t('overview.gridAxisInfluence')} →
      </text>

      {[...cells.entries()].map(([key, list]) => {
        const first = list[0];
        if (!first) return null;
        const x = columnX(first.partner.interestLevel) + 8;
        const top = rowY(first.partner.influence) + (rowHeight - list.length * ROW_GAP) / 2 + 4;
        return (
          <g key={key}>
            {list.map(({ partner, number }, index) => {
              const cy = top + index * ROW_GAP + 12;
              const lines = labelLines(partner.name);
              return (
                <g key={partner.id} data-partner={partner.key}>
                  <circle cx={x + 10} cy={cy} r={10} fill="#154273" />
                  <text x={x + 10} y={cy + 4} textAnchor="middle" fontSize={11} fontWeight={700} fill="#ffffff">
                    {number}
                  </text>
                  <text x={x + 25} y={cy + 4} fontSize={12.5} fill="#1f2933">
                    {lines.map((line, lineIndex) => (
                      <tspan key={line} x={x + 25} dy={lineIndex === 0 ? 0 : 14}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** Quadrants from the most to the least attention they ask for. */
const QUADRANT_ORDER: readonly Quadrant[] = ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'];

/**
 * The grid as text: per quadrant the numbered partners in it, with their full names. It sits next to
 * the picture and is what screen reader users read instead of it.
 */
export function PowerInterestLegend({ partners }: PowerInterestGridProps) {
  const { t } = useTranslation();
  const numbered = partners.map((partner, index) => ({ partner, number: index + 1 }));
  return (
    <Stack gap="md" data-testid="grid-legend">
      {QUADRANT_ORDER.map((quadrant) => {
        const members = numbered.filter(({ partner }) => quadrantOf(partner) === quadrant);
        return (
          <Stack key={quadrant} gap={6}>
            <Title order={3} fz="sm" tt="uppercase" lts={0.4} c="#374151">
              {t(`quadrants.${quadrant}`)} ({members.length})
            </Title>
            {members.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('common.none')}
              </Text>
            ) : (
              <ul className="kr-legend">
                {members.map(({ partner, number }) => (
                  <li key={partner.id}>
                    <span className="kr-legend-number" aria-hidden="true">
                      {number}
                    </span>
                    <Text component="span" fz="sm">
                      {partner.name}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
