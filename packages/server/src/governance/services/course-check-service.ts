/**
 * The rules of the course check: the chain's question set is data (core's default until the
 * director changes it); a round copies the questions; a partner contact answers for its own
 * partner while the round is open; each response gets a random respondent key that only groups
 * the answers inside core's computation and is never shown; results compare with the round before.
 */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_COURSE_CHECK_QUESTION_SET,
  DomainError,
  bilingualTextSchema,
  computeCourseCheckResults,
  courseCheckQuestionSetSchema,
  findCourseCheckResponseProblems,
  notFound,
  versionConflict,
  type CourseCheckQuestionSet,
  type courseCheckResponseInputSchema,
} from '@ketenregie/core';
import type { z } from 'zod';
import type { Database, Queryable } from '../../db/database.ts';
import { runChange } from '../../services/run-change.ts';
import {
  findQuestionSet,
  findRound,
  findRoundByNumber,
  insertResponse,
  insertRound,
  listResponses,
  listRounds as listRoundRows,
  saveQuestionSet,
  type StoredRound,
} from '../repositories/course-check-repository.ts';
import type {
  CreateRoundData,
  QuestionSetState,
  RoundDetail,
  RoundResults,
  RoundSummary,
  SubmittedResponse,
  UpdateQuestionSetInput,
} from '../schemas/course-check-api-schemas.ts';
import { assertMayActFor, type GovernanceActor } from './governance-actor.ts';
import {
  assertIdShape,
  findUnknownIds,
  lockGovernanceChain,
  partnerIdsOf,
  readChain,
  throwIfProblems,
} from './governance-chain.ts';
import { recordGovernanceChange } from './record-governance-change.ts';

/** A validated response (comments defaulted). */
export type CourseCheckResponseData = z.output<typeof courseCheckResponseInputSchema>;

/** A new random respondent key: 128 bits, hex. */
export function createRespondentKey(): string {
  return randomBytes(16).toString('hex');
}

/** The question set new rounds of the chain use. */
export async function getQuestionSet(db: Queryable, chainRef: string): Promise<QuestionSetState> {
  const chain = await readChain(db, chainRef);
  return readQuestionSet(db, chain.id);
}

async function readQuestionSet(q: Queryable, chainId: string): Promise<QuestionSetState> {
  const stored = await findQuestionSet(q, chainId);
  if (stored === null) {
    return { questionSet: DEFAULT_COURSE_CHECK_QUESTION_SET, version: 0, isDefault: true };
  }
  return {
    questionSet: courseCheckQuestionSetSchema.parse(stored.questionSet),
    version: stored.version,
    isDefault: false,
  };
}

/** Replaces the chain's question set (rounds already opened keep their own copy); `version_conflict` when stale. */
export async function updateQuestionSet(
  db: Database,
  chainRef: string,
  input: UpdateQuestionSetInput,
  actor: GovernanceActor,
): Promise<QuestionSetState> {
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const current = await readQuestionSet(tx, chain.id);
    if (current.version !== input.version || !(await saveQuestionSet(tx, chain.id, input.version, input.questionSet))) {
      throw versionConflict('Question set', input.version, current.version);
    }
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'course_check.update_question_set',
      { type: 'chain', id: chain.id },
      {
        questions: input.questionSet.questions.length,
      },
    );
    return readQuestionSet(tx, chain.id);
  });
}

/** Every round of the chain, newest first, with where it stands on `today`. */
export async function listRounds(db: Queryable, chainRef: string, today: string): Promise<RoundSummary[]> {
  const chain = await readChain(db, chainRef);
  return (await listRoundRows(db, chain.id)).map((row) => toSummary(row, today));
}

/** Opens the chain's next round with a copy of the given (or the chain's current) questions. */
export async function createRound(
  db: Database,
  chainRef: string,
  input: CreateRoundData,
  actor: GovernanceActor,
  today: string,
): Promise<RoundSummary> {
  if (input.closesOn < input.opensOn) {
    throw new DomainError('validation_failed', 'The round closes before it opens', [
      { path: 'closesOn', message: 'must not lie before opensOn' },
    ]);
  }
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const questionSet = input.questionSet ?? (await readQuestionSet(tx, chain.id)).questionSet;
    const id = await insertRound(tx, chain.id, {
      title: input.title,
      questionSet,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      createdBy: actor.name,
    });
    const round = await requireRound(tx, chain.id, id);
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'course_check.open_round',
      { type: 'course_check_round', id },
      {
        number: round.number,
      },
    );
    return toSummary(round, today);
  });
}

