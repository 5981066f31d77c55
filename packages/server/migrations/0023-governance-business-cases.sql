-- Partner business cases: cost and benefit lines per partner per year in integer euro cents, and
-- the chain's settings of the computation (discount rate, year 0).

CREATE TABLE business_case_settings (
  chain_id      uuid PRIMARY KEY REFERENCES chains (id) ON DELETE CASCADE,
  -- Yearly discount rate as a fraction (0.0225 = 2.25%).
  discount_rate double precision NOT NULL CHECK (discount_rate >= 0 AND discount_rate <= 1),
  -- Year 0 of the discounting; null = the earliest year of the lines.
  start_year    integer CHECK (start_year BETWEEN 1900 AND 2200),
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE business_case_lines (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq                    bigint GENERATED ALWAYS AS IDENTITY, -- creation order, for stable listings
  chain_id               uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  -- For a cost: the partner that pays it; for a benefit: the partner whose effort produces it.
  partner_id             uuid NOT NULL,
  type                   text NOT NULL CHECK (type IN ('cost', 'benefit')),
  year                   integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  amount_cents           bigint NOT NULL CHECK (amount_cents BETWEEN 1 AND 1000000000000),
  category               text NOT NULL,
  description            text NOT NULL DEFAULT '',
  -- For a benefit that lands at another partner (the wrong-pocket problem); null = its own partner.
  beneficiary_partner_id uuid,
  version                integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT business_case_lines_partner_fk FOREIGN KEY (chain_id, partner_id)
    REFERENCES partners (chain_id, id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT business_case_lines_beneficiary_fk FOREIGN KEY (chain_id, beneficiary_partner_id)
    REFERENCES partners (chain_id, id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT business_case_lines_cost_has_no_beneficiary CHECK (type = 'benefit' OR beneficiary_partner_id IS NULL)
);
CREATE INDEX business_case_lines_chain_idx ON business_case_lines (chain_id, year);
CREATE INDEX business_case_lines_partner_idx ON business_case_lines (partner_id);
CREATE INDEX business_case_lines_beneficiary_idx ON business_case_lines (beneficiary_partner_id)
  WHERE beneficiary_partner_id IS NOT NULL;
