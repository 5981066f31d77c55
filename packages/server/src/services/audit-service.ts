/**
 * The audit log: every change and every read of case-level data is appended by the service that
 * does it, inside the same transaction, so a change that rolls back leaves no entry and an entry
 * never describes a change that did not happen. Entries cannot be edited (a database trigger
 * refuses UPDATE, DELETE and TRUNCATE). Directors read and export their chain's entries.
 */
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../auth/actor.ts';
import { insertAuditEntry, listAuditEntries, type AuditRow } from '../repositories/audit-repository.ts';

/** What happened, to what, on which chain. */
export interface AuditEvent {
  /** Dotted verb, e.g. `chain.update`, `member.grant`, `session.sign_in`, `flow.cases.read`. */
  readonly action: string;
  /** Kind of thing acted on, e.g. `chain`, `partner`, `user`, `api_token`. */
  readonly targetType: string;
  readonly targetId?: string | null;
  /** The chain it belongs to; null for installation-wide events (sign-in, organisations). */
  readonly chainId?: string | null;
  /** Further facts (changed fields, counts); never secrets or plain client identifiers. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Appends one entry for `actor` doing `event`; call it inside the transaction of the change. */
export async function recordAudit(q: Queryable, actor: Actor, event: AuditEvent): Promise<void> {
  await insertAuditEntry(q, {
    actorType: actor.kind,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorTokenId: actor.kind === 'token' ? actor.tokenId : null,
    actorOrganisationId: actor.kind === 'user' || actor.kind === 'token' ? actor.organisationId : null,
    actorLabel:
      actor.kind === 'user'
        ? actor.email
        : actor.kind === 'token'
          ? actor.name
          : actor.kind === 'system'
            ? actor.label
            : '',
    ip: actor.kind === 'system' ? null : actor.ip,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    chainId: event.chainId ?? null,
    details: event.details ?? {},
  });
}

/**
 * Records a read of case-level data (pseudonymised trajectories, lists of violating cases). Every
 * route that returns case-level data calls this before answering.
 */
export async function recordCaseLevelRead(
  q: Queryable,
  actor: Actor,
  chainId: string,
  what: string,
  details: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  await recordAudit(q, actor, { action: 'flow.cases.read', targetType: what, chainId, details });
}

/** Largest page of entries one request returns. */
export const AUDIT_PAGE_LIMIT = 1000;

/** Entries of a chain (or of the installation with `chainId` null), newest first; page with `beforeId`. */
export async function listAudit(
  q: Queryable,
  options: { readonly chainId: string | null; readonly limit?: number; readonly beforeId?: number | null },
): Promise<AuditRow[]> {
  return listAuditEntries(q, {
    chainId: options.chainId,
    limit: Math.min(Math.max(options.limit ?? 100, 1), AUDIT_PAGE_LIMIT),
    beforeId: options.beforeId ?? null,
  });
}

/** Columns of the CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'occurredAt',
  'actorType',
  'actor',
  'organisation',
  'action',
  'targetType',
  'targetId',
  'details',
] as const;

/**
 * The entries as CSV (RFC 4180, CRLF line ends, UTF-8). Cells that a spreadsheet would read as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading apostrophe, so
 * an exported log cannot run anything when opened.
 */
export function auditEntriesToCsv(entries: readonly AuditRow[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    lines.push(
      [
        String(entry.id),
        entry.occurredAt,
        entry.actorType,
        entry.actorLabel,
        entry.actorOrganisationName ?? '',
        entry.action,
        entry.targetType,
        entry.targetId ?? '',
        JSON.stringify(entry.details),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
