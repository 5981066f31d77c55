/**
 * How a link's norm reads: "≤ 60 min vanaf 112-melding". The norm is measured from the link named
 * by `fromLinkId`, or from the link just before it when that is null.
 */
import type { Link } from '@ketenregie/core';
import type { TFunction } from 'i18next';
import { formatDuration } from './format.ts';

/** The link a norm is measured from, if any. */
export function findNormStart(link: Link, links: readonly Link[]): Link | undefined {
  if (!link.norm) return undefined;
  const { fromLinkId } = link.norm;
  if (fromLinkId !== null) return links.find((candidate) => candidate.id === fromLinkId);
  return links.find((candidate) => candidate.position === link.position - 1);
}

/** The norm of a link as one line of text, or null when the link has no norm. */
export function describeNorm(link: Link, links: readonly Link[], t: TFunction): string | null {
  if (!link.norm) return null;
  const duration = formatDuration(link.norm.maxMinutes, t);
  const start = findNormStart(link, links);
  return start ? t('norm.atMostFrom', { duration, from: start.name }) : t('norm.atMost', { duration });
}
