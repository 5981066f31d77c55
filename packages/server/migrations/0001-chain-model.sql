-- The chain model: chains, their partners and the ordered links of the primary process.
-- Every row carries a version for optimistic concurrency: an update names the version it was
-- based on and is refused when the row has moved on.

CREATE TABLE chains (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug          text NOT NULL UNIQUE,
  name          text NOT NULL,
  description   text NOT NULL DEFAULT '',
  target_group  text NOT NULL,
  societal_goal text NOT NULL,
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partners (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chain_id       uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  key            text NOT NULL,
  name           text NOT NULL,
  sector         text NOT NULL,
  roles          text[] NOT NULL CHECK (cardinality(roles) >= 1),
  interest       text NOT NULL DEFAULT '',
  interest_level smallint NOT NULL CHECK (interest_level BETWEEN 1 AND 5),
  influence      smallint NOT NULL CHECK (influence BETWEEN 1 AND 5),
  commitment     smallint NOT NULL CHECK (commitment BETWEEN 1 AND 5),
  version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT partners_chain_key_unique UNIQUE (chain_id, key),
  -- Target of the composite foreign keys below: a link can only name a partner of its own chain.
  CONSTRAINT partners_chain_id_unique UNIQUE (chain_id, id)
);

CREATE TABLE links (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chain_id          uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  key               text NOT NULL,
  -- 1-based place in the primary process; positions of a chain are always 1..n.
  position          integer NOT NULL CHECK (position >= 1),
  name              text NOT NULL,
  description       text NOT NULL DEFAULT '',
  -- Activity names in event data that belong to this link.
  activities        text[] NOT NULL DEFAULT '{}',
  -- The norm: at most norm_max_minutes after reaching norm_from_link_id (null: the previous link).
  norm_max_minutes  integer CHECK (norm_max_minutes >= 1),
  norm_from_link_id uuid,
  norm_description  text,
  version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT links_chain_key_unique UNIQUE (chain_id, key),
  -- Deferrable so that one statement can shift positions (insert, delete, reorder) without
  -- tripping over the intermediate state; checked at the end of each statement.
  CONSTRAINT links_chain_position_unique UNIQUE (chain_id, position) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT links_chain_id_unique UNIQUE (chain_id, id),
  -- Checked at commit, for the same reason as link_partners_partner_fk below.
  CONSTRAINT links_norm_from_link_fk FOREIGN KEY (chain_id, norm_from_link_id) REFERENCES links (chain_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT links_norm_complete CHECK (
    (norm_max_minutes IS NULL AND norm_from_link_id IS NULL AND norm_description IS NULL)
    OR (norm_max_minutes IS NOT NULL AND norm_description IS NOT NULL)
  )
);

-- The partners responsible for a link, in the order the user listed them.
CREATE TABLE link_partners (
  chain_id   uuid NOT NULL,
  link_id    uuid NOT NULL,
  partner_id uuid NOT NULL,
  ordinal    integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (link_id, partner_id),
  CONSTRAINT link_partners_ordinal_unique UNIQUE (link_id, ordinal),
  CONSTRAINT link_partners_link_fk FOREIGN KEY (chain_id, link_id) REFERENCES links (chain_id, id) ON DELETE CASCADE,
  -- A partner that a link names cannot vanish; the service answers 409 before this fires.
  -- Checked at commit rather than RESTRICT: deleting a whole chain cascades to partners and (via
  -- links) to link_partners, and PostgreSQL may run the partner check before the link_partners
  -- rows are gone; RESTRICT or an immediate check would then refuse to delete the chain.
  CONSTRAINT link_partners_partner_fk FOREIGN KEY (chain_id, partner_id) REFERENCES partners (chain_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX link_partners_partner_idx ON link_partners (partner_id);
