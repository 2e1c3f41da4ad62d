-- What must be queried across bulk jobs (a job's own state is in its Durable Object).
-- IF NOT EXISTS: edges from before migrations created these same tables on first use.

-- Each job's owner (an API key's id, or "open"): the routes look a job up here before they touch
-- its Durable Object, so an unknown or someone else's job is a 404 that creates nothing.
CREATE TABLE IF NOT EXISTS job_owner (job TEXT PRIMARY KEY, owner TEXT NOT NULL);

-- Scheduled re-verifications, for the Cron Trigger's one query over all jobs.
CREATE TABLE IF NOT EXISTS reverification (job TEXT PRIMARY KEY, every_days INTEGER NOT NULL, next_at INTEGER NOT NULL);
