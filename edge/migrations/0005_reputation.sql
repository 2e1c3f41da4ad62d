-- Scheduled reviews of a sender's reputation (GET /v1/reputation), run by the Cron Trigger.
-- `findings` is the last review the webhook was told of ({"<finding id>": "<status>"}), so a
-- review sends a webhook only when a finding changed, and a failed delivery is sent again.
CREATE TABLE IF NOT EXISTS reputation_schedule (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  domain TEXT,
  ips TEXT NOT NULL,
  every_days INTEGER NOT NULL,
  webhook_url TEXT NOT NULL,
  webhook_secret TEXT NOT NULL,
  next_at INTEGER NOT NULL,
  last_run_at INTEGER,
  last_status TEXT,
  findings TEXT
);
CREATE INDEX IF NOT EXISTS reputation_schedule_due ON reputation_schedule (next_at);
CREATE INDEX IF NOT EXISTS reputation_schedule_owner ON reputation_schedule (owner);
