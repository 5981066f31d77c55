-- Credentials other than passwords: sessions, sign-in attempts (for the rate limit), invitation
-- links and API tokens. Every secret is stored only as its SHA-256 hash: a copy of the database
-- lets nobody sign in.

CREATE TABLE sessions (
  -- SHA-256 (hex) of the random 256-bit session id in the cookie.
  id_hash      text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  -- Refreshed while the session is used; the session ends after the idle timeout without use.
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  -- The absolute end, however active the session is.
  expires_at   timestamptz NOT NULL,
  -- Created by the automatic demo sign-in on a loopback address.
  demo         boolean NOT NULL DEFAULT false
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

-- Failed sign-ins, counted per client address and per account name within a time window. Keys are
-- SHA-256 hashes, so the table holds neither addresses nor e-mail addresses of non-users.
CREATE TABLE login_failures (
  kind         text NOT NULL CHECK (kind IN ('ip', 'account')),
  key_hash     text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (kind, key_hash, attempted_at);

CREATE TABLE invitations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash      text NOT NULL UNIQUE,
  email           text NOT NULL CHECK (email = lower(btrim(email))),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  -- The chain role the invitation grants, if any (an administrator may invite without one).
  chain_id        uuid REFERENCES chains (id) ON DELETE CASCADE,
  role            text CHECK (role IN ('director', 'partner', 'viewer', 'analyst')),
  partner_id      uuid,
  make_admin      boolean NOT NULL DEFAULT false,
  invited_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  accepted_at     timestamptz,
  accepted_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at      timestamptz,
  CONSTRAINT invitations_role_with_chain CHECK ((chain_id IS NULL) = (role IS NULL)),
  CONSTRAINT invitations_partner_fk FOREIGN KEY (chain_id, partner_id) REFERENCES partners (chain_id, id)
    ON DELETE CASCADE,
  CONSTRAINT invitations_partner_needs_row CHECK ((role IS NOT DISTINCT FROM 'partner') = (partner_id IS NOT NULL))
);
CREATE INDEX invitations_chain_idx ON invitations (chain_id) WHERE chain_id IS NOT NULL;

-- Tokens for partner systems: one organisation, one chain, one purpose.
CREATE TABLE api_tokens (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash      text NOT NULL UNIQUE,
  -- The first characters of the token, so people can tell their tokens apart.
  prefix          text NOT NULL,
  name            text NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  chain_id        uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  purpose         text NOT NULL CHECK (purpose IN ('measurements', 'events')),
  created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_used_at    timestamptz,
  revoked_at      timestamptz
);
CREATE INDEX api_tokens_chain_idx ON api_tokens (chain_id);