/** One round with how many responses each partner gave. */
export async function getRound(db: Queryable, chainRef: string, roundId: string, today: string): Promise<RoundDetail> {
  assertIdShape(roundId, 'Round');
  const chain = await readChain(db, chainRef);
  const row = await requireRound(db, chain.id, roundId);
  const counts = new Map<string, number>();
  for (const response of await listResponses(db, roundId)) {
    counts.set(response.partnerId, (counts.get(response.partnerId) ?? 0) + 1);
  }
  return {
    ...toSummary(row, today),
    participation: [...counts].map(([partnerId, responses]) => ({ partnerId, responses })),
  };
}

/** The results of a round compared with the round before it (core's computeCourseCheckResults). */
export async function getRoundResults(
  db: Queryable,
  chainRef: string,
  roundId: string,
  today: string,
): Promise<RoundResults> {
  assertIdShape(roundId, 'Round');
  const chain = await readChain(db, chainRef);
  const round = await requireRound(db, chain.id, roundId);
  const previous = round.number > 1 ? await findRoundByNumber(db, chain.id, round.number - 1) : null;
  return {
    round: toSummary(round, today),
    previousRound: previous === null ? null : toSummary(previous, today),
    results: computeCourseCheckResults(
      await roundData(db, round),
      previous === null ? null : await roundData(db, previous),
    ),
  };
}

/** The latest round's results compared with the one before, or null when the chain has no round. */
export async function findLatestRoundResults(
  q: Queryable,
  chainId: string,
): Promise<{ roundId: string; results: ReturnType<typeof computeCourseCheckResults> } | null> {
  const [latest, previous] = await listRoundRows(q, chainId);
  if (latest === undefined) {
    return null;
  }
  return {
    roundId: latest.id,
    results: computeCourseCheckResults(
      await roundData(q, latest),
      previous === undefined ? null : await roundData(q, previous),
    ),
  };
}

/**
 * Stores a partner's answers to an open round as one anonymous respondent. The actor must speak
 * for the partner (else `not_found`); `conflict` outside the round's dates; `validation_failed`
 * naming the answer whose question is not in the round.
 */
export async function submitResponse(
  db: Database,
  chainRef: string,
  roundId: string,
  input: CourseCheckResponseData,
  actor: GovernanceActor,
  today: string,
): Promise<SubmittedResponse> {
  assertIdShape(roundId, 'Round');
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    const round = await requireRound(tx, state.chain.id, roundId);
    throwIfProblems(
      findUnknownIds([input.partnerId], partnerIdsOf(state), 'partnerId', 'partner', true),
      'The response names a partner that is not part of this chain',
    );
    assertMayActFor(actor, [input.partnerId], 'Partner');
    if (today < round.opensOn || today > round.closesOn) {
      throw new DomainError(
        'conflict',
        `Round ${round.number} is open from ${round.opensOn} to ${round.closesOn}; answers cannot be submitted on ${today}`,
      );
    }
    const questionSet = courseCheckQuestionSetSchema.parse(round.questionSet);
    throwIfProblems(
      findCourseCheckResponseProblems(questionSet, input),
      'The response answers questions that are not in this round',
    );
    const submittedAt = await insertResponse(tx, {
      chainId: state.chain.id,
      roundId,
      partnerId: input.partnerId,
      respondentKey: createRespondentKey(),
      answers: input.answers,
    });
    await recordGovernanceChange(
      tx,
      actor,
      state.chain.id,
      'course_check.submit_response',
      { type: 'course_check_round', id: roundId },
      { partnerId: input.partnerId, answered: input.answers.length },
    );
    return { roundId, partnerId: input.partnerId, answered: input.answers.length, submittedAt };
  });
}

async function requireRound(q: Queryable, chainId: string, roundId: string): Promise<StoredRound> {
  const round = await findRound(q, chainId, roundId);
  if (round === null) {
    throw notFound('Round');
  }
  return round;
}

async function roundData(
  q: Queryable,
  round: StoredRound,
): Promise<{ questionSet: CourseCheckQuestionSet; responses: Awaited<ReturnType<typeof listResponses>> }> {
  return {
    questionSet: courseCheckQuestionSetSchema.parse(round.questionSet),
    responses: await listResponses(q, round.id),
  };
}

function toSummary(row: StoredRound, today: string): RoundSummary {
  return {
    id: row.id,
    chainId: row.chainId,
    number: row.number,
    title: bilingualTextSchema.parse(row.title),
    questionSet: courseCheckQuestionSetSchema.parse(row.questionSet),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    state: today < row.opensOn ? 'upcoming' : today > row.closesOn ? 'closed' : 'open',
    responseCount: row.responseCount,
    partnerCount: row.partnerCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}
