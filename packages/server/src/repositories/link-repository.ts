/** SQL for the `links` and `link_partners` tables. */
import type { Link } from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { single } from './chain-repository.ts';

/** A link's row before its norm columns are folded into one object. */
interface LinkRow {
  readonly [column: string]: unknown;
  readonly id: string;
  readonly chainId: string;
  readonly key: string;
  readonly position: number;
  readonly name: string;
  readonly description: string;
  readonly activities: string[];
  readonly partnerIds: string[];
  readonly normMaxMinutes: number | null;
  readonly normFromLinkId: string | null;
  readonly normDescription: string | null;
  readonly version: number;
}

const LINK_COLUMNS = `l.id, l.chain_id AS "chainId", l.key, l.position, l.name, l.description, l.activities,
  COALESCE((SELECT array_agg(lp.partner_id::text ORDER BY lp.ordinal) FROM link_partners lp WHERE lp.link_id = l.id),
           '{}'::text[]) AS "partnerIds",
  l.norm_max_minutes AS "normMaxMinutes", l.norm_from_link_id AS "normFromLinkId",
  l.norm_description AS "normDescription", l.version`;

function toLink(row: LinkRow): Link {
  return {
    id: row.id,
    chainId: row.chainId,
    key: row.key,
    position: row.position,
    name: row.name,
    description: row.description,
    partnerIds: row.partnerIds,
    activities: row.activities,
    norm:
      row.normMaxMinutes === null
        ? null
        : {
            maxMinutes: row.normMaxMinutes,
            fromLinkId: row.normFromLinkId,
            description: row.normDescription ?? '',
          },
    version: row.version,
  };
}

/** The user-set fields of a link, as stored (partners live in `link_partners`). */
export interface LinkFields {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly activities: readonly string[];
  readonly norm: {
    readonly maxMinutes: number;
    readonly fromLinkId: string | null;
    readonly description: string;
  } | null;
}

/** The links of a chain in the order of the primary process. */
export async function listLinks(q: Queryable, chainId: string): Promise<Link[]> {
  const rows = await q.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM links l WHERE l.chain_id = $1 ORDER BY l.position`, [
    chainId,
  ]);
  return rows.map(toLink);
}

/** Reads one link of a chain. */
export async function findLink(q: Queryable, chainId: string, linkId: string): Promise<Link | null> {
  const rows = await q.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM links l WHERE l.chain_id = $1 AND l.id = $2`, [
    chainId,
    linkId,
  ]);
  const row = rows[0];
  return row === undefined ? null : toLink(row);
}

/** Inserts a link at `position` (the caller has made room) and returns its id. */
export async function insertLink(q: Queryable, chainId: string, position: number, fields: LinkFields): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO links (chain_id, key, position, name, description, activities,
                        norm_max_minutes, norm_from_link_id, norm_description)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8::uuid, $9)
     RETURNING id`,
    [chainId, fields.key, position, fields.name, fields.description, [...fields.activities], ...normValues(fields)],
  );
  return single(rows, 'insertLink').id;
}

/** Overwrites a link's fields and increments its version, only when it is still at `expectedVersion`. */
export async function updateLinkRow(
  q: Queryable,
  id: string,
  expectedVersion: number,
  fields: LinkFields,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE links
        SET key = $3, name = $4, description = $5, activities = $6::text[],
            norm_max_minutes = $7, norm_from_link_id = $8::uuid, norm_description = $9,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2
      RETURNING id`,
    [id, expectedVersion, fields.key, fields.name, fields.description, [...fields.activities], ...normValues(fields)],
  );
  return rows.length > 0;
}

function normValues(fields: LinkFields): [number | null, string | null, string | null] {
  return fields.norm === null
    ? [null, null, null]
    : [fields.norm.maxMinutes, fields.norm.fromLinkId, fields.norm.description];
}

/** Deletes a link (its partner rows go with it), only when it is still at `expectedVersion`. */
export async function deleteLinkRow(q: Queryable, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await q.query('DELETE FROM links WHERE id = $1 AND version = $2 RETURNING id', [id, expectedVersion]);
  return rows.length > 0;
}

/** Adds `delta` to the position of every link of a chain at or after `fromPosition`, in one statement. */
export async function shiftLinkPositions(
  q: Queryable,
  chainId: string,
  fromPosition: number,
  delta: number,
): Promise<void> {
  await q.query('UPDATE links SET position = position + $3 WHERE chain_id = $1 AND position >= $2', [
    chainId,
    fromPosition,
    delta,
  ]);
}

/** Sets positions 1..n in the order of `linkIds`, in one statement. */
export async function setLinkPositions(q: Queryable, chainId: string, linkIds: readonly string[]): Promise<void> {
  await q.query(
    `UPDATE links l SET position = o.position
       FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE l.chain_id = $1 AND l.id = o.id`,
    [chainId, [...linkIds]],
  );
}

/** Replaces the responsible partners of a link, keeping the given order. */
export async function replaceLinkPartners(
  q: Queryable,
  chainId: string,
  linkId: string,
  partnerIds: readonly string[],
): Promise<void> {
  await q.query('DELETE FROM link_partners WHERE link_id = $1', [linkId]);
  if (partnerIds.length === 0) {
    return;
  }
  await q.query(
    `INSERT INTO link_partners (chain_id, link_id, partner_id, ordinal)
     SELECT $1::uuid, $2::uuid, p.id, p.ordinal - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS p(id, ordinal)`,
    [chainId, linkId, [...partnerIds]],
  );
}

/** Names of the links of a chain that list a partner as responsible. */
export async function findLinksNamingPartner(
  q: Queryable,
  partnerId: string,
): Promise<{ key: string; name: string }[]> {
  return q.query<{ key: string; name: string }>(
    `SELECT l.key, l.name FROM link_partners lp JOIN links l ON l.id = lp.link_id
      WHERE lp.partner_id = $1 ORDER BY l.position`,
    [partnerId],
  );
}
