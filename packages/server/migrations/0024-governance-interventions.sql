-- Improvement interventions against links and indicators, and their stored before/after
-- evaluations (the settings used and the computed result, so a verdict can be reread later).

CREATE TABLE interventions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq              bigint GENERATED ALWAYS AS IDENTITY, -- creation order, for stable listings
  chain_id         uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  title            text NOT NULL,
  hypothesis       text NOT NULL,
  description      text NOT NULL DEFAULT '',
  owner_partner_id uuid NOT NULL,
  start_date       date NOT NULL,
  end_date         date,
  status           text NOT NULL CHECK (status IN ('planned', 'running', 'completed', 'stopped')),
  version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT interventions_chain_id_unique UNIQUE (chain_id, id),
  CONSTRAINT interventions_owner_fk FOREIGN KEY (chain_id, owner_partner_id)
    REFERENCES partners (chain_id, id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT interventions_end_after_start CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX interventions_chain_idx ON interventions (chain_id, start_date);
CREATE INDEX interventions_owner_idx ON interventions (owner_partner_id);

CREATE TABLE intervention_links (
  chain_id        uuid NOT NULL,
  intervention_id uuid NOT NULL,
  link_id         uuid NOT NULL,
  ordinal         integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (intervention_id, link_id),
  CONSTRAINT intervention_links_intervention_fk FOREIGN KEY (chain_id, intervention_id)
    REFERENCES interventions (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT intervention_links_link_fk FOREIGN KEY (chain_id, link_id) REFERENCES links (chain_id, id) ON DELETE CASCADE
);
CREATE INDEX intervention_links_link_idx ON intervention_links (link_id);

CREATE TABLE intervention_indicators (
  chain_id        uuid NOT NULL,
  intervention_id uuid NOT NULL,
  indicator_id    uuid NOT NULL,
  ordinal         integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (intervention_id, indicator_id),
  CONSTRAINT intervention_indicators_intervention_fk FOREIGN KEY (chain_id, intervention_id)
    REFERENCES interventions (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT intervention_indicators_indicator_fk FOREIGN KEY (chain_id, indicator_id)
    REFERENCES indicators (chain_id, id) ON DELETE CASCADE
);
CREATE INDEX intervention_indicators_indicator_idx ON intervention_indicators (indicator_id);

CREATE TABLE intervention_evaluations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq             bigint GENERATED ALWAYS AS IDENTITY, -- creation order, for stable listings
  chain_id        uuid NOT NULL,
  intervention_id uuid NOT NULL,
  -- The date the evaluation was computed as of: it fixes the comparable periods.
  evaluated_on    date NOT NULL,
  -- What was compared and how (measure, periods, options), validated when read back.
  measure         jsonb NOT NULL,
  -- The computed comparison with its interval and verdict, validated when read back.
  result          jsonb NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT intervention_evaluations_intervention_fk FOREIGN KEY (chain_id, intervention_id)
    REFERENCES interventions (chain_id, id) ON DELETE CASCADE
);
CREATE INDEX intervention_evaluations_intervention_idx ON intervention_evaluations (intervention_id, created_at);

CREATE TRIGGER intervention_evaluations_append_only BEFORE UPDATE ON intervention_evaluations
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_update();
