import type { ProbeRequest, ProbeResponse } from "../../../shared/contract/probe";
import { createDohResolver, createMemoryCache } from "../../../shared/dns";
import { canonicalName } from "../../../shared/dns/wire-name";
import { type BlockReplyWindow, createBlockReplyWindow } from "../doctor/block-replies";
import { logLine } from "../../../shared/log/json-log";
import { openSmtpSession } from "../smtp/client";
import { Transcript } from "../smtp/transcript";
import type { ProberSettings } from "../settings";
import { createAdmission, ProbeRefused } from "./admission";
import { createCatchAllCache } from "./catch-all";
import { createDeadline } from "./deadline";
import { createEgressPolicy } from "./egress";
import { createHostSlots } from "./host-slots";
import { createHostMemory } from "./host-tolerance";
import { walkMx, type WalkOutcome } from "./mx-walk";
import type { ProberTools, ProbeRun } from "./probe-context";
import { createProberMetrics, type ProberMetrics, type ProbeTally } from "../metrics/prober-metrics";
import { providerLabel } from "../metrics/provider";
import { timedResolver } from "../metrics/timed-resolver";
import { toProbeResponse } from "./response";
import { createServerRates } from "./server-rate";
import { planMxWalk } from "./walk-plan";

export interface ProbeService {
  /**
   * Runs a probe, or rejects at once with ProbeRefused when the prober is stopping, full, or the
   * caller holds its share of the sessions (never queues).
   */
  probe(request: ProbeRequest): Promise<ProbeResponse>;
  readonly inFlight: number;
  readonly stopping: boolean;
  /** The block replies this service's probes met (the doctor's `block-replies` check reads them). */
  readonly blockReplies: BlockReplyWindow;
  /**
   * Admits no more probes, lets those in flight finish for up to `graceMs`, then cuts them
   * short (they answer `timeout`); resolves when every one has answered.
   */
  shutdown(graceMs: number): Promise<void>;
}

/** The settings the service reads. */
export type ProbeServiceSettings = Pick<
  ProberSettings,
  | "heloName"
  | "mailFrom"
  | "smtpPort"
  | "allowPrivateTargets"
  | "dohUrls"
  | "maxSessions"
  | "perHostSessions"
  | "hostRcptPerSecond"
  | "catchAllTtlSeconds"
  | "sourceIp"
>;

/**
 * The prober's probing: admission, the deadline, DNS, the MX walk and the answer, with the
 * limits and memories (session slots, learned RCPT rates and server tolerances, catch-all
 * answers) shared by all requests.
 * Tests pass a fake resolver or a wrapped `openSmtpSession`. It counts into `metrics`, which
 * main.ts serves on `/metrics`; without one, into a registry of its own nobody reads.
 *
 * @example
 * const service = createProbeService(readProberSettings(process.env), { metrics: createProberMetrics() });
 * const response = await service.probe(parseProbeRequest(body)); // ProbeRefused: answer 429
 */
export function createProbeService(
  settings: ProbeServiceSettings,
  overrides: Partial<Pick<ProberTools, "resolver" | "openSession">> & { metrics?: ProberMetrics } = {},
): ProbeService {
  const metrics = overrides.metrics ?? createProberMetrics();
  const admission = createAdmission(settings.maxSessions);
  const tools: ProberTools = {
    heloName: settings.heloName,
    mailFrom: settings.mailFrom,
    egress: createEgressPolicy(settings),
    resolver: timedResolver(overrides.resolver ?? createDohResolver({ upstreams: settings.dohUrls, cache: createMemoryCache() }), metrics),
    slots: createHostSlots(settings.perHostSessions),
    rates: createServerRates(),
    hostRcptPerSecond: settings.hostRcptPerSecond,
    hosts: createHostMemory(settings.perHostSessions),
    catchAll: createCatchAllCache(settings.catchAllTtlSeconds),
    openSession: overrides.openSession ?? openSmtpSession,
    metrics,
  };
  const blockReplies = createBlockReplyWindow();
  const stop = new AbortController();

  async function run(request: ProbeRequest): Promise<ProbeResponse> {
    const probeRun: ProbeRun = {
      domain: canonicalName(request.domain),
      deadline: createDeadline(request.budget_ms, stop.signal),
      startedAt: performance.now(),
      transcript: new Transcript(),
      politenessWaitMs: 0,
    };
    const requested = request.addresses.map(({ address }) => address);
    const plan = await planMxWalk(request.mx, tools.resolver, tools.egress, probeRun.deadline.signal);
    const outcome = await walkMx(tools, probeRun, plan, [...new Set(requested)]);
    logProbe(probeRun, outcome, request.request_id);
    metrics.probeAnswered(tallyOf(probeRun, outcome));
    recordBlocks(blockReplies, probeRun.domain, outcome);
    return toProbeResponse(settings.heloName, requested, outcome, request.transcript ? probeRun.transcript.lines : undefined);
  }

  return {
    async probe(request) {
      const leave = admission.enter(request.caller ?? "");
      if (typeof leave === "string") {
        metrics.probeRefused(leave);
        throw new ProbeRefused(leave);
      }
      metrics.probeAdmitted();
      try {
        return await run(request);
      } finally {
        metrics.probeLeft();
        leave();
      }
    },
    blockReplies,
    get inFlight() {
      return admission.inFlight;
    },
    get stopping() {
      return admission.closed;
    },
    async shutdown(graceMs) {
      admission.close();
      const cutShort = setTimeout(() => stop.abort(), graceMs);
      await admission.idle();
      clearTimeout(cutShort);
    },
  };
}

/**
 * The replies of one probe that the classifier read as blocks of this prober, once per host and
 * text: a session refused at MAIL FROM refuses every address with one reply.
 */
function recordBlocks(window: BlockReplyWindow, domain: string, outcome: WalkOutcome): void {
  const seen = new Set<string>();
  for (const { result, host } of outcome.settled) {
    const key = `${host}\n${result.code} ${result.text}`;
    if (result.class !== "blocked" || host === null || seen.has(key)) continue;
    seen.add(key);
    const enhanced = result.enhanced !== null && !result.text?.startsWith(result.enhanced) ? ` ${result.enhanced}` : "";
    window.record({ host, domain, text: result.text === null ? null : `${result.code}${enhanced} ${result.text}` });
  }
}

/** What the metrics count of an answered request: by provider and reason, never by address or domain. */
function tallyOf(run: ProbeRun, outcome: WalkOutcome): ProbeTally {
  const results = outcome.settled.map(({ result, host }) => ({ reason: result.reason, provider: providerLabel(host) }));
  return {
    provider: results[0]?.provider ?? "none",
    seconds: (performance.now() - run.startedAt) / 1000,
    results,
    // `timeout` is the reason of an address the time given ran out on: the request's deadline, or
    // the share of it a step (connect, greeting, a reply) was given.
    deadlineMissed: outcome.settled.some(({ result }) => result.reason === "timeout"),
  };
}

/** One line per request: the domain and counts of reasons, never an address. */
function logProbe(run: ProbeRun, outcome: WalkOutcome, requestId: string | undefined): void {
  const reasons: Record<string, number> = {};
  for (const { result } of outcome.settled) reasons[result.reason] = (reasons[result.reason] ?? 0) + 1;
  logLine("info", "probe", {
    request_id: requestId,
    domain: run.domain,
    addresses: outcome.settled.length,
    reasons,
    catch_all: outcome.catchAll,
    duration_ms: Math.round(performance.now() - run.startedAt),
    politeness_wait_ms: Math.round(run.politenessWaitMs),
  });
}
