-- Trajectory data: events of cases (pseudonymous clients) moving through the chain, stored per
-- import so that an import can be removed as a whole. The columns anticipate the flow analysis.

CREATE TABLE event_imports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chain_id    uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  -- The partner that delivered the file; null for the demo and for chain-wide files.
  partner_id  uuid,
  -- Where the events came from: 'demo', 'csv', 'xes' or 'ocel'.
  source      text NOT NULL CHECK (source IN ('demo', 'csv', 'xes', 'ocel')),
  file_name   text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  event_count integer NOT NULL CHECK (event_count >= 0),
  case_count  integer NOT NULL CHECK (case_count >= 0),
  CONSTRAINT event_imports_chain_id_unique UNIQUE (chain_id, id),
  -- Deferred to commit so that deleting a chain (cascading to partners and imports) never trips it.
  CONSTRAINT event_imports_partner_fk FOREIGN KEY (chain_id, partner_id) REFERENCES partners (chain_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX event_imports_chain_idx ON event_imports (chain_id, created_at);

CREATE TABLE events (
  import_id  uuid NOT NULL,
  chain_id   uuid NOT NULL,
  -- Order of the event in its file (0-based), the tie-breaker for equal timestamps.
  seq        bigint NOT NULL CHECK (seq >= 0),
  case_id    text NOT NULL,
  activity   text NOT NULL,
  ts         timestamptz NOT NULL,
  -- When the activity started, for files that record it; ts is when it completed.
  start_ts   timestamptz,
  partner_id uuid,
  resource   text,
  PRIMARY KEY (import_id, seq),
  CONSTRAINT events_import_fk FOREIGN KEY (chain_id, import_id) REFERENCES event_imports (chain_id, id)
    ON DELETE CASCADE,
  CONSTRAINT events_partner_fk FOREIGN KEY (chain_id, partner_id) REFERENCES partners (chain_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX events_case_order_idx ON events (chain_id, case_id, ts, seq);
CREATE INDEX events_partner_idx ON events (partner_id) WHERE partner_id IS NOT NULL;
