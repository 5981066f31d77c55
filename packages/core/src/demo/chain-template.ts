/**
 * Chain templates: a ready-made chain model with titles for the template picker and, optionally,
 * a trajectory profile from which the demo generator produces event data. Templates are data
 * files (`packages/server/templates/*.json`); this module checks them.
 */
import { z } from 'zod';
import { chainModelSchema, findChainModelProblems, type ChainModel } from '../chain/chain-model.ts';
import { SLUG_PATTERN } from '../chain/chain-schemas.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { trajectoryProfileSchema, type TrajectoryBranch, type TrajectoryProfile } from './trajectory-profile.ts';

/** How far the probabilities of one step's branches may stray from 1 (rounding in hand-written data). */
const PROBABILITY_TOLERANCE = 1e-6;

const bilingualTextSchema = (max: number) =>
  z.object({ nl: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

/** A chain template file. */
export const chainTemplateSchema = z.object({
  key: z
    .string()
    .min(2)
    .max(60)
    .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens (e.g. "emergency-care")'),
  /** Shown in the template picker, in Dutch and English. */
  title: bilingualTextSchema(200),
  description: bilingualTextSchema(2000),
  /** The chain that is created from the template; its texts are shown as entered. */
  model: chainModelSchema,
  /** How demo cases move through the chain; absent for templates without demo data. */
  trajectoryProfile: trajectoryProfileSchema.optional(),
});
/** A checked template: see {@link chainTemplateSchema}. */
export type ChainTemplate = z.infer<typeof chainTemplateSchema>;

function checkBranches(
  branches: readonly TrajectoryBranch[],
  path: string,
  stepIndex: ReadonlyMap<string, number>,
  problems: ErrorDetail[],
): void {
  branches.forEach((branch, j) => {
    if (branch.to !== null && !stepIndex.has(branch.to)) {
      problems.push({ path: `${path}.${j}.to`, message: `no step with key "${branch.to}" in this profile` });
    }
  });
  const total = branches.reduce((sum, b) => sum + b.probability, 0);
  if (branches.length > 0 && Math.abs(total - 1) > PROBABILITY_TOLERANCE) {
    problems.push({ path, message: `the probabilities add up to ${Number(total.toFixed(6))}; they must add up to 1` });
  }
}

function findDuplicateKeys(items: readonly { key: string }[], path: string, what: string): ErrorDetail[] {
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.key))
      problems.push({ path: `${path}.${i}.key`, message: `${what} key "${item.key}" is used twice` });
    seen.add(item.key);
  });
  return problems;
}

