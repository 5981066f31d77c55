/**
 * Schemas of agreements and commitment: covenants, commitment declarations, functional,
 * data-sharing and financial agreements, with their status history.
 */
import { z } from 'zod';
import { versionSchema } from '../../chain/chain-schemas.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { calendarDateSchema, idListSchema, momentSchema, optionalText, requiredText } from '../shared/schema-parts.ts';

/**
 * `covenant` — the chain-wide agreement signed by all partners; `commitment` — one partner's
 * commitment declaration (exactly one party, who signed and when); `functional` — who does what at
 * a link or handover; `data-sharing` — what data flows between partners and on which legal basis;
 * `financial` — who pays what (also the compensations of the business case).
 */
export const AGREEMENT_KINDS = ['covenant', 'commitment', 'functional', 'data-sharing', 'financial'] as const;
/** See {@link AGREEMENT_KINDS}. */
export const agreementKindSchema = z.enum(AGREEMENT_KINDS);
/** See {@link AGREEMENT_KINDS}. */
export type AgreementKind = z.infer<typeof agreementKindSchema>;

/** Strategic (board: goals, money), tactical (management: how), operational (work floor: daily practice). */
export const AGREEMENT_LEVELS = ['strategic', 'tactical', 'operational'] as const;
/** See {@link AGREEMENT_LEVELS}. */
export const agreementLevelSchema = z.enum(AGREEMENT_LEVELS);
/** See {@link AGREEMENT_LEVELS}. */
export type AgreementLevel = z.infer<typeof agreementLevelSchema>;

/**
 * The life of an agreement: `draft` (being negotiated), `agreed` (signed, not started), `in-progress`
 * (being carried out), `fulfilled` (done as agreed), `broken` (a party did not keep it), `expired`
 * (lapsed: its end passed, or a draft was never agreed). Allowed moves: AGREEMENT_STATUS_TRANSITIONS.
 */
export const AGREEMENT_STATUSES = ['draft', 'agreed', 'in-progress', 'fulfilled', 'broken', 'expired'] as const;
/** See {@link AGREEMENT_STATUSES}. */
export const agreementStatusSchema = z.enum(AGREEMENT_STATUSES);
/** See {@link AGREEMENT_STATUSES}. */
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

/** A signature of a party: who signed on behalf of which partner, and when. */
export const agreementSignatureSchema = z.object({
  partnerId: z.string().min(1),
  signedBy: requiredText(200),
  signedOn: calendarDateSchema,
});
/** See {@link agreementSignatureSchema}. */
export type AgreementSignature = z.infer<typeof agreementSignatureSchema>;

const agreementFieldsObject = z.object({
  title: requiredText(200),
  description: optionalText(4000),
  kind: agreementKindSchema,
  level: agreementLevelSchema,
  /** The partners bound by the agreement; a commitment declaration has exactly one. */
  partyPartnerIds: idListSchema.refine((ids) => ids.length >= 1, 'an agreement binds at least one partner'),
  /** The partner responsible for keeping the agreement alive (reviews, reporting). */
  ownerPartnerId: z.string().min(1),
  /** Links of the primary process the agreement is about. */
  linkIds: idListSchema.default([]),
  /** Indicators the agreement is meant to move. */
  indicatorIds: idListSchema.default([]),
  /** When it takes effect; null = from agreement. */
  startDate: calendarDateSchema.nullable().default(null),
  /** When it ends; null = open-ended (a long-term agreement, which then needs a review date). */
  endDate: calendarDateSchema.nullable().default(null),
  /** When what was agreed must have been delivered; passing it while not fulfilled needs attention. */
  dueDate: calendarDateSchema.nullable().default(null),
  /** When the parties look at it again; the anchoring view flags it from 60 days before. */
  reviewDate: calendarDateSchema.nullable().default(null),
  signatures: z.array(agreementSignatureSchema).max(500).default([]),
});

/** The fields of an agreement after parsing. */
export type AgreementFields = z.infer<typeof agreementFieldsObject>;

/**
 * Lists inconsistencies within an agreement, each with its field path: a commitment declaration has
 * exactly one party; the end date is not before the start date; signatures come from parties, once each.
 */
export function findAgreementProblems(fields: AgreementFields): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (fields.kind === 'commitment' && fields.partyPartnerIds.length !== 1) {
    problems.push({ path: 'partyPartnerIds', message: 'a commitment declaration is made by exactly one partner' });
  }
  if (fields.startDate !== null && fields.endDate !== null && fields.endDate < fields.startDate) {
    problems.push({ path: 'endDate', message: 'the end date lies before the start date' });
  }
  const signed = new Set<string>();
  fields.signatures.forEach((signature, i) => {
    if (!fields.partyPartnerIds.includes(signature.partnerId)) {
      problems.push({ path: `signatures.${i}.partnerId`, message: 'only a party to the agreement can sign it' });
    }
    if (signed.has(signature.partnerId)) {
      problems.push({ path: `signatures.${i}.partnerId`, message: 'this partner has already signed' });
    }
    signed.add(signature.partnerId);
  });
  return problems;
}

function refineAgreement(fields: AgreementFields, ctx: z.RefinementCtx): void {
  for (const problem of findAgreementProblems(fields)) {
    ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
  }
}

/** Input to register an agreement; `status` is where its history starts (default draft). */
export const createAgreementInputSchema = agreementFieldsObject
  .extend({
    status: agreementStatusSchema.default('draft'),
    /** Why it is registered in this status, e.g. "Ondertekend in het bestuurlijk overleg van 12 maart". */
    reason: optionalText(2000),
  })
  .superRefine(refineAgreement);
/** See {@link createAgreementInputSchema}. */
export type CreateAgreementInput = z.input<typeof createAgreementInputSchema>;

/** Input to change an agreement's fields (not its status); the complete fields plus the version edited. */
export const updateAgreementInputSchema = agreementFieldsObject
  .extend({ version: versionSchema })
  .superRefine(refineAgreement);
/** See {@link updateAgreementInputSchema}. */
export type UpdateAgreementInput = z.input<typeof updateAgreementInputSchema>;

/** Input to move an agreement to another status: where to and why (the why is required). */
export const agreementStatusChangeInputSchema = z.object({
  version: versionSchema,
  to: agreementStatusSchema,
  reason: requiredText(2000),
});
/** See {@link agreementStatusChangeInputSchema}. */
export type AgreementStatusChangeInput = z.infer<typeof agreementStatusChangeInputSchema>;

/** One entry of an agreement's status history: who moved it from where to where, when and why. */
export const agreementHistoryEntrySchema = z.object({
  /** Null for the first entry (registration). */
  from: agreementStatusSchema.nullable(),
  to: agreementStatusSchema,
  changedBy: requiredText(200),
  changedAt: momentSchema,
  reason: z.string().max(2000),
});
/** See {@link agreementHistoryEntrySchema}. */
export type AgreementHistoryEntry = z.infer<typeof agreementHistoryEntrySchema>;

/** An agreement as the API returns it: its fields, current status and full history (oldest first). */
export const agreementSchema = agreementFieldsObject.extend({
  id: z.string(),
  chainId: z.string(),
  version: versionSchema,
  status: agreementStatusSchema,
  history: z.array(agreementHistoryEntrySchema),
});
/** See {@link agreementSchema}. */
export type Agreement = z.infer<typeof agreementSchema>;
