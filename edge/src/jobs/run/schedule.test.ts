import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { jobCoordinator } from "../coordinator-stub";
import { quietJob } from "../job-testing";
import { scheduleReverification } from "../jobs-db";
import { runDueReverifications } from "./schedule";

const DAY = 86_400_000;

/** A job on its first run, with no address answered yet: only its row, which is all the schedule reads. */
async function runningJob(): Promise<string> {
  const id = crypto.randomUUID();
  await runInDurableObject(jobCoordinator(env, id), (_, state) => {
    state.storage.sql.exec(
      "INSERT INTO job (id, job_id, total, distinct_addresses, upload_key, origin, expires_at) VALUES (1, ?, 1, 1, 'none', 'http://edge', ?)",
      id,
      Date.now() + DAY,
    );
  });
  return id;
}

describe("the Cron Trigger's re-verifications", () => {
  it("moves a due job that is still running behind the others, so a hundred of them starve no schedule", async () => {
    const now = Date.now();
    // A hundred lists still on their first run, due two days ago, fill a Cron run's places.
    const busy = await Promise.all(Array.from({ length: 100 }, () => runningJob()));
    for (const id of busy) await scheduleReverification(env, id, 1, now - 3 * DAY);
    // A finished list, due a day ago, waits behind them.
    const ready = await quietJob(["ann@ready.mailvet-fixture.net"]);
    await jobCoordinator(env, ready).record(1, [
      {
        key: "ann@ready.mailvet-fixture.net",
        answer: { reason: "accepted", flags: { disposable: false, role: false, free: false, catch_all: false, gibberish: false } },
      },
    ]);
    await jobCoordinator(env, ready).finished(1, { changedRows: null });
    await scheduleReverification(env, ready, 1, now - 2 * DAY);

    // The first run can start none of the busy ones; the next one reaches the finished list.
    expect(await runDueReverifications(env, now)).toEqual([]);
    expect(await runDueReverifications(env, now + 60_000)).toEqual([ready]);
    expect(await jobCoordinator(env, ready).status()).toMatchObject({ run: 2 });
    // The busy ones keep their schedule and are asked again an hour later.
    const { results } = await env.JOBS_DB.prepare("SELECT DISTINCT next_at FROM reverification WHERE job != ?").bind(ready).all<{ next_at: number }>();
    expect(results).toEqual([{ next_at: now + 3_600_000 }]);
  }, 60_000);
});
