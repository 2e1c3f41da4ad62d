import { createExecutionContext, listDurableObjectIds } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../app";

const app = createApp();
const KEYS = { alice: "alice-key-0123456789abcdef", bob: "bob-key-0123456789abcdefgh", ops: "ops-key-0123456789abcdefgh" };
const keyedEnv = {
  ...env,
  MAILVET_API_KEYS: JSON.stringify([
    { id: "alice", key: KEYS.alice, scopes: ["verify", "jobs"] },
    { id: "bob", key: KEYS.bob, scopes: ["verify", "jobs"] },
    { id: "ops", key: KEYS.ops, scopes: ["admin"] },
  ]),
};

const call = (key: string, path: string, init: RequestInit = {}) =>
  app.fetch(
    new Request(`http://edge${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } }),
    keyedEnv,
    createExecutionContext(),
  );

async function aliceJob(): Promise<string> {
  const response = await call(KEYS.alice, "/v1/jobs", { method: "POST", body: JSON.stringify({ emails: ["ann@nope.mailvet-fixture.net", "bob@gmail.com"] }) });
  expect(response.status, await response.clone().text()).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

describe("jobs belong to the key that created them", () => {
  it("answers another key 404 on status, results, changes and delete, and keeps the job", async () => {
    const id = await aliceJob();
    for (const [method, path] of [
      ["GET", `/v1/jobs/${id}`],
      ["GET", `/v1/jobs/${id}/results?format=json`],
      ["GET", `/v1/jobs/${id}/changes`],
      ["DELETE", `/v1/jobs/${id}`],
    ] as const) {
      const response = await call(KEYS.bob, path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "no such job" } });
    }
    // Bob's DELETE changed nothing: Alice's job and its upload are all there.
    const status = await call(KEYS.alice, `/v1/jobs/${id}`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ id, total: 2 });
    expect((await env.JOBS_BUCKET.list({ prefix: `jobs/${id}/` })).objects.length).toBeGreaterThan(0);
  });

  it("lets an admin key see and delete anyone's job", async () => {
    const id = await aliceJob();
    expect((await call(KEYS.ops, `/v1/jobs/${id}`)).status).toBe(200);
    expect((await call(KEYS.ops, `/v1/jobs/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(KEYS.alice, `/v1/jobs/${id}`)).status).toBe(404);
  });
});

describe("a job id that does not exist", () => {
  it("gets 404 and creates no Durable Object", async () => {
    const before = (await listDurableObjectIds(env.JOB_COORDINATOR)).map(String);
    const unknown = crypto.randomUUID();
    for (const path of [`/v1/jobs/${unknown}`, `/v1/jobs/${unknown}/results`, `/v1/jobs/${unknown}/changes`]) {
      const response = await call(KEYS.alice, path);
      expect(response.status, path).toBe(404);
      await response.body?.cancel();
    }
    expect((await call(KEYS.alice, `/v1/jobs/${unknown}`, { method: "DELETE" })).status).toBe(404);
    const after = (await listDurableObjectIds(env.JOB_COORDINATOR)).map(String);
    expect(after).toEqual(before);
    expect(after).not.toContain(String(env.JOB_COORDINATOR.idFromName(unknown)));
  });

  it("gets 400 when it is not an id at all", async () => {
    const response = await call(KEYS.alice, "/v1/jobs/not-a-job-id");
    expect(response.status).toBe(400);
    await response.body?.cancel();
  });
});
