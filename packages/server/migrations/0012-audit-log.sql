-- The audit log: every change and every read of case-level data, append-only. Rows name the
-- chain, user, token and organisation by id without foreign keys, so that the history outlives
-- what it describes (a deleted chain's log stays). A trigger refuses UPDATE, DELETE and TRUNCATE,
-- so nothing in the product can edit it.

CREATE TABLE audit_log (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- 'user', 'token', 'system' (start-up, command line) or 'anonymous' (failed sign-in).
  actor_type            text NOT NULL CHECK (actor_type IN ('user', 'token', 'system', 'anonymous')),
  actor_user_id         uuid,
  actor_token_id        uuid,
  actor_organisation_id uuid,
  -- E-mail address or token name at the time, so the log reads without joins.
  actor_label           text NOT NULL DEFAULT '',
  ip                    text,
  action                text NOT NULL,
  target_type           text NOT NULL,
  target_id             text,
  chain_id              uuid,
  details               jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_chain_idx ON audit_log (chain_id, id) WHERE chain_id IS NOT NULL;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
