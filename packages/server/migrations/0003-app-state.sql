-- Facts about the installation itself, e.g. that the demo was offered on the first start, so
-- that a demo chain the user deleted is never brought back.

CREATE TABLE app_state (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
