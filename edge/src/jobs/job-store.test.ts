import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { jobCoordinator } from "./coordinator-stub";
import { JOB_MIGRATIONS, migrateJobStore, readJob } from "./job-store";

const INSERT_JOB = "INSERT INTO job (id, job_id, total, distinct_addresses, upload_key, origin) VALUES (1, 'j', 1, 1, 'u', 'http://edge')";

describe("a job object's store", () => {
  it("is at the latest schema version from its first use", async () => {
    await runInDurableObject(jobCoordinator(env, crypto.randomUUID()), (_, state) => {
      expect(state.storage.sql.exec<{ version: number }>("SELECT version FROM schema_version").one().version).toBe(JOB_MIGRATIONS.length);
    });
  });

  it("takes a store made before versions existed to the latest one, keeping its job", async () => {
    await runInDurableObject(jobCoordinator(env, crypto.randomUUID()), (_, state) => {
      const { sql } = state.storage;
      // As an object made before this version left it: version 1's tables, no schema_version.
      sql.exec("DROP TABLE schema_version");
      sql.exec(INSERT_JOB);
      migrateJobStore(state.storage);
      expect(sql.exec<{ version: number }>("SELECT version FROM schema_version").one().version).toBe(JOB_MIGRATIONS.length);
      expect(readJob(sql)).toMatchObject({ job_id: "j", phase: "running", assembly_failed: false, webhook_state: null });
    });
  });

  it("reads assembly_failed as a boolean and refuses a phase it does not know", async () => {
    await runInDurableObject(jobCoordinator(env, crypto.randomUUID()), (_, state) => {
      const { sql } = state.storage;
      expect(readJob(sql)).toBeUndefined();
      sql.exec(INSERT_JOB);
      sql.exec("UPDATE job SET phase = 'done', assembly_failed = 1, webhook_state = 'pending'");
      expect(readJob(sql)).toMatchObject({ phase: "done", assembly_failed: true, webhook_state: "pending" });
      sql.exec("UPDATE job SET phase = 'finished'");
      expect(() => readJob(sql)).toThrow("job.phase holds an unknown value");
    });
  });
});
