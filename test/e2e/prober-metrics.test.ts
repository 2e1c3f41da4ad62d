import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDohResolver, resolveMailDomain } from "../../shared/dns";
import { signRequest } from "../../shared/hop";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type ManagedProcess, waitForHealthy } from "../../infra/local/processes";
import { resolveLocalSettings, startProber } from "../../infra/local/stack";
import { parseSamples, type Sample, sampleSum } from "../../prober/src/metrics/testing/prometheus-text";

/**
 * The prober's `/metrics` after a known set of probes against the real farm: each counter moves
 * by what those probes did (replies by class, addresses by reason, a 429, a missed deadline), and
 * the sessions they opened are closed again.
 */
const dnsPeer = inject("dnsPeerUrl");
const PROBER_PORT = 19788;
const METRICS_PORT = 19789;
const SECRET = "metrics-e2e-hop-secret-0123456789";

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("the prober's metrics", () => {
  let farm: MtaFarm;
  let prober: ManagedProcess;
  const resolver = createDohResolver({ upstreams: [dnsPeer!] });

  beforeAll(async () => {
    farm = await startMtaFarm();
    const { proberEnv } = resolveLocalSettings({ MAILVET_DOH_URL: dnsPeer!, ...farmProberEnv(farm), MAILVET_PROBER_SECRET: SECRET });
    prober = startProber({
      ...proberEnv,
      MAILVET_PROBER_PORT: String(PROBER_PORT),
      MAILVET_PROBER_METRICS_PORT: String(METRICS_PORT),
      // One probe at a time: a second one while the tarpit holds the first is refused, for sure.
      MAILVET_PROBER_MAX_SESSIONS: "1",
    });
    await waitForHealthy(`http://127.0.0.1:${PROBER_PORT}/healthz`, prober, 60_000);
  });
  afterAll(async () => {
    await prober?.stop();
    await farm?.stop();
  });

  async function probe(domain: string, locals: string[], budgetMs = 20_000): Promise<Response> {
    const facts = await resolveMailDomain(resolver, domain);
    if (facts.kind !== "mx") throw new Error(`${domain}: no MX (${facts.kind})`);
    const addresses = locals.map((local) => ({ address: `${local}@${domain}`, smtputf8: false }));
    const body = JSON.stringify({ domain, mx: facts.mx, addresses, budget_ms: budgetMs });
    const request = new Request(`http://127.0.0.1:${PROBER_PORT}/v1/probe`, { method: "POST", headers: { "content-type": "application/json" }, body });
    return fetch(await signRequest(request, [SECRET]));
  }

  async function scrape(): Promise<Sample[]> {
    const response = await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseSamples(await response.text());
  }

  it("is served on its own port, unsigned, and nothing else is", async () => {
    expect((await fetch(`http://127.0.0.1:${METRICS_PORT}/v1/probe`)).status).toBe(404);
    // The hop's port keeps its signature: no metrics there.
    expect((await fetch(`http://127.0.0.1:${PROBER_PORT}/metrics`)).status).toBe(404);
  });

  it("counts what a known set of probes did", { timeout: 60_000 }, async () => {
    const before = await scrape();
    const moved = (samples: Sample[], name: string, labels: Record<string, string> = {}) => sampleSum(samples, name, labels) - sampleSum(before, name, labels);

    expect((await probe("ok.mailvet-mta.net", ["alice", "bob", "ghost"])).status).toBe(200);
    expect((await probe("policy.mailvet-mta.net", ["alice"])).status).toBe(200);
    expect((await probe("blocked.mailvet-mta.net", ["alice"])).status).toBe(200);

    // The tarpit never greets: its probe holds the prober's one session until its deadline.
    const held = probe("tarpit.mailvet-mta.net", ["alice"], 1500);
    while (sampleSum(await scrape(), "mailvet_prober_probes_in_flight") < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await probe("ok.mailvet-mta.net", ["alice"]);
    expect(refused.status).toBe(429);
    expect((await held).status).toBe(200);

    const after = await scrape();
    expect(moved(after, "mailvet_prober_probes_total", { provider: "other" })).toBe(4);
    expect(moved(after, "mailvet_prober_probe_duration_seconds_count")).toBe(4);
    expect(moved(after, "mailvet_prober_addresses_total", { reason: "accepted", provider: "other" })).toBe(2);
    expect(moved(after, "mailvet_prober_addresses_total", { reason: "mailbox_not_found" })).toBe(1);
    expect(moved(after, "mailvet_prober_addresses_total", { reason: "blocked" })).toBe(2);
    expect(moved(after, "mailvet_prober_addresses_total", { reason: "timeout" })).toBe(1);
    expect(moved(after, "mailvet_prober_rcpt_replies_total", { class: "accepted", provider: "other" })).toBe(2);
    expect(moved(after, "mailvet_prober_rcpt_replies_total", { class: "mailbox_not_found" })).toBe(1);
    expect(moved(after, "mailvet_prober_rcpt_replies_total", { class: "blocked" })).toBe(1);
    expect(moved(after, "mailvet_prober_rcpt_replies_total")).toBe(4);
    expect(moved(after, "mailvet_prober_smtp_sessions_opened_total", { provider: "other" })).toBe(2);
    expect(sampleSum(after, "mailvet_prober_smtp_sessions_open")).toBe(0);
    expect(moved(after, "mailvet_prober_refusals_total", { reason: "full" })).toBe(1);
    expect(moved(after, "mailvet_prober_deadlines_missed_total")).toBe(1);
    expect(moved(after, "mailvet_prober_dns_lookup_duration_seconds_count", { type: "A", outcome: "records" })).toBeGreaterThan(0);
    expect(sampleSum(after, "mailvet_prober_probes_in_flight")).toBe(0);
    // No label anywhere holds an address or a domain.
    expect(after.filter((sample) => Object.values(sample.labels).some((value) => value.includes("mailvet-mta") || value.includes("@")))).toEqual([]);
  });
});
