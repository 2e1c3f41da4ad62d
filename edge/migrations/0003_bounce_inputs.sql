-- Bounce webhooks' replay guard: the delivery ids (Mailgun's token, Svix's svix-id, SNS's
-- MessageId) seen within the time a delivery is taken, so the same signed delivery counts once.
CREATE TABLE IF NOT EXISTS bounce_webhook_seen (
  provider TEXT NOT NULL,
  id TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (provider, id)
);
CREATE INDEX IF NOT EXISTS bounce_webhook_seen_expiry ON bounce_webhook_seen (expires_at);
