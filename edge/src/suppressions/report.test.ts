import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Bounce } from "../../../shared/bounces/bounce";
import { createApp } from "../app";
import { bounceReport } from "./report";
import { outcomeRows, recordBounces, rememberVerdicts } from "./store";

const hard = (recipient: string, at: string): Bounce => ({
  recipient,
  kind: "hard",
  reason: "user_unknown",
  status: "5.1.1",
  diagnostic: null,
  source: "ses",
  at,
});

describe("the bounce report", () => {
  it("measures the hard-bounce rate of each verdict, reason and score band from bounces after the check", async () => {
    const owner = `key:${crypto.randomUUID()}`;
    const checked = new Date("2026-12-01T10:00:00Z");
    const said = [
      ...["a", "b", "c", "d"].map((local) => ({ key: `${local}@mailvet-mta.net`, verdict: "deliverable", reason: "accepted", score: 95 })),
      { key: "e@mailvet-mta.net", verdict: "risky", reason: "catch_all", score: 55 },
      { key: "f@mailvet-mta.net", verdict: "risky", reason: "catch_all", score: 55 },
    ];
    await rememberVerdicts(env.JOBS_DB, owner, said, checked);
    // A bounce dated before the check says nothing of it; one after it does.
    await recordBounces(
      env.JOBS_DB,
      owner,
      [hard("A@mailvet-mta.net", "2026-12-02T00:00:00Z"), hard("e@mailvet-mta.net", "2026-12-02T00:00:00Z"), hard("f@mailvet-mta.net", "2026-11-30T00:00:00Z")],
      new Date("2026-12-03T00:00:00Z"),
    );
    const report = bounceReport(await outcomeRows(env.JOBS_DB, owner));
    expect(report.by_verdict.deliverable).toEqual({ verified: 4, hard: 1, soft: 0, complaint: 0, hard_bounce_rate: 0.25 });
    expect(report.by_reason.catch_all).toMatchObject({ verified: 2, hard: 1, hard_bounce_rate: 0.5 });
    expect(report.by_score_band).toMatchObject({ "80-100": { verified: 4, hard: 1 }, "40-59": { verified: 2, hard: 1 } });
  });

  it("keeps the prediction a bounce answered when the address is checked again", async () => {
    const owner = `key:${crypto.randomUUID()}`;
    await rememberVerdicts(
      env.JOBS_DB,
      owner,
      [{ key: "g@mailvet-mta.net", verdict: "deliverable", reason: "accepted", score: 95 }],
      new Date("2026-12-01T00:00:00Z"),
    );
    await recordBounces(env.JOBS_DB, owner, [hard("g@mailvet-mta.net", "2026-12-02T00:00:00Z")], new Date("2026-12-02T00:00:00Z"));
    await rememberVerdicts(
      env.JOBS_DB,
      owner,
      [{ key: "g@mailvet-mta.net", verdict: "unknown", reason: "smtp_skipped", score: 60 }],
      new Date("2026-12-03T00:00:00Z"),
    );
    expect(bounceReport(await outcomeRows(env.JOBS_DB, owner)).by_verdict).toEqual({
      deliverable: { verified: 1, hard: 1, soft: 0, complaint: 0, hard_bounce_rate: 1 },
    });
  });

  it("is served per owner at /v1/suppressions/report, fed by /v1/verify, never holding the address", async () => {
    const app = createApp();
    const keyedEnv = { ...env, MAILVET_API_KEYS: JSON.stringify([{ id: "reporter", key: "reporter-key-0123456789", scopes: ["verify", "jobs"] }]) };
    const call = async (path: string) => {
      const ctx = createExecutionContext();
      const response = await app.fetch(new Request(`http://edge${path}`, { headers: { authorization: "Bearer reporter-key-0123456789" } }), keyedEnv, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    const local = `r${crypto.randomUUID().slice(0, 8)}`;
    expect((await call(`/v1/verify?email=${local}@shop-example.net&smtp=false`)).status).toBe(200);
    const stored = await env.JOBS_DB.prepare("SELECT * FROM verdict_memory WHERE owner = 'key:reporter'").all();
    expect(JSON.stringify(stored.results)).not.toContain(local);
    const report = (await (await call("/v1/suppressions/report")).json()) as { by_verdict: Record<string, { verified: number }> };
    expect(Object.values(report.by_verdict).reduce((sum, { verified }) => sum + verified, 0)).toBeGreaterThan(0);
  });
});
