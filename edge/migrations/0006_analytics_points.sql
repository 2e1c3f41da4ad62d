-- The local stand-in for Workers Analytics Engine (MAILVET_ANALYTICS_LOCAL=1: `npm start` and the
-- tests), whose local binding keeps nothing: each data point as the Worker wrote it, readable
-- with `wrangler d1 execute mailvet-jobs --local`. A deployed edge writes to Analytics Engine and
-- leaves this table empty.
CREATE TABLE IF NOT EXISTS analytics_points (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  written_at INTEGER NOT NULL,
  -- The data point's index (its kind: verification or job_step), then its blobs and doubles as JSON arrays.
  index1 TEXT NOT NULL,
  blobs TEXT NOT NULL,
  doubles TEXT NOT NULL
);
