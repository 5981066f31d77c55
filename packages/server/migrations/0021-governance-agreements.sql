-- Agreements and commitment: covenants, commitment declarations, functional, data-sharing and
-- financial agreements, with their parties, signatures, linked links and indicators, and the
-- history of their status (append-only).

CREATE TABLE agreements (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq              bigint GENERATED ALWAYS AS IDENTITY, -- creation order, for stable listings
  chain_id         uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  title            text NOT NULL,
  description      text NOT NULL DEFAULT '',
  kind             text NOT NULL CHECK (kind IN ('covenant', 'commitment', 'functional', 'data-sharing', 'financial')),
  level            text NOT NULL CHECK (level IN ('strategic', 'tactical', 'operational')),
  -- The partner that keeps the agreement alive (reviews, reporting).
  owner_partner_id uuid NOT NULL,
  start_date       date,
  -- Null = open-ended (long-term; the anchoring view then asks for a review date).
  end_date         date,
  due_date         date,
  review_date      date,
  status           text NOT NULL CHECK (status IN ('draft', 'agreed', 'in-progress', 'fulfilled', 'broken', 'expired')),
  version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agreements_chain_id_unique UNIQUE (chain_id, id),
  CONSTRAINT agreements_owner_fk FOREIGN KEY (chain_id, owner_partner_id)
    REFERENCES partners (chain_id, id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT agreements_end_after_start CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX agreements_chain_idx ON agreements (chain_id);
CREATE INDEX agreements_owner_idx ON agreements (owner_partner_id);

-- The partners bound by an agreement, in the order listed.
CREATE TABLE agreement_parties (
  chain_id     uuid NOT NULL,
  agreement_id uuid NOT NULL,
  partner_id   uuid NOT NULL,
  ordinal      integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (agreement_id, partner_id),
  CONSTRAINT agreement_parties_agreement_fk FOREIGN KEY (chain_id, agreement_id)
    REFERENCES agreements (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT agreement_parties_partner_fk FOREIGN KEY (chain_id, partner_id)
    REFERENCES partners (chain_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX agreement_parties_partner_idx ON agreement_parties (partner_id);

-- Who signed on behalf of a party, and when. Only a party can sign, once.
CREATE TABLE agreement_signatures (
  chain_id     uuid NOT NULL,
  agreement_id uuid NOT NULL,
  partner_id   uuid NOT NULL,
  signed_by    text NOT NULL,
  signed_on    date NOT NULL,
  ordinal      integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (agreement_id, partner_id),
  CONSTRAINT agreement_signatures_party_fk FOREIGN KEY (agreement_id, partner_id)
    REFERENCES agreement_parties (agreement_id, partner_id) ON DELETE CASCADE,
  CONSTRAINT agreement_signatures_agreement_fk FOREIGN KEY (chain_id, agreement_id)
    REFERENCES agreements (chain_id, id) ON DELETE CASCADE
);

CREATE TABLE agreement_links (
  chain_id     uuid NOT NULL,
  agreement_id uuid NOT NULL,
  link_id      uuid NOT NULL,
  ordinal      integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (agreement_id, link_id),
  CONSTRAINT agreement_links_agreement_fk FOREIGN KEY (chain_id, agreement_id)
    REFERENCES agreements (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT agreement_links_link_fk FOREIGN KEY (chain_id, link_id) REFERENCES links (chain_id, id) ON DELETE CASCADE
);
CREATE INDEX agreement_links_link_idx ON agreement_links (link_id);

CREATE TABLE agreement_indicators (
  chain_id     uuid NOT NULL,
  agreement_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  ordinal      integer NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (agreement_id, indicator_id),
  CONSTRAINT agreement_indicators_agreement_fk FOREIGN KEY (chain_id, agreement_id)
    REFERENCES agreements (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT agreement_indicators_indicator_fk FOREIGN KEY (chain_id, indicator_id)
    REFERENCES indicators (chain_id, id) ON DELETE CASCADE
);
CREATE INDEX agreement_indicators_indicator_idx ON agreement_indicators (indicator_id);

-- Status history: who moved the agreement from where to where, when and why. Append-only.
CREATE TABLE agreement_status_history (
  chain_id     uuid NOT NULL,
  agreement_id uuid NOT NULL,
  -- 0 for the registration, then 1, 2, …
  seq          integer NOT NULL CHECK (seq >= 0),
  from_status  text CHECK (from_status IN ('draft', 'agreed', 'in-progress', 'fulfilled', 'broken', 'expired')),
  to_status    text NOT NULL CHECK (to_status IN ('draft', 'agreed', 'in-progress', 'fulfilled', 'broken', 'expired')),
  changed_by   text NOT NULL,
  changed_at   timestamptz NOT NULL DEFAULT now(),
  reason       text NOT NULL DEFAULT '',
  PRIMARY KEY (agreement_id, seq),
  CONSTRAINT agreement_status_history_agreement_fk FOREIGN KEY (chain_id, agreement_id)
    REFERENCES agreements (chain_id, id) ON DELETE CASCADE,
  CONSTRAINT agreement_status_history_first CHECK ((seq = 0) = (from_status IS NULL))
);

CREATE TRIGGER agreement_status_history_append_only BEFORE UPDATE ON agreement_status_history
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_update();
