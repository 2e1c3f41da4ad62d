import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { AdmissionRefusal } from "../probe/admission";
import type { RecipientResult } from "../smtp/recipient-result";

/** What one answered probe request counts: its addresses' results and the hosts that gave them. */
export interface ProbeTally {
  /** Provider label of the MX host that decided the first address (see providerLabel). */
  readonly provider: string;
  readonly seconds: number;
  readonly results: readonly { readonly reason: string; readonly provider: string }[];
  /** Whether the deadline left an address unanswered (its reason is `timeout`). */
  readonly deadlineMissed: boolean;
}

/**
 * The prober's Prometheus metrics, in a registry of their own (never prom-client's global one),
 * behind one small hook per place where something worth counting happens: the service calls
 * `probeAnswered`/`probeRefused`, the SMTP lanes `sessionOpened`/`sessionClosed`/`rcptReplies`,
 * the resolver `dnsLookup`. Every label has a fixed, small set of values: reasons, reply
 * classes, providers, DNS types and outcomes; never an address, a domain or a host.
 */
export interface ProberMetrics {
  readonly registry: Registry;
  /** A probe request was let in; `probeLeft` when it has answered or failed. */
  probeAdmitted(): void;
  probeLeft(): void;
  probeAnswered(tally: ProbeTally): void;
  probeRefused(reason: AdmissionRefusal): void;
  sessionOpened(provider: string): void;
  sessionClosed(provider: string): void;
  /** The RCPT replies of one transaction; results without a reply of the server's (a broken session) are not replies. */
  rcptReplies(provider: string, results: readonly RecipientResult[]): void;
  dnsLookup(type: string, outcome: string, seconds: number): void;
}

/** Seconds: a cached answer takes microseconds, DoH a few milliseconds to a second, a timeout more. */
const DNS_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Seconds: a probe takes from milliseconds to its budget, at most 60 s. */
const PROBE_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * A fresh set of the prober's metrics, with Node's default process metrics (CPU, memory,
 * event-loop lag, GC, open file descriptors).
 *
 * @example
 * const metrics = createProberMetrics();
 * metrics.probeRefused("full");
 * await metrics.registry.metrics(); // the text Prometheus scrapes
 */
export function createProberMetrics(): ProberMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const probes = new Counter({
    name: "mailvet_prober_probes_total",
    help: "Probe requests answered, by the provider of the MX host that decided",
    labelNames: ["provider"],
    registers,
  });
  const probeSeconds = new Histogram({
    name: "mailvet_prober_probe_duration_seconds",
    help: "Time to answer a probe request",
    buckets: PROBE_BUCKETS,
    registers,
  });
  const addresses = new Counter({
    name: "mailvet_prober_addresses_total",
    help: "Addresses answered, by the contract's reason and the provider of the MX host that decided",
    labelNames: ["reason", "provider"],
    registers,
  });
  const rcpts = new Counter({
    name: "mailvet_prober_rcpt_replies_total",
    help: "RCPT replies from mail servers, by reply class and provider",
    labelNames: ["class", "provider"],
    registers,
  });
  const sessionsOpen = new Gauge({
    name: "mailvet_prober_smtp_sessions_open",
    help: "SMTP sessions open now, by provider",
    labelNames: ["provider"],
    registers,
  });
  const sessionsOpened = new Counter({
    name: "mailvet_prober_smtp_sessions_opened_total",
    help: "SMTP sessions opened, by provider",
    labelNames: ["provider"],
    registers,
  });
  const deadlines = new Counter({
    name: "mailvet_prober_deadlines_missed_total",
    help: "Probe requests whose deadline left an address unanswered (answered timeout)",
    registers,
  });
  const refusals = new Counter({
    name: "mailvet_prober_refusals_total",
    help: "Probe requests refused with 429: full, caller_share (over a caller's fair share), closed (shutting down)",
    labelNames: ["reason"],
    registers,
  });
  const dns = new Histogram({
    name: "mailvet_prober_dns_lookup_duration_seconds",
    help: "DNS lookups (cache included), by type and outcome",
    labelNames: ["type", "outcome"],
    buckets: DNS_BUCKETS,
    registers,
  });
  const inFlight = new Gauge({ name: "mailvet_prober_probes_in_flight", help: "Probe requests being answered now", registers });

  return {
    registry,
    probeAdmitted: () => inFlight.inc(),
    probeLeft: () => inFlight.dec(),
    probeAnswered({ provider, seconds, results, deadlineMissed }) {
      probes.inc({ provider });
      probeSeconds.observe(seconds);
      for (const result of results) addresses.inc({ reason: result.reason, provider: result.provider });
      if (deadlineMissed) deadlines.inc();
    },
    probeRefused: (reason) => refusals.inc({ reason }),
    sessionOpened(provider) {
      sessionsOpened.inc({ provider });
      sessionsOpen.inc({ provider });
    },
    sessionClosed: (provider) => sessionsOpen.dec({ provider }),
    rcptReplies(provider, results) {
      for (const result of results) if (result.stage === "rcpt" && result.code !== null) rcpts.inc({ class: result.class ?? "unclassified", provider });
    },
    dnsLookup: (type, outcome, seconds) => dns.observe({ type, outcome }, seconds),
  };
}
