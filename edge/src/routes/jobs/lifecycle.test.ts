import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  runDurableObjectAlarm,
  runInDurableObject,
  SELF,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../index";
import { jobCoordinator } from "../../jobs/coordinator-stub";
import type { VerifyChunk } from "../../jobs/messages";
import { quietJob } from "../../jobs/job-testing";
import { scheduleReverification } from "../../jobs/jobs-db";
import { answersKey } from "../../jobs/storage-keys";

const EMAILS = ["ann@nope.mailvet-fixture.net", "not an address", "bob@gmail.com", "ann@NOPE.mailvet-fixture.net"];

async function createJob(body: Record<string, unknown>): Promise<{ id: string; webhook_secret?: string }> {
  const response = await SELF.fetch("http://edge/v1/jobs", { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
  expect(response.status, await response.clone().text()).toBe(202);
  return response.json();
}

async function status(
  id: string,
): Promise<{ status: string; run: number; processed: number; total: number; counts: Record<string, number>; waiting: { rows: number; until: string | null } }> {
  return (await SELF.fetch(`http://edge/v1/jobs/${id}`)).json();
}

async function until(id: string, done: (s: Awaited<ReturnType<typeof status>>) => boolean): Promise<void> {
  await expect.poll(async () => done(await status(id)), { timeout: 15_000, interval: 100 }).toBe(true);
}

async function jsonResults(id: string, query = ""): Promise<{ row: number; verdict: string; reason: string }[]> {
  const response = await SELF.fetch(`http://edge/v1/jobs/${id}/results?format=json${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { row: number; verdict: string; reason: string }[] }).results;
}

describe("a bulk job's life", () => {
  it("returns only the rows of the verdicts asked for, in input order", async () => {
    const { id } = await createJob({ emails: EMAILS });
    await until(id, (s) => s.status === "done");
    const all = await jsonResults(id);
    expect(all.map((r) => r.row)).toEqual([0, 1, 2, 3]);
    const undeliverable = await jsonResults(id, "&verdicts=undeliverable");
    expect(undeliverable.map((r) => r.row)).toEqual(all.filter((r) => r.verdict === "undeliverable").map((r) => r.row));
    for (const [query, name] of [
      ["format=xlsx&verdicts=deliverable,risky", "deliverable-risky.xlsx"],
      ["format=csv", "all.csv"],
    ]) {
      const download = await SELF.fetch(`http://edge/v1/jobs/${id}/results?${query}`);
      await download.body?.cancel();
      expect(download.headers.get("Content-Disposition")).toBe(`attachment; filename="mailvet-${id.slice(0, 8)}-${name}"`);
    }
    const bad = await SELF.fetch(`http://edge/v1/jobs/${id}/results?verdicts=maybe`);
    expect(bad.status).toBe(400);
  });

  it("ends a chunk that ran out of retries as unknown/error, and reports the job failed with every row answered", async () => {
    const id = await quietJob(["a@example.org", "b@example.org", "c@mailinator.com", "d@mailvet-fixture.net"]);
    const addresses = ["a@example.org", "c@mailinator.com", "d@mailvet-fixture.net"].map((email) => ({ key: email, email }));
    const chunk: VerifyChunk = { kind: "verify", job: id, run: 1, domain: "example.org", addresses, greylistRetries: 0, proberRetries: 0, avoid: [] };
    const batch = createMessageBatch<VerifyChunk>("mailvet-verify-dlq", [{ id: "dead", timestamp: new Date(), attempts: 4, body: chunk }]);
    const context = createExecutionContext();
    await worker.queue(batch, env, context);
    expect((await getQueueResult(batch, context)).explicitAcks).toEqual(["dead"]);
    // What is known offline still counts: example.org is reserved, mailinator.com disposable.
    expect(await status(id)).toMatchObject({ status: "running", processed: 3, counts: { undeliverable: 1, risky: 1, unknown: 1 } });
    // The other address is answered normally; the job ends failed, not done.
    await jobCoordinator(env, id).record(1, [
      { key: "b@example.org", answer: { reason: "accepted", flags: { disposable: false, role: false, free: false, catch_all: false, gibberish: false } } },
    ]);
    await runInDurableObject(jobCoordinator(env, id), (_, state) => {
      expect(state.storage.sql.exec<{ phase: string; lost_chunks: number }>("SELECT phase, lost_chunks FROM job").one()).toEqual({
        phase: "assembling",
        lost_chunks: 1,
      });
    });
  });

  it("counts a dead-lettered chunk whose addresses were answered after all as nothing lost", async () => {
    const id = await quietJob(["a@example.org"]);
    const flags = { disposable: false, role: false, free: false, catch_all: false, gibberish: false };
    await jobCoordinator(env, id).record(1, [{ key: "a@example.org", answer: { reason: "accepted", flags } }]);
    await jobCoordinator(env, id).record(1, [{ key: "a@example.org", answer: { reason: "error", flags } }], { lostChunk: true });
    await runInDurableObject(jobCoordinator(env, id), (_, state) => {
      expect(state.storage.sql.exec<{ lost_chunks: number }>("SELECT lost_chunks FROM job").one().lost_chunks).toBe(0);
    });
  });

  it("says how many rows wait for a retry and until when, until they are answered", async () => {
    const id = await quietJob(["a@mailvet-fixture.net", "b@mailvet-fixture.net", "a@MAILVET-FIXTURE.NET", "c@mailvet-fixture.net"]);
    const job = jobCoordinator(env, id);
    const flags = { disposable: false, role: false, free: false, catch_all: false, gibberish: false };
    expect((await status(id)).waiting).toEqual({ rows: 0, until: null });
    // A chunk's session answered c@, then broke; a@ (two rows) and b@ go back, at different times.
    const soon = Date.parse("2030-01-01T00:01:00Z");
    const later = Date.parse("2030-01-01T00:05:00Z");
    await job.record(1, [{ key: "c@mailvet-fixture.net", answer: { reason: "mailbox_not_found", flags } }], {
      waiting: [
        { keys: ["a@mailvet-fixture.net"], until: soon },
        { keys: ["b@mailvet-fixture.net"], until: later },
      ],
    });
    expect(await status(id)).toMatchObject({ status: "running", processed: 1, waiting: { rows: 3, until: "2030-01-01T00:05:00.000Z" } });
    await job.record(1, [{ key: "b@mailvet-fixture.net", answer: { reason: "accepted", flags } }]);
    expect(await status(id)).toMatchObject({ processed: 2, waiting: { rows: 2, until: "2030-01-01T00:01:00.000Z" } });
    await job.record(1, [{ key: "a@mailvet-fixture.net", answer: { reason: "timeout", flags } }]);
    expect(await status(id)).toMatchObject({ processed: 4, waiting: { rows: 0, until: null } });
  });

  it("queues again what a stalled job lacks, so a lost message never leaves it unfinished", async () => {
    const id = await quietJob(["a@example.org", "not an address"]);
    await runDurableObjectAlarm(jobCoordinator(env, id));
    // Not stalled yet: the alarm only set itself again.
    expect(await status(id)).toMatchObject({ status: "queued", processed: 0 });
    // Nor while a retry it was told of (a greylisting delay) is still to come.
    await jobCoordinator(env, id).record(1, [], { waiting: [{ keys: ["a@example.org"], until: Date.now() + 3_600_000 }] });
    await runInDurableObject(jobCoordinator(env, id), (_, state) => void state.storage.sql.exec("UPDATE job SET progress_at = 0"));
    await runDurableObjectAlarm(jobCoordinator(env, id));
    expect(await status(id)).toMatchObject({ status: "queued", processed: 0 });
    await runInDurableObject(jobCoordinator(env, id), (_, state) => void state.storage.sql.exec("UPDATE job SET progress_at = 0, waiting_until = 0"));
    expect(await runDurableObjectAlarm(jobCoordinator(env, id))).toBe(true);
    await until(id, (s) => s.status === "done");
    expect((await jsonResults(id)).map((r) => r.reason)).toEqual(["invalid_domain", "invalid_syntax"]);
  });

  it("is deleted at once by DELETE, files, owner and schedule and all", async () => {
    // Nothing listens at the webhook; the schedule is what matters here.
    const { id } = await createJob({ emails: EMAILS, webhook_url: "http://127.0.0.1:9/hook", reverify_days: 7 });
    await until(id, (s) => s.status === "done");
    expect((await env.JOBS_BUCKET.list({ prefix: `jobs/${id}/` })).objects.length).toBe(2);
    const d1Rows = async () => [
      await env.JOBS_DB.prepare("SELECT job FROM job_owner WHERE job = ?").bind(id).first("job"),
      await env.JOBS_DB.prepare("SELECT job FROM reverification WHERE job = ?").bind(id).first("job"),
    ];
    expect(await d1Rows()).toEqual([id, id]);
    expect((await SELF.fetch(`http://edge/v1/jobs/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await env.JOBS_BUCKET.list({ prefix: `jobs/${id}/` })).objects).toEqual([]);
    expect(await d1Rows()).toEqual([null, null]);
    expect((await SELF.fetch(`http://edge/v1/jobs/${id}`)).status).toBe(404);
    expect((await SELF.fetch(`http://edge/v1/jobs/${id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("refuses options it cannot honour", async () => {
    for (const body of [
      { emails: ["a@b.example"], reverify_days: 7 },
      { emails: ["a@b.example"], webhook_url: "ftp://example.net/hook" },
      { emails: ["a@b.example"], webhook_url: "https://example.net/hook", reverify_days: 0 },
    ]) {
      const response = await SELF.fetch("http://edge/v1/jobs", { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it("re-verifies a scheduled list from the Cron Trigger and lists the rows whose verdict changed", async () => {
    // Nothing listens at the webhook: its deliveries fail and are retried later, which this test does not wait for.
    const { id, webhook_secret } = await createJob({ emails: EMAILS, webhook_url: "http://127.0.0.1:9/hook", reverify_days: 1 });
    expect(webhook_secret).toMatch(/^whsec_/);
    await until(id, (s) => s.status === "done");
    const first = await jsonResults(id);
    // Make run 1 say every row was deliverable, so the re-verification finds changes to report.
    await env.JOBS_BUCKET.put(answersKey(id, 1), new Uint8Array(EMAILS.flatMap(() => [1, 0])));

    await scheduleReverification(env, id, 1, Date.now() - 2 * 86_400_000);
    const context = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "7 * * * *" }), env, context);
    await until(id, (s) => s.run === 2 && s.status === "done");

    expect(await jsonResults(id)).toEqual(first);
    const changes = await SELF.fetch(`http://edge/v1/jobs/${id}/changes`);
    expect(changes.headers.get("Mailvet-Run")).toBe("2");
    const lines = (await changes.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { row: number; before: { verdict: string }; after: { verdict: string } });
    expect(lines.map((change) => change.row)).toEqual(first.filter((r) => r.verdict !== "deliverable").map((r) => r.row));
    expect(lines.every((change) => change.before.verdict === "deliverable")).toBe(true);
    // Two runs through the queue: more than the default 5 s on a loaded machine.
  }, 30_000);
});
