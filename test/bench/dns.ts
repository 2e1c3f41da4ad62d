import { Agent, request } from "undici";
import { startDnsPeer } from "../../infra/local/dns/peer";
import { startStack } from "../../infra/local/stack";
import { type CountingForwarder, type ForwardedQueries, startCountingForwarder } from "./counting-forwarder";
import { seededRandom } from "../../shared/gibberish/random";
import { percentile, pool } from "./pool";

/**
 * Ports of their own, away from workerd-cpu.ts (18787/18788) and `npm start`, and a pair per
 * stack: a stopped stack's workerd may hold its port a moment after stop() returns.
 */
const COUNT_PORTS = { MAILVET_EDGE_PORT: "18797", MAILVET_PROBER_PORT: "18798" };
const LATENCY_PORTS = { MAILVET_EDGE_PORT: "18799", MAILVET_PROBER_PORT: "18800" };
const DOMAINS = 500;
const ADDRESSES_PER_DOMAIN = 20;
const LATENCY_CONCURRENCY = 8;
const COUNT_CONCURRENCY = 16;
/** Requests before any measurement: workerd compiles the bundle and JITs on the first ones. */
const WARM_UP = 50;
/** One MX query per domain, and one A query for the MX host they all share. */
const IDEAL_QUERIES = DOMAINS + 1;

/** p50 and p99 of one pass, client-side, in milliseconds. */
export interface LatencyRow {
  request: string;
  concurrency: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** DoH queries the edge sent during the pass: all cold domains for a cold pass, none cached. */
  upstreamQueries: number;
  /** Verify answers other than `smtp_skipped`; any at all and the pass measured something else. */
  otherAnswers: number;
}

export interface DnsBenchResult {
  latency: LatencyRow[];
  queries: {
    verifications: number;
    domains: number;
    ideal: number;
    forwarded: ForwardedQueries;
    /** The reason of every answer, by reason; all should be `smtp_skipped`. */
    reasons: Record<string, number>;
    seconds: number;
  };
  seconds: number;
}

interface BenchStack {
  edgeUrl: string;
  forwarder: CountingForwarder;
  dispatcher: Agent;
}

/**
 * Verify latency and upstream DNS queries of the edge in workerd (`wrangler dev`), against the
 * local DNS peer through a counting DoH forwarder, on loopback only:
 * - p50/p99 of `GET /v1/verify?smtp=false`, cold (a domain the edge has never seen) and cached
 *   (the same domains, other local parts), serial and 8 at a time, beside `/healthz` as the floor;
 * - the DoH queries for 10,000 verifications over 500 domains, 16 at a time, on a fresh stack.
 *
 * wrangler dev keeps the Cache API in `.wrangler/state`, across restarts and runs, so a fresh
 * stack does not mean a fresh cache: every run and every pass takes domains of its own below
 * the fixture zone's `*.bench` wildcard (`d17.<run>-<pass>.bench.mailvet-fixture.net`).
 * Only the shared MX host's A record may still be cached from a run in the last 5 minutes.
 *
 * @example
 * printDnsBench(await benchDns());
 */
export async function benchDns(): Promise<DnsBenchResult> {
  const started = performance.now();
  const run = Date.now().toString(36);
  const peer = await startDnsPeer();
  try {
    // The query count first, so that nothing of this run is cached yet, the MX host included.
    const queries = await withStack(peer.dohUrl, COUNT_PORTS, (stack) => countQueries(stack, domains(`${run}-count`)));
    const latency = await withStack(peer.dohUrl, LATENCY_PORTS, (stack) => measureLatency(stack, run));
    return { latency, queries, seconds: (performance.now() - started) / 1000 };
  } finally {
    await peer.stop();
  }
}

/**
 * Prints a bench result as markdown tables.
 *
 * @example
 * printDnsBench(await benchDns());
 */
export function printDnsBench({ latency, queries, seconds }: DnsBenchResult): void {
  const ms = (value: number) => value.toFixed(2);
  const count = (value: number) => value.toLocaleString("en-US");
  console.log("\n## DNS at the edge: latency (wrangler dev, local DoH peer, client-side over loopback)\n");
  console.log("| request | concurrency | requests | p50 ms | p99 ms | DoH queries sent | answers not smtp_skipped |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const row of latency) {
    const cells = [row.request, row.concurrency, count(row.requests), ms(row.p50Ms), ms(row.p99Ms), count(row.upstreamQueries), count(row.otherAnswers)];
    console.log(`| ${cells.join(" | ")} |`);
  }
  const { forwarded } = queries;
  const types = Object.entries(forwarded.byType)
    .map(([type, n]) => `${type} ${count(n)}`)
    .join(", ");
  console.log(
    `\n## DNS at the edge: upstream queries for ${count(queries.verifications)} verifications over ${count(queries.domains)} domains (${COUNT_CONCURRENCY} at a time, fresh stack)\n`,
  );
  console.log("| | queries |");
  console.log("|---|---:|");
  console.log(`| verifications | ${count(queries.verifications)} |`);
  console.log(`| ideal: one MX per domain, one A for the shared MX host | ${count(queries.ideal)} |`);
  console.log(`| DoH queries the edge sent (${types}) | ${count(forwarded.total)} |`);
  console.log(`| of which repeats of a question already asked | ${count(forwarded.total - forwarded.distinct)} |`);
  console.log(`| of which the DNS peer did not answer | ${count(forwarded.failed)} |`);
  const answers = Object.entries(queries.reasons)
    .map(([reason, n]) => `${count(n)} ${reason}`)
    .join(", ");
  console.log(`\nAnswers: ${answers}; ${queries.seconds.toFixed(1)} s for the ${count(queries.verifications)}. Bench run time ${seconds.toFixed(1)} s.`);
}

