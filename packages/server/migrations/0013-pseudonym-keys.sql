-- Per-chain keys for pseudonymising client identifiers, stored only encrypted (AES-256-GCM) with
-- the installation's master key. A chain may have several versions; the newest that is not
-- retired is used for new imports. Deleting a chain deletes its keys.

CREATE TABLE chain_pseudonym_keys (
  chain_id      uuid NOT NULL REFERENCES chains (id) ON DELETE CASCADE,
  version       integer NOT NULL CHECK (version >= 1),
  -- base64 of iv (12 bytes) | auth tag (16 bytes) | encrypted key (32 bytes).
  wrapped_key   text NOT NULL,
  -- Fingerprint of the master key that wraps it, so a rotation knows what to re-wrap.
  master_key_id text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  retired_at    timestamptz,
  PRIMARY KEY (chain_id, version)
);
