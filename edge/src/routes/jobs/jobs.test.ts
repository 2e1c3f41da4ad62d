import { createExecutionContext, createMessageBatch, getQueueResult, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { z } from "@hono/zod-openapi";
import { describe, expect, inject, it } from "vitest";
import { bytesSource, readTable } from "../../../../shared/bulk";
import worker from "../../index";
import { jobCoordinator } from "../../jobs/coordinator-stub";
import { recordJobOwner } from "../../jobs/jobs-db";
import type { VerifyChunk } from "../../jobs/messages";
import { addressKey } from "../../jobs/upload/plan";
import type { JobStatusSchema } from "../../../../shared/contract/jobs";

const dnsPeer = inject("dnsPeerUrl");

// A header, columns around the addresses, a malformed cell, the same mailbox spelled two ways
// and once more exactly: five rows, three distinct addresses.
const CSV = [
  "name,Email,city",
  "Ann,ann@multi-mx.mailvet-fixture.net,Oslo",
  "Bob,not-an-address,Rome",
  "Cy,ann@MULTI-MX.mailvet-fixture.net,Lima",
  "Di,di@nope.mailvet-fixture.net,Paris",
  "Ed,ann@multi-mx.mailvet-fixture.net,Kyiv",
].join("\r\n");

async function post(body: BodyInit, contentType?: string): Promise<Response> {
  return SELF.fetch("http://edge/v1/jobs", { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });
}

async function status(id: string): Promise<z.infer<typeof JobStatusSchema>> {
  return (await (await SELF.fetch(`http://edge/v1/jobs/${id}`)).json()) as z.infer<typeof JobStatusSchema>;
}

/** Starts a job and waits (the test runtime delivers the queue to the Worker) until it is done. */
async function finishedJob(body: BodyInit, contentType?: string): Promise<z.infer<typeof JobStatusSchema>> {
  const response = await post(body, contentType);
  expect(response.status, await response.clone().text()).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await expect.poll(async () => (await status(id)).status, { timeout: 15_000, interval: 200 }).toBe("done");
  return status(id);
}

async function results(id: string, format: "csv" | "xlsx" | "json"): Promise<Response> {
  const response = await SELF.fetch(`http://edge/v1/jobs/${id}/results?format=${format}`);
  expect(response.status).toBe(200);
  return response;
}

/** A results file read back with the same reader uploads go through. */
async function readBack(response: Response): Promise<{ columns: string[]; rows: string[][] }> {
  const table = await readTable(bytesSource(new Uint8Array(await response.arrayBuffer())), { maxBytes: 1 << 20, maxRows: 100 });
  const rows: string[][] = [];
  for await (const { cells } of table.rows) rows.push(cells);
  return { columns: table.columns, rows };
}

describe("bulk jobs, through R2, the job's Durable Object and the queue", () => {
  it("answers every row of a CSV upload once, in input order, with its columns, in all three formats", async () => {
    const job = await finishedJob(CSV, "text/csv");
    expect(job).toMatchObject({ status: "done", total: 5, processed: 5 });
    expect(Object.values(job.counts).reduce((sum, rows) => sum + rows, 0)).toBe(5);

    const json = (await (await results(job.id, "json")).json()) as { results: { row: number; email: string; verdict: string; reason: string }[] };
    expect(json.results.map((result) => result.row)).toEqual([0, 1, 2, 3, 4]);
    expect(json.results[1]).toMatchObject({ email: "not-an-address", verdict: "undeliverable", reason: "invalid_syntax" });
    // One answer per mailbox: the rows that spell it differently answer alike.
    expect(json.results[2]?.reason).toBe(json.results[0]?.reason);
    expect(json.results[4]?.reason).toBe(json.results[0]?.reason);

    const header = ["name", "Email", "city", "verdict", "reason", "disposable", "role", "free", "catch_all", "gibberish", "suggestion"];
    for (const format of ["csv", "xlsx"] as const) {
      const { columns, rows } = await readBack(await results(job.id, format));
      expect(columns).toEqual(header);
      expect(rows.map((cells) => cells.slice(0, 3))).toEqual(
        CSV.split("\r\n")
          .slice(1)
          .map((line) => line.split(",")),
      );
      expect(rows.map((cells) => cells[4])).toEqual(json.results.map((result) => result.reason));
    }
  });

  // Without the DNS peer every domain answers dns_error; vitest reports this case as skipped
  // (and `npm run test:all`, which requires the peer, never skips it).
  it.skipIf(dnsPeer === null)("decides each row from its domain's DNS (needs the local DNS peer)", async () => {
    const job = await finishedJob(CSV, "text/csv");
    expect(job.counts).toEqual({ deliverable: 0, undeliverable: 2, risky: 0, unknown: 3 });
    const json = (await (await results(job.id, "json")).json()) as { results: { verdict: string; reason: string }[] };
    expect(json.results[0]).toMatchObject({ verdict: "unknown", reason: "smtp_skipped" });
    expect(json.results[3]).toMatchObject({ verdict: "undeliverable", reason: "invalid_domain" });
  });

  it("changes nothing when a chunk is delivered again, even with a different answer", async () => {
    const job = await finishedJob(CSV, "text/csv");
    const before = await (await results(job.id, "json")).text();
    const ann = addressKey("ann@multi-mx.mailvet-fixture.net");
    // The same key again, and once with a cell that would now answer invalid_syntax.
    const chunk: VerifyChunk = {
      kind: "verify",
      job: job.id,
      run: 1,
      domain: "multi-mx.mailvet-fixture.net",
      addresses: [
        { key: ann, email: ann },
        { key: ann, email: "broken" },
      ],
      greylistRetries: 0,
      proberRetries: 0,
      avoid: [],
    };
    const batch = createMessageBatch<VerifyChunk>("mailvet-verify", [{ id: "again", timestamp: new Date(), attempts: 2, body: chunk }]);
    const context = createExecutionContext();
    await worker.queue(batch, env, context);
    expect((await getQueueResult(batch, context)).explicitAcks).toEqual(["again"]);
    expect(await status(job.id)).toEqual(job);
    expect(await (await results(job.id, "json")).text()).toBe(before);
  });

  it("takes JSON {emails} and a multipart file", async () => {
    const emails = ["a@gmail.com", "b@nope.mailvet-fixture.net", 'x, "y"', "c@gmial.com"];
    const fromJson = await finishedJob(JSON.stringify({ emails }), "application/json");
    expect(fromJson).toMatchObject({ total: 4, processed: 4 });
    const json = (await (await results(fromJson.id, "json")).json()) as { results: { email: string; suggestion: string | null }[] };
    expect(json.results.map((result) => result.email)).toEqual(emails);
    // The "did you mean" of /v1/verify, in every format.
    expect(json.results.map((result) => result.suggestion)).toEqual([null, null, null, "c@gmail.com"]);
    for (const format of ["csv", "xlsx"] as const) {
      const { columns, rows } = await readBack(await results(fromJson.id, format));
      expect(rows.map((cells) => cells[columns.indexOf("suggestion")] ?? "")).toEqual(["", "", "", "c@gmail.com"]);
    }

    const form = new FormData();
    form.set("file", new Blob([CSV], { type: "text/csv" }), "list.csv");
    expect(await finishedJob(form)).toMatchObject({ total: 5, processed: 5 });
  });

  it("refuses a file without an e-mail column with a 400 that names its columns", async () => {
    const response = await post("name,city\r\nAnn,Oslo\r\nBob,Rome\r\n", "text/csv");
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("invalid_request");
    expect(error.message).toContain("name");
    expect(error.message).toContain("city");
  });

  it("reads uploads past the 2 MB limit of the other routes", async () => {
    const big = `name,city\r\n${"Ann,Oslo\r\n".repeat(300_000)}`;
    const response = await post(big, "text/csv");
    // A 400 about its columns, not the 413 of the 2 MB limit: it went to R2 and was read.
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("city");
  });

  it("deletes a job's upload and answers when its retention runs out", async () => {
    const response = await post(JSON.stringify({ emails: ["ann@gmail.com"] }), "application/json");
    const { id } = (await response.json()) as { id: string };
    expect(await env.JOBS_BUCKET.head(`jobs/${id}/upload`)).not.toBeNull();
    const owner = () => env.JOBS_DB.prepare("SELECT owner FROM job_owner WHERE job = ?").bind(id).first("owner");
    expect(await owner()).toBe("open");
    // The job expires MAILVET_JOB_RETENTION_DAYS from now; run its alarm as if that time had come.
    await runInDurableObject(jobCoordinator(env, id), (_, state) => void state.storage.sql.exec("UPDATE job SET expires_at = 0"));
    expect(await runDurableObjectAlarm(jobCoordinator(env, id))).toBe(true);
    expect(await env.JOBS_BUCKET.head(`jobs/${id}/upload`)).toBeNull();
    expect((await SELF.fetch(`http://edge/v1/jobs/${id}`)).status).toBe(404);
    // The object queued its owner's row in D1 for the consumer to forget.
    await expect.poll(owner, { timeout: 15_000, interval: 100 }).toBeNull();
  });

  it("answers 409 for the results of a job that is not done", async () => {
    // A job whose address is in but was never queued stays queued.
    const id = crypto.randomUUID();
    const job = jobCoordinator(env, id);
    await job.add([{ key: "ann@example.net", email: "ann@example.net", domain: "example.net", rows: 1 }], Date.now() + 86_400_000);
    await runInDurableObject(job, (_, state) => {
      state.storage.sql.exec(
        "INSERT INTO job (id, job_id, total, distinct_addresses, upload_key, origin) VALUES (1, ?, 1, 1, ?, 'http://edge')",
        id,
        `jobs/${id}/upload`,
      );
    });
    // The API is open in this suite: its jobs belong to "open".
    await recordJobOwner(env, id, "open");
    expect(await status(id)).toMatchObject({ status: "queued", total: 1, processed: 0 });
    const early = await SELF.fetch(`http://edge/v1/jobs/${id}/results`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe("not_ready");
  });

  it("is in the OpenAPI document", async () => {
    const document = (await (await SELF.fetch("http://edge/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/v1/jobs", "/v1/jobs/{id}", "/v1/jobs/{id}/results"]));
  });

  it("answers 404 for a job that does not exist", async () => {
    const response = await SELF.fetch(`http://edge/v1/jobs/${crypto.randomUUID()}`);
    expect(response.status).toBe(404);
  });
});
