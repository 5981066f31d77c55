/**
 * Schemas of the chain model: the chain, its partners and the links of its primary process.
 * They validate every boundary (HTTP, CLI, imported model files, templates) and are shared with
 * the web app, which uses them for the same checks next to each field.
 */
import { z } from 'zod';

/** Lower-case words joined by single hyphens; used for chain slugs and partner/link keys. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens (e.g. "spoedeisende-hulp")');

const keySchema = z
  .string()
  .min(1)
  .max(60)
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens (e.g. "meldkamer")');

/** A non-empty line of text with surrounding white space removed. */
const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** Optional longer text; empty string when absent. */
const optionalText = (max: number) => z.string().trim().max(max).default('');

/** The part an organisation plays in the chain; a partner can play several. */
export const PARTNER_ROLES = ['commissioner', 'funder', 'executor', 'director'] as const;
export const partnerRoleSchema = z.enum(PARTNER_ROLES);
export type PartnerRole = z.infer<typeof partnerRoleSchema>;

/** The kind of organisation, used for labels and grouping; `other` when none fits. */
export const SECTORS = [
  'municipality',
  'emergency-dispatch',
  'ambulance',
  'police',
  'fire-brigade',
  'general-practice',
  'hospital',
  'care-provider',
  'rehabilitation',
  'youth-care',
  'child-protection',
  'judiciary',
  'benefits-agency',
  'education',
  'employer',
  'insurer',
  'other',
] as const;
export const sectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof sectorSchema>;

/** A 1–5 rating (1 = very low, 5 = very high), used for interest, influence and commitment. */
export const ratingSchema = z.number().int().min(1).max(5);

/** Largest norm accepted: one year, in minutes. */
export const MAX_NORM_MINUTES = 366 * 24 * 60;

/** Versions are positive integers starting at 1; every update increments them by one. */
export const versionSchema = z.number().int().min(1);

/** Fields of a chain that a user sets. */
export const chainFieldsSchema = z.object({
  slug: slugSchema,
  name: requiredText(200),
  description: optionalText(4000),
  targetGroup: requiredText(2000),
  societalGoal: requiredText(2000),
});

export const createChainInputSchema = chainFieldsSchema;
export type CreateChainInput = z.input<typeof createChainInputSchema>;

export const updateChainInputSchema = z.object({
  version: versionSchema,
  slug: slugSchema.optional(),
  name: requiredText(200).optional(),
  description: z.string().trim().max(4000).optional(),
  targetGroup: requiredText(2000).optional(),
  societalGoal: requiredText(2000).optional(),
});
export type UpdateChainInput = z.infer<typeof updateChainInputSchema>;

/** Fields of a partner that a user sets. */
export const partnerFieldsSchema = z.object({
  key: keySchema,
  name: requiredText(200),
  sector: sectorSchema,
  roles: z
    .array(partnerRoleSchema)
    .min(1)
    .max(PARTNER_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, 'each role may be listed once'),
  /** What this organisation wants from the chain, in its own words. */
  interest: optionalText(2000),
  /** How much the chain's result matters to this organisation (power/interest grid, x axis). */
  interestLevel: ratingSchema,
  /** How much this organisation can make or break the chain (power/interest grid, y axis). */
  influence: ratingSchema,
  /** How firmly this organisation backs the chain's course today. */
  commitment: ratingSchema,
});

export const createPartnerInputSchema = partnerFieldsSchema;
export type CreatePartnerInput = z.input<typeof createPartnerInputSchema>;

export const updatePartnerInputSchema = partnerFieldsSchema.partial().extend({ version: versionSchema });
export type UpdatePartnerInput = z.infer<typeof updatePartnerInputSchema>;

/** Activity names (as they appear in event data) that a link covers; each name at most once. */
const activitiesSchema = z
  .array(requiredText(200))
  .max(200)
  .refine((a) => new Set(a).size === a.length, 'each activity may be listed once');

/** The norm of a link in the API: at most `maxMinutes` from reaching `fromLinkId` (or the previous link). */
export const linkNormSchema = z.object({
  maxMinutes: z.number().int().min(1).max(MAX_NORM_MINUTES),
  /** The earlier link the time is measured from; null means the link just before this one. */
  fromLinkId: z.string().nullable().default(null),
  description: optionalText(500),
});
export type LinkNorm = z.infer<typeof linkNormSchema>;

export const createLinkInputSchema = z.object({
  key: keySchema,
  name: requiredText(200),
  description: optionalText(2000),
  partnerIds: z
    .array(z.string())
    .min(1, 'a link needs at least one responsible partner')
    .refine((a) => new Set(a).size === a.length, 'each partner may be listed once'),
  activities: activitiesSchema.default([]),
  norm: linkNormSchema.nullable().default(null),
  /** 1-based position in the primary process; appended at the end when omitted. */
  position: z.number().int().min(1).optional(),
});
export type CreateLinkInput = z.input<typeof createLinkInputSchema>;

export const updateLinkInputSchema = z.object({
  version: versionSchema,
  key: keySchema.optional(),
  name: requiredText(200).optional(),
  description: z.string().trim().max(2000).optional(),
  partnerIds: createLinkInputSchema.shape.partnerIds.optional(),
  activities: activitiesSchema.optional(),
  norm: linkNormSchema.nullable().optional(),
});
export type UpdateLinkInput = z.infer<typeof updateLinkInputSchema>;

/** A new order of the primary process: every current link id exactly once. */
export const reorderLinksInputSchema = z.object({
  linkIds: z.array(z.string()).min(1),
});
export type ReorderLinksInput = z.infer<typeof reorderLinksInputSchema>;

/** Version parameter for deletes (`?version=3`). */
export const deleteQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

const timestampSchema = z.string().describe('ISO 8601 timestamp');

/** A chain as the API returns it. */
export const chainSchema = chainFieldsSchema.extend({
  id: z.string(),
  version: versionSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Chain = z.infer<typeof chainSchema>;

/** A partner as the API returns it. */
export const partnerSchema = partnerFieldsSchema.extend({
  id: z.string(),
  chainId: z.string(),
  version: versionSchema,
});
export type Partner = z.infer<typeof partnerSchema>;

/** A link as the API returns it, with its 1-based position in the primary process. */
export const linkSchema = z.object({
  id: z.string(),
  chainId: z.string(),
  key: keySchema,
  position: z.number().int().min(1),
  name: z.string(),
  description: z.string(),
  partnerIds: z.array(z.string()),
  activities: z.array(z.string()),
  norm: linkNormSchema.nullable(),
  version: versionSchema,
});
export type Link = z.infer<typeof linkSchema>;

/** What is stored of a chain's trajectory data, in aggregate. */
export const trajectoryStatsSchema = z.object({
  imports: z.number().int(),
  cases: z.number().int(),
  events: z.number().int(),
  firstEventAt: timestampSchema.nullable(),
  lastEventAt: timestampSchema.nullable(),
});
export type TrajectoryStats = z.infer<typeof trajectoryStatsSchema>;

/** A chain with everything needed to draw its overview. Partners by name, links by position. */
export const chainDetailSchema = z.object({
  chain: chainSchema,
  partners: z.array(partnerSchema),
  links: z.array(linkSchema),
  trajectories: trajectoryStatsSchema,
});
export type ChainDetail = z.infer<typeof chainDetailSchema>;

/** One row of the chain list. */
export const chainSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  targetGroup: z.string(),
  societalGoal: z.string(),
  partnerCount: z.number().int(),
  linkCount: z.number().int(),
  updatedAt: timestampSchema,
});
export type ChainSummary = z.infer<typeof chainSummarySchema>;
