-- Imports of trajectory data by partners (issue 3): who imported what, with which pseudonymisation
-- key, a fingerprint per event so that re-importing an extract does not double it, the column
-- mapping each partner used last time, and a version per chain's data set that every import and
-- deletion bumps, so that every replica knows when its cached analyses are stale.

ALTER TABLE event_imports
  -- Who imported: the user's e-mail address, the API token's name, or 'cli'.
  ADD COLUMN created_by text,
  -- 'user', 'token' or 'system' (command line, demo).
  ADD COLUMN created_by_kind text,
  -- Version of the chain's pseudonymisation key the case ids were made with; null for the demo.
  ADD COLUMN key_version integer CHECK (key_version >= 1),
  -- SHA-256 (hex) of the file as uploaded, to refuse the same file twice for one partner.
  ADD COLUMN file_sha256 text,
  ADD COLUMN file_bytes bigint CHECK (file_bytes >= 0),
  -- Events of the file that were already stored (same fingerprint) and therefore skipped.
  ADD COLUMN duplicates_skipped integer NOT NULL DEFAULT 0 CHECK (duplicates_skipped >= 0),
  -- How times without a zone were read: 'Europe/Amsterdam', 'UTC' or 'wall-clock'.
  ADD COLUMN time_zone text;

-- One file once per chain and partner (the nil uuid stands for "no partner").
CREATE UNIQUE INDEX event_imports_file_unique
  ON event_imports (chain_id, COALESCE(partner_id, '00000000-0000-0000-0000-000000000000'::uuid), file_sha256)
  WHERE file_sha256 IS NOT NULL;

ALTER TABLE events
  -- XES lifecycle transition (start, complete, …) when the file had one.
  ADD COLUMN lifecycle text,
  -- 128-bit fingerprint of partner, case pseudonym, activity, time, lifecycle and the occurrence
  -- number of identical events in the file (see the import service); null for the demo's events.
  ADD COLUMN fingerprint uuid;

-- Events are bulk-loaded by the million. Foreign keys on them would check every row (they more
-- than halve the COPY rate), so they go: the import service is the only writer and sets import,
-- chain and partner from rows it created or checked in the same transaction; deleting a partner
-- with trajectory data is refused by the partner service; and the two triggers below take over
-- the cascade from `event_imports` (also when a chain is deleted, or truncated with CASCADE).
ALTER TABLE events DROP CONSTRAINT events_import_fk, DROP CONSTRAINT events_partner_fk;

-- The same holds for indexes: the wide (chain_id, case_id, ts, seq) index took most of the COPY
-- time at 5 million events (95,000 instead of 170,000 events/s). Trajectories of one case are read
-- from the in-memory view, not by this index; the SQL that does filter events (the governance
-- module's process indicators) selects by chain and activity.
DROP INDEX events_case_order_idx;
CREATE INDEX events_chain_activity_idx ON events (chain_id, activity);

CREATE FUNCTION delete_events_of_deleted_imports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM events e USING deleted_imports d WHERE e.import_id = d.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER event_imports_delete_events
  AFTER DELETE ON event_imports
  REFERENCING OLD TABLE AS deleted_imports
  FOR EACH STATEMENT EXECUTE FUNCTION delete_events_of_deleted_imports();

CREATE FUNCTION truncate_events_of_truncated_imports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE events;
  RETURN NULL;
END;
$$;

CREATE TRIGGER event_imports_truncate_events
  AFTER TRUNCATE ON event_imports
  FOR EACH STATEMENT EXECUTE FUNCTION truncate_events_of_truncated_imports();

-- The column mapping a partner used last time for CSV files, offered again on the next upload.
CREATE TABLE import_mappings (
  chain_id   uuid NOT NULL,
  partner_id uuid NOT NULL,
  mapping    jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chain_id, partner_id),
  CONSTRAINT import_mappings_partner_fk FOREIGN KEY (chain_id, partner_id) REFERENCES partners (chain_id, id)
    ON DELETE CASCADE
);

-- The version of a chain's trajectory data: bumped by every import and deletion (the trigger
-- below), read by every analysis request to decide whether the in-memory view is still current.
CREATE TABLE flow_datasets (
  chain_id   uuid PRIMARY KEY REFERENCES chains (id) ON DELETE CASCADE,
  version    bigint NOT NULL CHECK (version >= 1),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION bump_flow_dataset_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.chain_id ELSE NEW.chain_id END;
BEGIN
  -- When the chain itself is being deleted its row is gone already and there is nothing to bump.
  INSERT INTO flow_datasets (chain_id, version, changed_at)
  SELECT id, 1, now() FROM chains WHERE id = target
  ON CONFLICT (chain_id) DO UPDATE SET version = flow_datasets.version + 1, changed_at = now();
  RETURN NULL;
END;
$$;

CREATE TRIGGER event_imports_bump_flow_dataset
  AFTER INSERT OR DELETE ON event_imports
  FOR EACH ROW EXECUTE FUNCTION bump_flow_dataset_version();

-- Data sets that exist already (the demo) start at version 1.
INSERT INTO flow_datasets (chain_id, version)
SELECT DISTINCT chain_id, 1 FROM event_imports
ON CONFLICT (chain_id) DO NOTHING;
