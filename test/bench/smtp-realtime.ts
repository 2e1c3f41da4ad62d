import { Agent, request } from "undici";
import { startStack } from "../../infra/local/stack";
import { percentile } from "./pool";
import { withSmtpPeers } from "./smtp-peers";

/** Ports of their own, away from the other benches (18787/18788, 18797–18800) and the e2e suite. */
const PORTS = { MAILVET_EDGE_PORT: "18897", MAILVET_PROBER_PORT: "18898" };
const DOMAINS = 50;
/** New addresses per domain after its first, so the known-domain pass has DOMAINS × this requests. */
const MORE_PER_DOMAIN = 6;
/** Requests before any measurement: workerd compiles the bundle and both sides JIT on the first ones. */
const WARM_UP = 20;

/** One serial pass of `GET /v1/verify` with SMTP, client-side, in milliseconds. */
export interface RealtimeRow {
  request: string;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** SMTP connections the prober opened during the pass: one per probe, none for a cached answer. */
  smtpConnections: number;
  /** Answers other than deliverable/accepted; any at all and the pass measured something else. */
  otherAnswers: number;
}

export interface SmtpRealtimeResult {
  rows: RealtimeRow[];
  seconds: number;
}

/**
 * Latency of `GET /v1/verify` with SMTP on, through the whole local path: the edge in workerd
 * (`wrangler dev`), the prober in Node over the signed hop, Postfix of the MTA farm, the DNS
 * peer; serial requests from one keep-alive client, every address one that exists:
 * - cold, a new domain each: the edge's MX lookup and the prober's catch-all check included;
 * - cold, new addresses at those domains: only the SMTP session is new;
 * - cached: the same addresses again, answered from the edge's result cache.
 *
 * wrangler dev keeps the Cache API (the edge's DNS and result caches) in `.wrangler/state`
 * across runs, so every run takes domains of its own below the zone's `*.bulk` wildcard. The
 * one MX host they share (mx1) is looked up during the warm-up, as a busy edge always has the
 * big providers' hosts cached. The prober keeps its default politeness limits: serial
 * requests spread over 50 domains stay far below them. The p99 of the 50 new-domain requests
 * is their slowest.
 *
 * @example
 * printSmtpRealtime(await benchSmtpRealtime());
 */
export async function benchSmtpRealtime(): Promise<SmtpRealtimeResult> {
  const started = performance.now();
  const run = Date.now().toString(36);
  const rows = await withSmtpPeers(async ({ proberEnv, proberSmtp }) => {
    const stack = await startStack({ PATH: process.env.PATH, HOME: process.env.HOME, ...PORTS, ...proberEnv });
    const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
    try {
      const verify = (email: string) => `${stack.edgeUrl}/v1/verify?email=${encodeURIComponent(email)}`;
      const pass = (name: string, emails: string[]) => timedPass(name, emails.map(verify), dispatcher, proberSmtp.connections);
      const domains = Array.from({ length: DOMAINS }, (_, k) => `${run}-${k}.bulk.mailvet-mta.net`);
      const warmUp = Array.from({ length: WARM_UP }, (_, k) => `user0@${run}-warm-${k}.bulk.mailvet-mta.net`);
      const known = Array.from({ length: DOMAINS * MORE_PER_DOMAIN }, (_, i) => `user${1 + Math.floor(i / DOMAINS)}@${domains[i % DOMAINS]}`);
      await pass("warm-up", warmUp);
      return [
        await pass(
          "cold: a new domain each (edge MX lookup, prober catch-all check)",
          domains.map((domain) => `user0@${domain}`),
        ),
        await pass("cold: new addresses at those domains", known),
        await pass("cached: the same addresses again (edge result cache)", known),
      ];
    } finally {
      await dispatcher.close();
      await stack.stop();
    }
  });
  return { rows, seconds: (performance.now() - started) / 1000 };
}

/**
 * Prints a bench result as a markdown table.
 *
 * @example
 * printSmtpRealtime(await benchSmtpRealtime());
 */
export function printSmtpRealtime({ rows, seconds }: SmtpRealtimeResult): void {
  console.log("\n## SMTP verification latency (edge in wrangler dev → prober → Postfix, serial, client-side over loopback)\n");
  console.log("| request | requests | p50 ms | p99 ms | SMTP connections | answers not accepted |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    console.log(`| ${[row.request, row.requests, row.p50Ms.toFixed(2), row.p99Ms.toFixed(2), row.smtpConnections, row.otherAnswers].join(" | ")} |`);
  }
  console.log(`\nTarget: p50 under 50 ms, p99 under 200 ms. Bench run time ${seconds.toFixed(1)} s.`);
}

async function timedPass(name: string, urls: string[], dispatcher: Agent, connections: () => number): Promise<RealtimeRow> {
  const connectionsBefore = connections();
  const durations: number[] = [];
  let otherAnswers = 0;
  for (const url of urls) {
    const started = performance.now();
    const response = await request(url, { dispatcher });
    const body = await response.body.text();
    durations.push(performance.now() - started);
    const reason = response.statusCode === 200 ? (JSON.parse(body) as { reason: string }).reason : `HTTP ${response.statusCode}`;
    if (reason !== "accepted") otherAnswers++;
  }
  durations.sort((a, b) => a - b);
  return {
    request: name,
    requests: urls.length,
    p50Ms: percentile(durations, 0.5),
    p99Ms: percentile(durations, 0.99),
    smtpConnections: connections() - connectionsBefore,
    otherAnswers,
  };
}
