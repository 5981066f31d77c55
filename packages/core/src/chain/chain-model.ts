/**
 * The portable chain model: a chain with its partners and primary process, without database ids.
 * Partners and links refer to each other by their keys. It is the format of `ketenregie export`,
 * `ketenregie import-model`, the templates and the demo, and the shape on which the invariants of
 * a chain are checked.
 */
import { z } from 'zod';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { MAX_NORM_MINUTES, chainFieldsSchema, partnerFieldsSchema, type ChainDetail } from './chain-schemas.ts';

/** Identifies the file format; bumped only for incompatible changes. */
export const CHAIN_MODEL_FORMAT = 'ketenregie/chain-model' as const;
export const CHAIN_MODEL_FORMAT_VERSION = 1 as const;

const keySchema = partnerFieldsSchema.shape.key;

export const modelNormSchema = z.object({
  maxMinutes: z.number().int().min(1).max(MAX_NORM_MINUTES),
  /** Key of the earlier link the time is measured from; null means the link just before. */
  fromLinkKey: keySchema.nullable().default(null),
  description: z.string().trim().max(500).default(''),
});

export const modelLinkSchema = z.object({
  key: keySchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  partnerKeys: z.array(keySchema).min(1, 'a link needs at least one responsible partner'),
  activities: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  norm: modelNormSchema.nullable().default(null),
});

/** The whole model. Links are listed in the order of the primary process. */
export const chainModelSchema = z.object({
  format: z.literal(CHAIN_MODEL_FORMAT),
  formatVersion: z.literal(CHAIN_MODEL_FORMAT_VERSION),
  chain: chainFieldsSchema,
  partners: z.array(partnerFieldsSchema).max(500),
  links: z.array(modelLinkSchema).max(500),
});
export type ChainModel = z.infer<typeof chainModelSchema>;
export type ChainModelInput = z.input<typeof chainModelSchema>;
export type ModelLink = z.infer<typeof modelLinkSchema>;

/**
 * Lists every broken invariant of a chain model, each with the path of the offending field:
 * partner and link keys unique; every partner a link names exists; a norm is measured from an
 * earlier link; an activity name is mapped to at most one link. Empty when the model is sound.
 */
export function findChainModelProblems(model: ChainModel): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const partnerKeys = new Set<string>();
  model.partners.forEach((partner, i) => {
    if (partnerKeys.has(partner.key)) {
      problems.push({ path: `partners.${i}.key`, message: `partner key "${partner.key}" is used twice` });
    }
    partnerKeys.add(partner.key);
  });

  const linkPosition = new Map<string, number>();
  const activityOwner = new Map<string, string>();
  model.links.forEach((link, i) => {
    if (linkPosition.has(link.key)) {
      problems.push({ path: `links.${i}.key`, message: `link key "${link.key}" is used twice` });
    } else {
      linkPosition.set(link.key, i);
    }
    const seenPartners = new Set<string>();
    link.partnerKeys.forEach((key, j) => {
      if (!partnerKeys.has(key)) {
        problems.push({ path: `links.${i}.partnerKeys.${j}`, message: `no partner with key "${key}" in this chain` });
      }
      if (seenPartners.has(key)) {
        problems.push({ path: `links.${i}.partnerKeys.${j}`, message: `partner "${key}" is listed twice` });
      }
      seenPartners.add(key);
    });
    link.activities.forEach((activity, j) => {
      const owner = activityOwner.get(activity);
      if (owner !== undefined) {
        problems.push({
          path: `links.${i}.activities.${j}`,
          message: `activity "${activity}" is already mapped to link "${owner}"`,
        });
      } else {
        activityOwner.set(activity, link.key);
      }
    });
    const norm = link.norm;
    if (norm !== null) {
      if (norm.fromLinkKey === null) {
        if (i === 0) {
          problems.push({
            path: `links.${i}.norm.fromLinkKey`,
            message: 'the first link has no link before it; name the link the norm is measured from',
          });
        }
      } else {
        const from = linkPosition.get(norm.fromLinkKey);
        if (from === undefined || from >= i) {
          problems.push({
            path: `links.${i}.norm.fromLinkKey`,
            message: `a norm is measured from an earlier link; "${norm.fromLinkKey}" is not before "${link.key}"`,
          });
        }
      }
    }
  });
  return problems;
}

/**
 * Parses and checks a chain model from untrusted JSON. Throws `validation_failed` listing every
 * problem with its path (and `file` when given), so a user can fix a model file in one go.
 */
export function parseChainModel(input: unknown, file?: string): ChainModel {
  const parsed = chainModelSchema.safeParse(input);
  const where = file === undefined ? {} : { file };
  if (!parsed.success) {
    throw new DomainError(
      'validation_failed',
      `${file ?? 'chain model'} is not a valid chain model`,
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, ...where })),
    );
  }
  assertChainModelSound(parsed.data, file);
  return parsed.data;
}

/** Throws `validation_failed` when {@link findChainModelProblems} finds anything. */
export function assertChainModelSound(model: ChainModel, file?: string): void {
  const problems = findChainModelProblems(model);
  if (problems.length > 0) {
    throw new DomainError(
      'validation_failed',
      `${file ?? 'chain model'} breaks ${problems.length} rule(s) of the chain model`,
      file === undefined ? problems : problems.map((p) => ({ ...p, file })),
    );
  }
}

/**
 * Turns a stored chain into its portable model: ids become keys, links are ordered by position.
 * The output is deterministic, so export → import → export gives the same bytes.
 */
export function toChainModel(detail: ChainDetail): ChainModel {
  const partnerKey = new Map(detail.partners.map((p) => [p.id, p.key]));
  const links = [...detail.links].sort((a, b) => a.position - b.position);
  const linkKey = new Map(links.map((l) => [l.id, l.key]));
  const { chain } = detail;
  return {
    format: CHAIN_MODEL_FORMAT,
    formatVersion: CHAIN_MODEL_FORMAT_VERSION,
    chain: {
      slug: chain.slug,
      name: chain.name,
      description: chain.description,
      targetGroup: chain.targetGroup,
      societalGoal: chain.societalGoal,
    },
    partners: [...detail.partners]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((p) => ({
        key: p.key,
        name: p.name,
        sector: p.sector,
        roles: [...p.roles],
        interest: p.interest,
        interestLevel: p.interestLevel,
        influence: p.influence,
        commitment: p.commitment,
      })),
    links: links.map((l) => ({
      key: l.key,
      name: l.name,
      description: l.description,
      partnerKeys: l.partnerIds.map((id) => partnerKey.get(id) ?? id),
      activities: [...l.activities],
      norm:
        l.norm === null
          ? null
          : {
              maxMinutes: l.norm.maxMinutes,
              fromLinkKey: l.norm.fromLinkId === null ? null : (linkKey.get(l.norm.fromLinkId) ?? l.norm.fromLinkId),
              description: l.norm.description,
            },
    })),
  };
}