/** A fresh counting forwarder and a fresh stack asking it, stopped whatever happens. */
async function withStack<T>(upstream: string, ports: typeof COUNT_PORTS, work: (stack: BenchStack) => Promise<T>): Promise<T> {
  const forwarder = await startCountingForwarder(upstream);
  try {
    // One client sends every request: the edge's per-client rate limit (the load bench's subject) is off.
    const stack = await startStack({ ...process.env, ...ports, MAILVET_DOH_URL: forwarder.dohUrl, MAILVET_RATE_LIMIT: "0" });
    const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
    try {
      return await work({ edgeUrl: stack.edgeUrl, forwarder, dispatcher });
    } finally {
      await dispatcher.close();
      await stack.stop();
    }
  } finally {
    await forwarder.stop();
  }
}

async function countQueries(stack: BenchStack, names: string[]): Promise<DnsBenchResult["queries"]> {
  const reasons: Record<string, number> = {};
  const addresses = names.flatMap((domain) => Array.from({ length: ADDRESSES_PER_DOMAIN }, (_, k) => `user${k}@${domain}`));
  shuffle(addresses, seededRandom(42).next);
  const started = performance.now();
  await pool(
    addresses.map((email) => verifyUrl(stack, email)),
    COUNT_CONCURRENCY,
    verifyProbe(stack, reasons),
  );
  const seconds = (performance.now() - started) / 1000;
  return { verifications: addresses.length, domains: names.length, ideal: IDEAL_QUERIES, forwarded: stack.forwarder.counts(), reasons, seconds };
}

async function measureLatency(stack: BenchStack, run: string): Promise<LatencyRow[]> {
  const reasons: Record<string, number> = {};
  const health = healthProbe(stack);
  const verify = verifyProbe(stack, reasons);
  const healthUrls = Array.from({ length: DOMAINS }, () => `${stack.edgeUrl}/healthz`);
  const warmUp = domains(`${run}-warm`).slice(0, WARM_UP);
  await pool(
    warmUp.map((domain) => verifyUrl(stack, `user0@${domain}`)),
    1,
    verify,
  );
  await pool(healthUrls.slice(0, WARM_UP), 1, health);
  const rows: LatencyRow[] = [];
  for (const concurrency of [1, LATENCY_CONCURRENCY]) {
    const names = domains(`${run}-c${concurrency}`);
    const passes: [string, string[], Probe][] = [
      ["GET /healthz (floor)", healthUrls, health],
      ["verify, cold: a new domain each", names.map((domain) => verifyUrl(stack, `user0@${domain}`)), verify],
      ["verify, cached: same domains, other local parts", names.map((domain) => verifyUrl(stack, `user1@${domain}`)), verify],
    ];
    for (const [name, urls, probe] of passes) {
      const otherBefore = otherAnswers(reasons);
      const timed = await timedPass(stack, urls, concurrency, probe);
      rows.push({ request: name, concurrency, ...timed, otherAnswers: otherAnswers(reasons) - otherBefore });
    }
  }
  return rows;
}

type Probe = (url: string) => Promise<void>;

async function timedPass(
  stack: BenchStack,
  urls: string[],
  concurrency: number,
  probe: Probe,
): Promise<Omit<LatencyRow, "request" | "concurrency" | "otherAnswers">> {
  const queriesBefore = stack.forwarder.counts().total;
  const durations: number[] = [];
  await pool(urls, concurrency, async (url) => {
    const started = performance.now();
    await probe(url);
    durations.push(performance.now() - started);
  });
  durations.sort((a, b) => a - b);
  return {
    requests: urls.length,
    p50Ms: percentile(durations, 0.5),
    p99Ms: percentile(durations, 0.99),
    upstreamQueries: stack.forwarder.counts().total - queriesBefore,
  };
}

function healthProbe({ dispatcher }: BenchStack): Probe {
  return async (url) => {
    const response = await request(url, { dispatcher });
    await response.body.dump();
    if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`);
  };
}

/** Reads each verify answer whole, as a client would, and tallies its reason. */
function verifyProbe({ dispatcher }: BenchStack, reasons: Record<string, number>): Probe {
  return async (url) => {
    const response = await request(url, { dispatcher });
    const body = await response.body.text();
    const reason = response.statusCode === 200 ? (JSON.parse(body) as { reason: string }).reason : `HTTP ${response.statusCode}`;
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  };
}

function otherAnswers(reasons: Record<string, number>): number {
  return Object.entries(reasons).reduce((sum, [reason, n]) => (reason === "smtp_skipped" ? sum : sum + n), 0);
}

function verifyUrl({ edgeUrl }: BenchStack, email: string): string {
  return `${edgeUrl}/v1/verify?smtp=false&email=${encodeURIComponent(email)}`;
}

/** DOMAINS names the fixture zone's `*.bench` wildcard answers with MX 10 mx.bench. */
function domains(label: string): string[] {
  return Array.from({ length: DOMAINS }, (_, i) => `d${i}.${label}.bench.mailvet-fixture.net`);
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
