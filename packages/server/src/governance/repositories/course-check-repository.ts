/**
 * SQL for the course check: the chain's question set, rounds, and responses with their answers.
 * JSON columns come back as `unknown`; the service validates them with core's schemas.
 */
import type { CourseCheckAnswer } from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';
import { single } from '../../repositories/chain-repository.ts';

/** The stored question set of a chain. */
export type StoredQuestionSet = {
  readonly questionSet: unknown;
  readonly version: number;
};

/** The chain's own question set, or null while it uses the default. */
export async function findQuestionSet(q: Queryable, chainId: string): Promise<StoredQuestionSet | null> {
  const rows = await q.query<StoredQuestionSet>(
    'SELECT question_set AS "questionSet", version FROM course_check_question_sets WHERE chain_id = $1',
    [chainId],
  );
  return rows[0] ?? null;
}

/**
 * Stores the chain's question set: inserted at version 1 when `expectedVersion` is 0 (the chain
 * used the default until now), otherwise overwritten only when still at `expectedVersion`.
 */
export async function saveQuestionSet(
  q: Queryable,
  chainId: string,
  expectedVersion: number,
  questionSet: unknown,
): Promise<boolean> {
  const rows =
    expectedVersion === 0
      ? await q.query(
          `INSERT INTO course_check_question_sets (chain_id, question_set) VALUES ($1, $2::jsonb)
           ON CONFLICT (chain_id) DO NOTHING RETURNING chain_id`,
          [chainId, JSON.stringify(questionSet)],
        )
      : await q.query(
          `UPDATE course_check_question_sets SET question_set = $3::jsonb, version = version + 1, updated_at = now()
            WHERE chain_id = $1 AND version = $2 RETURNING chain_id`,
          [chainId, expectedVersion, JSON.stringify(questionSet)],
        );
  return rows.length > 0;
}

/** A round as stored, with how many responses and partners it has. */
export type StoredRound = {
  readonly id: string;
  readonly chainId: string;
  readonly number: number;
  readonly title: unknown;
  readonly questionSet: unknown;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly responseCount: number;
  readonly partnerCount: number;
};

const ROUND_COLUMNS = `r.id, r.chain_id AS "chainId", r.number, r.title, r.question_set AS "questionSet",
  r.opens_on::text AS "opensOn", r.closes_on::text AS "closesOn", r.created_by AS "createdBy", r.created_at AS "createdAt",
  (SELECT count(*) FROM course_check_responses s WHERE s.round_id = r.id)::int AS "responseCount",
  (SELECT count(DISTINCT s.partner_id) FROM course_check_responses s WHERE s.round_id = r.id)::int AS "partnerCount"`;

/** The rounds of a chain, newest (highest number) first. */
export async function listRounds(q: Queryable, chainId: string): Promise<StoredRound[]> {
  return q.query<StoredRound>(
    `SELECT ${ROUND_COLUMNS} FROM course_check_rounds r WHERE r.chain_id = $1 ORDER BY r.number DESC`,
    [chainId],
  );
}

/** One round of a chain. */
export async function findRound(q: Queryable, chainId: string, roundId: string): Promise<StoredRound | null> {
  const rows = await q.query<StoredRound>(
    `SELECT ${ROUND_COLUMNS} FROM course_check_rounds r WHERE r.chain_id = $1 AND r.id = $2`,
    [chainId, roundId],
  );
  return rows[0] ?? null;
}

/** The round with the given number. */
export async function findRoundByNumber(q: Queryable, chainId: string, number: number): Promise<StoredRound | null> {
  const rows = await q.query<StoredRound>(
    `SELECT ${ROUND_COLUMNS} FROM course_check_rounds r WHERE r.chain_id = $1 AND r.number = $2`,
    [chainId, number],
  );
  return rows[0] ?? null;
}

/** Inserts the chain's next round (number = highest + 1) and returns its id. */
export async function insertRound(
  q: Queryable,
  chainId: string,
  round: {
    readonly title: unknown;
    readonly questionSet: unknown;
    readonly opensOn: string;
    readonly closesOn: string;
    readonly createdBy: string;
  },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO course_check_rounds (chain_id, number, title, question_set, opens_on, closes_on, created_by)
     VALUES ($1, (SELECT COALESCE(max(number), 0) + 1 FROM course_check_rounds WHERE chain_id = $1),
             $2::jsonb, $3::jsonb, $4::date, $5::date, $6)
     RETURNING id`,
    [
      chainId,
      JSON.stringify(round.title),
      JSON.stringify(round.questionSet),
      round.opensOn,
      round.closesOn,
      round.createdBy,
    ],
  );
  return single(rows, 'insertRound').id;
}

/** A stored response with its answers. `respondentId` is the random respondent key: never show it. */
export type StoredResponse = {
  readonly partnerId: string;
  readonly respondentId: string;
  readonly submittedAt: string;
  readonly answers: CourseCheckAnswer[];
};

/** The responses of a round in the order they were submitted. */
export async function listResponses(q: Queryable, roundId: string): Promise<StoredResponse[]> {
  return q.query<StoredResponse>(
    `SELECT s.partner_id::text AS "partnerId", s.respondent_key AS "respondentId", s.submitted_at AS "submittedAt",
            COALESCE((SELECT json_agg(json_build_object('questionKey', a.question_key, 'score', a.score,
                                                        'comment', a.comment) ORDER BY a.ordinal)
                        FROM course_check_answers a WHERE a.response_id = s.id), '[]'::json) AS answers
       FROM course_check_responses s
      WHERE s.round_id = $1
      ORDER BY s.submitted_at, s.id`,
    [roundId],
  );
}

/** Stores a response and its answers; returns when it was submitted. */
export async function insertResponse(
  q: Queryable,
  response: {
    readonly chainId: string;
    readonly roundId: string;
    readonly partnerId: string;
    readonly respondentKey: string;
    readonly answers: readonly CourseCheckAnswer[];
    /** When absent: now. */
    readonly submittedAt?: string;
  },
): Promise<string> {
  const rows = await q.query<{ id: string; submittedAt: string }>(
    `INSERT INTO course_check_responses (chain_id, round_id, partner_id, respondent_key, submitted_at)
     VALUES ($1, $2, $3, $4, COALESCE($5::timestamptz, now()))
     RETURNING id, submitted_at AS "submittedAt"`,
    [response.chainId, response.roundId, response.partnerId, response.respondentKey, response.submittedAt ?? null],
  );
  const stored = single(rows, 'insertResponse');
  await q.query(
    `INSERT INTO course_check_answers (response_id, question_key, score, comment, ordinal)
     SELECT $1::uuid, a.question_key, a.score, a.comment, a.ordinal - 1
       FROM unnest($2::text[], $3::int[], $4::text[]) WITH ORDINALITY AS a(question_key, score, comment, ordinal)`,
    [
      stored.id,
      response.answers.map((a) => a.questionKey),
      response.answers.map((a) => a.score),
      response.answers.map((a) => a.comment),
    ],
  );
  return stored.submittedAt;
}
