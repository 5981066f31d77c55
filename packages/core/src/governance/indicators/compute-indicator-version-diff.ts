/**
 * What changed between two versions of an indicator, for the version history ("what did we agree
 * differently, why, and who agreed").
 */
import type { IndicatorAgreement, IndicatorFields, IndicatorReferencePoint } from './indicator-schemas.ts';

/** The definition fields compared between versions, in the order the history shows them. */
export const INDICATOR_VERSIONED_FIELDS = [
  'key',
  'name',
  'kind',
  'definition',
  'unit',
  'direction',
  'baseline',
  'target',
  'frequency',
  'ownerPartnerId',
  'linkIds',
  'contributesToIndicatorIds',
] as const satisfies readonly (keyof IndicatorFields)[];
/** See {@link INDICATOR_VERSIONED_FIELDS}. */
export type IndicatorVersionedField = (typeof INDICATOR_VERSIONED_FIELDS)[number];

/** A value of one of the versioned fields. */
export type IndicatorFieldValue = string | null | readonly string[] | IndicatorReferencePoint;

/** One changed field with its value before and after. */
export interface IndicatorFieldChange {
  readonly field: IndicatorVersionedField;
  readonly before: IndicatorFieldValue;
  readonly after: IndicatorFieldValue;
}

/** The difference between two versions of one indicator. */
export interface IndicatorVersionDiff {
  readonly fromVersion: number;
  readonly toVersion: number;
  /** Why the newer version was made. */
  readonly reason: string;
  /** Who agreed to the newer version. */
  readonly agreedBy: readonly IndicatorAgreement[];
  readonly agreedOn: string;
  /** Fields whose value differs, in the order of {@link INDICATOR_VERSIONED_FIELDS}. */
  readonly changes: readonly IndicatorFieldChange[];
  /**
   * True when the direction, baseline or target changed: the path moved, so statuses computed
   * under the older version cannot be compared with the new ones.
   */
  readonly pathChanged: boolean;
}

/** The version record fields a diff reports alongside the changes. */
type VersionSnapshot = IndicatorFields & {
  readonly version: number;
  readonly reason: string;
  readonly agreedBy: readonly IndicatorAgreement[];
  readonly agreedOn: string;
};

/**
 * Compares two versions field by field. Lists of ids compare as sets (order does not matter);
 * baseline and target compare by value and date.
 */
export function computeIndicatorVersionDiff(previous: VersionSnapshot, next: VersionSnapshot): IndicatorVersionDiff {
  const changes: IndicatorFieldChange[] = [];
  for (const field of INDICATOR_VERSIONED_FIELDS) {
    const before: IndicatorFieldValue = previous[field];
    const after: IndicatorFieldValue = next[field];
    if (!sameValue(before, after)) changes.push({ field, before, after });
  }
  return {
    fromVersion: previous.version,
    toVersion: next.version,
    reason: next.reason,
    agreedBy: next.agreedBy,
    agreedOn: next.agreedOn,
    changes,
    pathChanged: changes.some((c) => c.field === 'direction' || c.field === 'baseline' || c.field === 'target'),
  };
}

function sameValue(x: IndicatorFieldValue, y: IndicatorFieldValue): boolean {
  if (x === null || y === null || typeof x === 'string' || typeof y === 'string') return x === y;
  if (isIdList(x) || isIdList(y)) {
    if (!isIdList(x) || !isIdList(y)) return false;
    const set = new Set(x);
    return x.length === y.length && y.every((id) => set.has(id));
  }
  return x.value === y.value && x.date === y.date;
}

function isIdList(value: readonly string[] | IndicatorReferencePoint): value is readonly string[] {
  return Array.isArray(value);
}
