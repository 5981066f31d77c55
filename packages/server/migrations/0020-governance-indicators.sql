-- The common agenda: indicators agreed by consensus and then held fixed, and their measurements.
-- A change to an indicator is a new row in indicator_versions (with why and who agreed); earlier
-- versions stay. A measurement is never overwritten: a correction is the next revision of the same
-- period, and the latest revision counts. References to partners are checked at commit (like the
-- chain model's), references to links and other indicators disappear with them.

CREATE TABLE indicators (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq        bigint GENERATED ALWAYS AS IDENTITY, -- creation order, for stable listings
  chain_id   uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  -- Key of the current version, unique within the chain.
  key        text NOT NULL,
  -- Number of the current version; also the optimistic-concurrency version of the indicator.
  version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT indicators_chain_key_unique UNIQUE (chain_id, key),
  CONSTRAINT indicators_chain_id_unique UNIQUE (chain_id, id)
);

CREATE TABLE indicator_versions (
  chain_id         uuid NOT NULL,
  indicator_id     uuid NOT NULL,
  version          integer NOT NULL CHECK (version >= 1),
  key              text NOT NULL,
  name             text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('societal', 'organisational', 'process')),
  definition       text NOT NULL,
  unit             text NOT NULL,
  direction        text NOT NULL CHECK (direction IN ('higher-is-better', 'lower-is-better')),
  baseline_value   double precision NOT NULL,
  baseline_date    date NOT NULL,
  target_value     double precision NOT NULL,
  target_date      date NOT NULL,
  frequency        text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
  -- The partner responsible for the figure; null = the chain director.
  owner_partner_id uuid,
  -- Why this version was made, and the date of the decision.
  reason           text NOT NULL,
  agreed_on        date NOT NULL,
  -- Who stored the version (the person or system), next to who agreed (indicator_version_agreements).
  recorded_by      text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, version),
  CONSTRAINT indicator_versions_indicator_fk FOREIGN KEY (chain_id, indicator_id)
    REFERENCES indicators (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT indicator_versions_owner_fk FOREIGN KEY (chain_id, owner_partner_id)
    REFERENCES partners (chain_id, id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT indicator_versions_target_after_baseline CHECK (target_date > baseline_date)
);
CREATE INDEX indicator_versions_owner_idx ON indicator_versions (owner_partner_id) WHERE owner_partner_id IS NOT NULL;

-- Who agreed to a version: a person on behalf of a partner, in the order listed.
CREATE TABLE indicator_version_agreements (
  chain_id     uuid NOT NULL,
  indicator_id uuid NOT NULL,
  version      integer NOT NULL,
  partner_id   uuid NOT NULL,
  person_name  text NOT NULL,
  ordinal      integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (indicator_id, version, partner_id),
  CONSTRAINT indicator_version_agreements_version_fk FOREIGN KEY (indicator_id, version)
    REFERENCES indicator_versions (indicator_id, version) ON DELETE CASCADE,
  CONSTRAINT indicator_version_agreements_partner_fk FOREIGN KEY (chain_id, partner_id)
    REFERENCES partners (chain_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX indicator_version_agreements_partner_idx ON indicator_version_agreements (partner_id);

-- Links of the primary process whose work a version of the indicator reflects.
CREATE TABLE indicator_version_links (
  chain_id     uuid NOT NULL,
  indicator_id uuid NOT NULL,
  version      integer NOT NULL,
  link_id      uuid NOT NULL,
  ordinal      integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (indicator_id, version, link_id),
  CONSTRAINT indicator_version_links_version_fk FOREIGN KEY (indicator_id, version)
    REFERENCES indicator_versions (indicator_id, version) ON DELETE CASCADE,
  CONSTRAINT indicator_version_links_link_fk FOREIGN KEY (chain_id, link_id)
    REFERENCES links (chain_id, id) ON DELETE CASCADE
);
CREATE INDEX indicator_version_links_link_idx ON indicator_version_links (link_id);

-- The contribution graph: an organisational or process indicator (in one of its versions)
-- contributes to a societal indicator of the same chain.
CREATE TABLE indicator_version_contributions (
  chain_id              uuid NOT NULL,
  indicator_id          uuid NOT NULL,
  version               integer NOT NULL,
  societal_indicator_id uuid NOT NULL,
  ordinal               integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (indicator_id, version, societal_indicator_id),
  CONSTRAINT indicator_version_contributions_version_fk FOREIGN KEY (indicator_id, version)
    REFERENCES indicator_versions (indicator_id, version) ON DELETE CASCADE,
  CONSTRAINT indicator_version_contributions_target_fk FOREIGN KEY (chain_id, societal_indicator_id)
    REFERENCES indicators (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT indicator_version_contributions_not_self CHECK (indicator_id <> societal_indicator_id)
);
CREATE INDEX indicator_version_contributions_target_idx ON indicator_version_contributions (societal_indicator_id);

-- How a process indicator (in one of its versions) is computed from the stored trajectory events:
-- per case from the first event at the `from` link to the first event at the `to` link after it,
-- either the share of cases within max_minutes or the median in minutes. Deleting either link
-- removes the computation; the indicator and its stored measurements stay.
CREATE TABLE indicator_version_flow_sources (
  chain_id     uuid NOT NULL,
  indicator_id uuid NOT NULL,
  version      integer NOT NULL,
  measure      text NOT NULL CHECK (measure IN ('share-within-norm', 'median-minutes')),
  from_link_id uuid NOT NULL,
  to_link_id   uuid NOT NULL,
  max_minutes  integer CHECK (max_minutes >= 1),
  PRIMARY KEY (indicator_id, version),
  CONSTRAINT indicator_version_flow_sources_version_fk FOREIGN KEY (indicator_id, version)
    REFERENCES indicator_versions (indicator_id, version) ON DELETE CASCADE,
  CONSTRAINT indicator_version_flow_sources_from_fk FOREIGN KEY (chain_id, from_link_id)
    REFERENCES links (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT indicator_version_flow_sources_to_fk FOREIGN KEY (chain_id, to_link_id)
    REFERENCES links (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT indicator_version_flow_sources_norm CHECK ((measure = 'share-within-norm') = (max_minutes IS NOT NULL))
);

-- Measurements, one row per revision. Rows are only ever added (and removed with their chain).
CREATE TABLE indicator_measurements (
  chain_id     uuid NOT NULL,
  indicator_id uuid NOT NULL,
  -- 2024 (year), 2024-Q2 (quarter) or 2024-05 (month), matching the indicator's frequency.
  period       text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
  revision     integer NOT NULL CHECK (revision >= 1),
  value        double precision NOT NULL CHECK (value <> 'NaN' AND value <> 'Infinity' AND value <> '-Infinity'),
  -- manual (web app), csv (upload), api (a partner system), flow (computed from trajectory events).
  source       text NOT NULL CHECK (source IN ('manual', 'csv', 'api', 'flow')),
  note         text NOT NULL DEFAULT '',
  recorded_by  text NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period, revision),
  CONSTRAINT indicator_measurements_indicator_fk FOREIGN KEY (chain_id, indicator_id)
    REFERENCES indicators (chain_id, id) ON DELETE CASCADE
);
CREATE INDEX indicator_measurements_chain_idx ON indicator_measurements (chain_id, indicator_id);

-- Append-only tables refuse UPDATE, so that no code path can rewrite history.
CREATE FUNCTION governance_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed; add a new row instead', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER indicator_measurements_append_only BEFORE UPDATE ON indicator_measurements
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_update();
CREATE TRIGGER indicator_versions_append_only BEFORE UPDATE ON indicator_versions
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_update();
