import { describe, expect, it } from "vitest";
import { resultFromFailure, resultFromReply } from "../smtp/recipient-result";
import { SmtpError } from "../smtp/smtp-error";
import { createProberMetrics } from "./prober-metrics";
import { parseSamples, sampleSum } from "./testing/prometheus-text";

const scrape = async (metrics: ReturnType<typeof createProberMetrics>) => parseSamples(await metrics.registry.metrics());

describe("createProberMetrics", () => {
  it("counts answered probes by provider and their addresses by reason, and a missed deadline once per probe", async () => {
    const metrics = createProberMetrics();
    metrics.probeAnswered({
      provider: "google",
      seconds: 0.2,
      results: [
        { reason: "accepted", provider: "google" },
        { reason: "timeout", provider: "google" },
      ],
      deadlineMissed: true,
    });
    const samples = await scrape(metrics);
    expect(sampleSum(samples, "mailvet_prober_probes_total", { provider: "google" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_addresses_total", { reason: "accepted", provider: "google" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_addresses_total", { reason: "timeout" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_deadlines_missed_total")).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_probe_duration_seconds_count")).toBe(1);
  });

  it("counts only the server's own RCPT replies, by class", async () => {
    const metrics = createProberMetrics();
    const broken = new SmtpError("ECONNECTION", "closed", { command: "RCPT TO", stage: "rcpt" });
    metrics.rcptReplies("other", [
      resultFromReply("a@example.org", { code: 250, enhanced: "2.1.5", lines: ["Ok"], text: "Ok" }, "rcpt"),
      resultFromReply("b@example.org", { code: 550, enhanced: "5.1.1", lines: ["User unknown"], text: "User unknown" }, "rcpt"),
      resultFromFailure("c@example.org", broken),
    ]);
    const samples = await scrape(metrics);
    expect(sampleSum(samples, "mailvet_prober_rcpt_replies_total")).toBe(2);
    expect(sampleSum(samples, "mailvet_prober_rcpt_replies_total", { class: "mailbox_not_found", provider: "other" })).toBe(1);
  });

  it("keeps sessions open per provider, probes in flight, refusals by reason, DNS times by type and outcome", async () => {
    const metrics = createProberMetrics();
    metrics.probeAdmitted();
    metrics.probeAdmitted();
    metrics.probeLeft();
    metrics.sessionOpened("other");
    metrics.sessionOpened("other");
    metrics.sessionClosed("other");
    metrics.probeRefused("caller_share");
    metrics.dnsLookup("A", "records", 0.002);
    const samples = await scrape(metrics);
    expect(sampleSum(samples, "mailvet_prober_smtp_sessions_open", { provider: "other" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_smtp_sessions_opened_total")).toBe(2);
    expect(sampleSum(samples, "mailvet_prober_refusals_total", { reason: "caller_share" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_dns_lookup_duration_seconds_count", { type: "A", outcome: "records" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_probes_in_flight")).toBe(1);
    expect(samples.some((sample) => sample.name === "process_cpu_user_seconds_total")).toBe(true);
  });

  it("gives each prober a registry of its own", async () => {
    createProberMetrics().probeRefused("full");
    expect(sampleSum(await scrape(createProberMetrics()), "mailvet_prober_refusals_total")).toBe(0);
  });
});
