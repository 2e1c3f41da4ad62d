import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import type { DoctorReport } from "../../../shared/contract/doctor";
import { ProbeRequestSchema } from "../../../shared/contract/probe";
import { type ProberStatus, ProbersResponseSchema } from "../../../shared/contract/probers";
import { createApp } from "../app";
import type { Env } from "../env";
import { reviewProbers } from "./cron-review";
import { readReview, recordDomainAnswer } from "./review-db";
import { inIsolateProbers } from "./testing/in-isolate-probers";

const HOUR = 3_600_000;

/** A doctor report whose checks have the given statuses (every other field as a prober fills it). */
function report(statuses: Record<string, DoctorReport["status"]>): DoctorReport {
  const checks = Object.entries(statuses).map(([id, status]) => ({ id, status, summary: `${id}: ${status}`, fix: status === "pass" ? null : "fix it" }));
  const worst = checks.some((check) => check.status === "fail") ? "fail" : "pass";
  return {
    prober: { id: null, region: null },
    at: new Date().toISOString(),
    egress: { ipv4: ["192.0.2.7"], ipv6: [] },
    helo: "probe.example.net",
    mail_from: "verify@probe.example.net",
    checks,
    block_replies: [],
    status: worst,
  };
}

/** GET /v1/probers through the edge's app, with the test's settings on top of the Worker's. */
async function probersPage(workerEnv: Env): Promise<ProberStatus[]> {
  const response = await createApp().fetch(new Request("http://edge/v1/probers"), workerEnv, createExecutionContext());
  expect(response.status).toBe(200);
  return ProbersResponseSchema.parse(await response.json()).probers;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the Cron's standing review of probers", () => {
  it("keeps each doctor report, degrades a listed prober or one with a wrong PTR, and shows the trend", async () => {
    let listed = true;
    const { env: proberEnv } = inIsolateProbers({
      "cron-eu1": { region: "eu", routes: (app) => app.get("/v1/doctor", (c) => c.json(report({ blocklists: listed ? "fail" : "pass", ptr: "pass" }))) },
      "cron-us1": { region: "us", routes: (app) => app.get("/v1/doctor", (c) => c.json(report({ blocklists: "unknown", ptr: "fail" }))) },
      // Answers nothing signed: kept as unreachable, which alone degrades nothing.
      "cron-ap1": { region: "ap", routes: (app) => app.get("/v1/doctor", (c) => c.text("no", 500)) },
    });
    const now = Date.now();
    await reviewProbers(proberEnv, now - HOUR);
    listed = false;
    await reviewProbers(proberEnv, now);

    const stored = await readReview(env.JOBS_DB, now - HOUR);
    expect(stored.get("cron-eu1")!.reports.map((entry) => [entry.status, entry.findings])).toEqual([
      ["pass", []],
      ["fail", ["listed"]],
    ]);
    expect(stored.get("cron-us1")!.reports[0]).toMatchObject({ status: "fail", findings: ["reverse_dns"] });
    expect(stored.get("cron-ap1")!.reports[0]).toMatchObject({ status: "unreachable", findings: [] });

    const page = await probersPage(proberEnv);
    expect(page.map(({ id, health, trend, last_report }) => ({ id, health, trend, status: last_report?.status }))).toEqual([
      { id: "cron-eu1", health: "healthy", trend: ["fail", "pass"], status: "pass" },
      { id: "cron-us1", health: "degraded", trend: ["fail", "fail"], status: "fail" },
      { id: "cron-ap1", health: "healthy", trend: ["unreachable", "unreachable"], status: "unreachable" },
    ]);
    expect(page[1]!.findings.map((finding) => finding.code)).toEqual(["reverse_dns"]);
  });

  it("degrades a prober blocked at several domains within the window, and not for older blocks", async () => {
    const { env: proberEnv } = inIsolateProbers({ "blocks-eu1": { region: "eu", routes: () => {} } });
    const now = Date.now();
    for (const domain of ["a.example", "b.example"]) await recordDomainAnswer(env.JOBS_DB, "blocks-eu1", domain, now, "block-list");
    await recordDomainAnswer(env.JOBS_DB, "blocks-eu1", "c.example", now - 2 * HOUR, "block-list");
    const page = (domains: string) => probersPage({ ...proberEnv, MAILVET_PROBER_BLOCK_DOMAINS: domains, MAILVET_PROBER_BLOCK_WINDOW: "3600" });
    expect(await page("3")).toMatchObject([{ id: "blocks-eu1", health: "healthy", block_domains: 2 }]);
    expect(await page("2")).toMatchObject([{ id: "blocks-eu1", health: "degraded", block_domains: 2, findings: [{ code: "block_replies" }] }]);
  });

  // The trial goes to the domain's real MX, found through the local DNS peer.
  it.skipIf(inject("dnsPeerUrl") === null)("sends a blocked prober a trial probe, and lifts the block when the server answers it", async () => {
    let blocked = true;
    const trials: string[] = [];
    const { env: proberEnv } = inIsolateProbers({
      "trial-eu1": {
        region: "eu",
        routes: (app) => {
          app.get("/v1/doctor", (c) => c.json(report({ blocklists: "pass" })));
          app.post("/v1/probe", async (c) => {
            const { address } = ProbeRequestSchema.parse(await c.req.json()).addresses[0]!;
            trials.push(address);
            const answer = blocked
              ? { reason: "blocked", class: "blocked", rule: "block-list", code: 554, enhanced: "5.7.1", message: "listed" }
              : { reason: "mailbox_not_found", class: "mailbox_not_found", rule: "mailbox-not-found", code: 550, enhanced: "5.1.1", message: "unknown" };
            return c.json({
              prober: "trial-eu1",
              catch_all: false,
              results: [{ address, host: "mx1.mailvet-mta.net", retry_after: null, duration_ms: 1, ...answer }],
            });
          });
        },
      },
    });
    await recordDomainAnswer(env.JOBS_DB, "trial-eu1", "ok.mailvet-mta.net", Date.now() - 60_000, "block-list");
    await reviewProbers(proberEnv, Date.now());
    const blocksOf = async () => [...((await readReview(env.JOBS_DB, Date.now() - HOUR)).get("trial-eu1")?.blocks.keys() ?? [])];
    expect(await blocksOf()).toEqual(["ok.mailvet-mta.net"]);
    blocked = false;
    await reviewProbers(proberEnv, Date.now());
    expect(await blocksOf()).toEqual([]);
    // A made-up mailbox each time, never anyone's address.
    expect(trials).toHaveLength(2);
    expect(trials.every((address) => /^mailvet-trial-[0-9a-f]{12}@ok\.mailvet-mta\.net$/.test(address))).toBe(true);
  });
});