/** Steps reachable from `from` by following branches (including `from` itself). */
function reachableSteps(
  profile: TrajectoryProfile,
  from: readonly TrajectoryBranch[],
  stepIndex: ReadonlyMap<string, number>,
) {
  const reached = new Set<number>();
  const queue: number[] = [];
  const visit = (branches: readonly TrajectoryBranch[]) => {
    for (const branch of branches) {
      const target = branch.to === null ? undefined : stepIndex.get(branch.to);
      if (target !== undefined && branch.probability > 0 && !reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  };
  visit(from);
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    visit(profile.steps[next]?.next ?? []);
  }
  return reached;
}

/** True when the step can end the case itself: no branches, or a branch to null. */
function endsHere(step: TrajectoryProfile['steps'][number]): boolean {
  return step.next.length === 0 || step.next.some((b) => b.to === null && b.probability > 0);
}

/**
 * Lists every way in which a trajectory profile does not fit its chain model or itself, with paths
 * relative to the profile: unknown partners, links, steps, pools and calendars; activities that the
 * named link does not map; branch probabilities that do not add up to 1; steps no case reaches;
 * steps from which a case can never end; effects on a delay or duration the step does not have.
 */
export function findTrajectoryProfileProblems(profile: TrajectoryProfile, model: ChainModel): ErrorDetail[] {
  const problems: ErrorDetail[] = [
    ...findDuplicateKeys(profile.steps, 'steps', 'step'),
    ...findDuplicateKeys(profile.resources, 'resources', 'resource pool'),
    ...findDuplicateKeys(profile.calendars, 'calendars', 'calendar'),
  ];
  const partnerKeys = new Set(model.partners.map((p) => p.key));
  const links = new Map(model.links.map((l) => [l.key, l]));
  const linkOfActivity = new Map(model.links.flatMap((l) => l.activities.map((a) => [a, l.key] as const)));
  const pools = new Set(profile.resources.map((r) => r.key));
  const calendars = new Set(profile.calendars.map((c) => c.key));
  const stepIndex = new Map<string, number>();
  profile.steps.forEach((step, i) => {
    if (!stepIndex.has(step.key)) stepIndex.set(step.key, i);
  });

  profile.steps.forEach((step, i) => {
    const path = `steps.${i}`;
    if (!partnerKeys.has(step.partner)) {
      problems.push({ path: `${path}.partner`, message: `no partner with key "${step.partner}" in this chain` });
    }
    const link = links.get(step.link);
    if (link === undefined) {
      problems.push({ path: `${path}.link`, message: `no link with key "${step.link}" in this chain` });
    } else {
      if (!link.activities.includes(step.activity)) {
        const owner = linkOfActivity.get(step.activity);
        problems.push({
          path: `${path}.activity`,
          message:
            owner === undefined
              ? `no link maps activity "${step.activity}"; add it to the activities of link "${step.link}"`
              : `activity "${step.activity}" is mapped by link "${owner}", not by "${step.link}"`,
        });
      }
      if (partnerKeys.has(step.partner) && !link.partnerKeys.includes(step.partner)) {
        problems.push({
          path: `${path}.partner`,
          message: `partner "${step.partner}" is not responsible for link "${step.link}"`,
        });
      }
    }
    if (step.resource !== undefined && !pools.has(step.resource)) {
      problems.push({ path: `${path}.resource`, message: `no resource pool with key "${step.resource}"` });
    }
    if (step.calendar !== undefined && !calendars.has(step.calendar)) {
      problems.push({ path: `${path}.calendar`, message: `no calendar with key "${step.calendar}"` });
    }
    checkBranches(step.next, `${path}.next`, stepIndex, problems);
  });

  checkBranches(profile.start, 'start', stepIndex, problems);
  profile.start.forEach((branch, j) => {
    if (branch.to === null) problems.push({ path: `start.${j}.to`, message: 'a case must start with a step' });
  });

  profile.effects.forEach((effect, i) => {
    const index = stepIndex.get(effect.step);
    const step = index === undefined ? undefined : profile.steps[index];
    if (step === undefined) {
      problems.push({ path: `effects.${i}.step`, message: `no step with key "${effect.step}" in this profile` });
    } else if (step[effect.target] === undefined) {
      problems.push({
        path: `effects.${i}.target`,
        message: `step "${effect.step}" has no ${effect.target} for this effect to stretch`,
      });
    }
  });

  const reachedFromStart = reachableSteps(profile, profile.start, stepIndex);
  profile.steps.forEach((step, i) => {
    if (stepIndex.get(step.key) !== i) return;
    if (!reachedFromStart.has(i)) {
      problems.push({ path: `steps.${i}`, message: `no branch leads to step "${step.key}"` });
      return;
    }
    const ahead = [i, ...reachableSteps(profile, step.next, stepIndex)];
    if (!ahead.some((j) => profile.steps[j] !== undefined && endsHere(profile.steps[j]))) {
      problems.push({ path: `steps.${i}.next`, message: `a case in step "${step.key}" can never end` });
    }
  });
  return problems;
}

/**
 * Parses and checks a template file: the schema, the invariants of the chain model and the fit of
 * the trajectory profile to the model. Throws `validation_failed` listing every problem with its
 * path (e.g. `trajectoryProfile.steps.4.activity`) and `file`, so that the file can be fixed in one go.
 */
export function parseChainTemplate(json: unknown, file: string): ChainTemplate {
  const parsed = chainTemplateSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'validation_failed',
      `${file} is not a valid chain template`,
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, file })),
    );
  }
  const template = parsed.data;
  const problems = [
    ...findChainModelProblems(template.model).map((p) => ({ ...p, path: `model.${p.path}` })),
    ...(template.trajectoryProfile === undefined
      ? []
      : findTrajectoryProfileProblems(template.trajectoryProfile, template.model).map((p) => ({
          ...p,
          path: `trajectoryProfile.${p.path}`,
        }))),
  ];
  if (problems.length > 0) {
    throw new DomainError(
      'validation_failed',
      `${file} breaks ${problems.length} rule(s) of a chain template`,
      problems.map((p) => ({ ...p, file })),
    );
  }
  return template;
}
