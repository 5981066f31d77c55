-- The course check (koerscheck): the chain's editable question set, rounds (each with its own copy
-- of the questions), and responses. A response belongs to a partner and to an anonymous respondent:
-- respondent_key is a random value that only groups one person's answers inside the computation;
-- it is never shown, and nothing links it to a user.

CREATE TABLE course_check_question_sets (
  chain_id     uuid PRIMARY KEY REFERENCES chains (id) ON DELETE CASCADE,
  -- A question set as core's courseCheckQuestionSetSchema describes it (validated when read back).
  question_set jsonb NOT NULL,
  version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE course_check_rounds (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chain_id     uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  -- 1 for the chain's first round, then 2, 3, …
  number       integer NOT NULL CHECK (number >= 1),
  -- { nl, en }
  title        jsonb NOT NULL,
  -- The questions of this round, copied when it was opened, so later edits of the set do not change it.
  question_set jsonb NOT NULL,
  opens_on     date NOT NULL,
  closes_on    date NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT course_check_rounds_chain_number_unique UNIQUE (chain_id, number),
  CONSTRAINT course_check_rounds_chain_id_unique UNIQUE (chain_id, id),
  CONSTRAINT course_check_rounds_closes_after_opening CHECK (closes_on >= opens_on)
);

CREATE TABLE course_check_responses (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chain_id       uuid NOT NULL,
  round_id       uuid NOT NULL,
  partner_id     uuid NOT NULL,
  respondent_key text NOT NULL,
  submitted_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT course_check_responses_round_fk FOREIGN KEY (chain_id, round_id)
    REFERENCES course_check_rounds (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT course_check_responses_partner_fk FOREIGN KEY (chain_id, partner_id)
    REFERENCES partners (chain_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX course_check_responses_round_idx ON course_check_responses (round_id, submitted_at);
CREATE INDEX course_check_responses_partner_idx ON course_check_responses (partner_id);

CREATE TABLE course_check_answers (
  response_id  uuid NOT NULL REFERENCES course_check_responses (id) ON DELETE CASCADE,
  question_key text NOT NULL,
  -- 1 (strongly disagree) … 5 (strongly agree); null = cannot judge.
  score        smallint CHECK (score BETWEEN 1 AND 5),
  comment      text NOT NULL DEFAULT '',
  ordinal      integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (response_id, question_key)
);
