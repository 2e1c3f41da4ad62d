-- The suppression list: per owner (an API key's owner id, or "open"), what real sending taught
-- about an address. edge/src/suppressions/store.ts holds every statement that touches it.

-- One row per owner and address. address_key is the address lower-cased whole, so a bounce for
-- "Alice@Example.com" matches a later check of "alice@example.com" (mail servers match local parts
-- case-insensitively); address keeps the form the last deciding bounce gave (domain lower-cased).
-- Times are epoch milliseconds. A soft row stops counting once last_seen is older than
-- MAILVET_SOFT_BOUNCE_DAYS; hard and complaint rows stay until removed.
CREATE TABLE IF NOT EXISTS suppression (
  owner TEXT NOT NULL,
  address_key TEXT NOT NULL,
  address TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'complaint')),
  reason TEXT NOT NULL,
  status TEXT,
  diagnostic TEXT,
  source TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (owner, address_key)
);
CREATE INDEX IF NOT EXISTS suppression_by_kind ON suppression (owner, kind, address_key);

-- What Mailvet said of an address when an owner last verified it, keyed by a hash of the address
-- (never the address), and the worst bounce that came after: the measured bounce rate per verdict,
-- reason and score. A row that has a bounce is not overwritten by later checks: it is the evidence.
CREATE TABLE IF NOT EXISTS verdict_memory (
  owner TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  verdict TEXT NOT NULL,
  reason TEXT NOT NULL,
  score INTEGER NOT NULL,
  verified_at INTEGER NOT NULL,
  bounce_kind TEXT,
  bounced_at INTEGER,
  PRIMARY KEY (owner, address_hash)
);
