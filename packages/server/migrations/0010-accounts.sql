-- Accounts: users, the organisations they work for, and the role each user holds on a chain,
-- acting for one of their organisations. A partner role names the partners row of the chain that
-- is that organisation's participation.

CREATE TABLE organisations (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL UNIQUE CHECK (length(btrim(name)) >= 1),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored trimmed and lower-cased, so that sign-in and invitations compare exactly.
  email         text NOT NULL UNIQUE CHECK (email = lower(btrim(email)) AND position('@' IN email) > 1),
  display_name  text NOT NULL,
  -- argon2id in PHC string format; null until the user set a password (invited, or the demo user).
  password_hash text,
  -- Installation administrator: creates chains and organisations, invites directors.
  is_admin      boolean NOT NULL DEFAULT false,
  -- The local demo user that loopback requests are signed in as; it never has a password.
  is_demo       boolean NOT NULL DEFAULT false,
  -- Set when an administrator disabled the account; its sessions stop working at once.
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_demo_without_password CHECK (NOT is_demo OR password_hash IS NULL)
);

CREATE TABLE memberships (
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_organisation_idx ON memberships (organisation_id);

-- Which organisation a chain's partner row stands for; set when a partner contact is invited.
ALTER TABLE partners ADD COLUMN organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL;
CREATE INDEX partners_organisation_idx ON partners (organisation_id) WHERE organisation_id IS NOT NULL;

-- Aggregates over fewer cases than this are withheld from roles without case-level access.
ALTER TABLE chains ADD COLUMN small_cell_threshold integer NOT NULL DEFAULT 5
  CHECK (small_cell_threshold BETWEEN 1 AND 1000);

CREATE TABLE chain_roles (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chain_id        uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL,
  -- The organisation the user acts for in this role; the user must be a member of it.
  organisation_id uuid NOT NULL,
  role            text NOT NULL CHECK (role IN ('director', 'partner', 'viewer', 'analyst')),
  -- For the partner role: the partners row of this chain the user speaks for.
  partner_id      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT chain_roles_unique UNIQUE (chain_id, user_id, role),
  CONSTRAINT chain_roles_membership_fk FOREIGN KEY (user_id, organisation_id)
    REFERENCES memberships (user_id, organisation_id) ON DELETE CASCADE,
  CONSTRAINT chain_roles_partner_fk FOREIGN KEY (chain_id, partner_id) REFERENCES partners (chain_id, id)
    ON DELETE CASCADE,
  CONSTRAINT chain_roles_partner_needs_row CHECK ((role = 'partner') = (partner_id IS NOT NULL))
);
CREATE INDEX chain_roles_user_idx ON chain_roles (user_id);
