import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

/**
 * Setup of the edge suite: D1 gets edge/migrations/, as `npm start` and a deploy give it (the
 * migrations are read in Node by vitest.config.ts and handed over as a binding). Applied
 * migrations are recorded, so each file's run applies only what is missing.
 */
const { JOBS_DB, TEST_MIGRATIONS } = env as typeof env & { TEST_MIGRATIONS: Parameters<typeof applyD1Migrations>[1] };
await applyD1Migrations(JOBS_DB, TEST_MIGRATIONS);
