-- The standing review of probers (README "Prober health"): the doctor reports the Cron fetched,
-- and the domains whose servers sent each prober a block reply. The edge's isolates read both
-- into a cache for routing (edge/src/probers/standing-cache.ts).

-- One row per report the Cron asked for: its worst status (or `unreachable` when no signed report
-- came back), the degraded findings read from it (a JSON list), and the report itself.
CREATE TABLE IF NOT EXISTS prober_report (
  prober TEXT NOT NULL,
  at INTEGER NOT NULL,
  status TEXT NOT NULL,
  findings TEXT NOT NULL,
  report TEXT,
  PRIMARY KEY (prober, at)
);

-- The last block reply a prober met at a domain (when, and the classifier row that read it). A
-- later answer from that domain that is not a block removes the row: the block is lifted.
CREATE TABLE IF NOT EXISTS prober_block (
  prober TEXT NOT NULL,
  domain TEXT NOT NULL,
  at INTEGER NOT NULL,
  rule TEXT,
  PRIMARY KEY (prober, domain)
);
