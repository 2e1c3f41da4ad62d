import { Agent, request } from "undici";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { type Attacker, startAttacker } from "./load-attacker";
import { type FixedRateResult, fixedRate, type LoadAnswer, type LoadOutcome } from "./load-rate";
import { farmProberEnv } from "../../infra/local/mta/peer";
import { tapProberLog } from "./prober-log";
import { withSmtpPeers } from "./smtp-peers";

/** Ports of their own, away from the other benches (18697/18698, 18787/18788, 18797–18800, 18896–18898, 18997/18998). */
const PORTS = { MAILVET_EDGE_PORT: "18597", MAILVET_PROBER_PORT: "18598" };
/** Seconds of each load phase: 60 by default, long enough for a p99; shorter while developing. */
const SECONDS = Number(process.env.MAILVET_BENCH_LOAD_SECONDS ?? 60);
/** Two callers with keys of their own, from addresses of their own, so per-key and per-IP limits can tell them apart. */
const CALLERS = {
  wellBehaved: { key: "bench-load-well-behaved-caller-key", address: "127.0.0.1" },
  attacker: { key: "bench-load-tarpit-attacker-key", address: "127.0.0.9" },
};
/** The attacker: 40 checks of the tarpit domain always in flight, each allowed 30 s: without per-caller limits, enough to fill a prober (32 sessions). */
const ATTACK = { inFlight: 40, timeoutMs: 30_000 };
/** No answer within this long is a failure: past the attacker's 30 s, and past any verify deadline. */
const CLIENT_TIMEOUT_MS = 40_000;
const MAX_IN_FLIGHT = 2_000;
/** Domains the well-behaved SMTP load spreads over, so no domain meets the default 5 RCPT/s. */
const DOMAINS = 50;

/** One load of the well-behaved caller, alone and while the attacker presses. */
export interface LoadScenario {
  name: string;
  rate: number;
  quiet: FixedRateResult;
  attacked: FixedRateResult;
  attacker: Record<LoadOutcome, number>;
}

export interface LoadResult {
  seconds: number;
  scenarios: LoadScenario[];
  runSeconds: number;
}

type Load = { name: string; rate: number; query: (index: number, domain: string) => string; expected: string };

/** The two loads: verify without SMTP at 200 requests/s, and with SMTP against the farm at 20 requests/s. */
const LOADS: Load[] = [
  { name: "/v1/verify?smtp=false", rate: 200, query: (index, domain) => `email=user${index}%40${domain}&smtp=false`, expected: "smtp_skipped" },
  { name: "/v1/verify with SMTP against the farm", rate: 20, query: (index, domain) => `email=user${index}%40${domain}`, expected: "accepted" },
];

/**
 * The load test of issue 11: for each load, a fixed rate for SECONDS from a well-behaved
 * caller on a quiet stack, then the same rate again while a second caller keeps 40 checks of
 * the farm's tarpit domain (its MX accepts and never greets) in flight with timeout_ms=30000.
 * p50/p99 count from each request's scheduled time. The stack starts fresh, with its
 * default limits, against the farm and the DNS peer; everything is on loopback, and every
 * loop is bounded: it stops by itself.
 *
 * @example
 * printLoad(await benchLoad());
 */
export async function benchLoad(): Promise<LoadResult> {
  const started = performance.now();
  const run = Date.now().toString(36);
  // The farm's own port, not the bench peers' counting forwarder, which serves mx1 alone: the tarpit host must be reached.
  const scenarios = await withSmtpPeers(async ({ dns, farm }) => {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...PORTS,
      MAILVET_DOH_URL: dns.dohUrl,
      ...farmProberEnv(farm),
      MAILVET_API_KEYS: `${CALLERS.wellBehaved.key},${CALLERS.attacker.key}`,
    };
    const stack = await startStack(env, { freshState: true });
    // Thousands of probe lines would bury the figures; the prober's own errors still show.
    const tap = tapProberLog();
    const [caller, attackerAgent] = [CALLERS.wellBehaved, CALLERS.attacker].map(
      ({ address }) => new Agent({ connect: { localAddress: address }, connections: MAX_IN_FLIGHT }),
    );
    try {
      const results: LoadScenario[] = [];
      for (const [n, load] of LOADS.entries()) {
        const send = (phase: string) => (index: number) => {
          const domain = `${run}-${phase}-${index % DOMAINS}.bulk.mailvet-mta.net`;
          return verify(stack, caller!, CALLERS.wellBehaved.key, load.query(index, domain), load.expected);
        };
        const options = { rate: load.rate, seconds: SECONDS, maxInFlight: MAX_IN_FLIGHT };
        // Warm-up: workerd compiles, both sides JIT, the domains' MX are looked up once for every phase alike.
        await fixedRate({ ...options, seconds: 2, send: send(`warm${n}`) });
        const quiet = await fixedRate({ ...options, send: send(`quiet${n}`) });
        const attacker = attack(stack, attackerAgent!, `${run}-${n}`);
        const attacked = await fixedRate({ ...options, send: send(`attacked${n}`) }).catch(async (error: unknown) => {
          await attacker.stop();
          throw error;
        });
        results.push({ name: load.name, rate: load.rate, quiet, attacked, attacker: await attacker.stop() });
      }
      return results;
    } finally {
      tap.stop();
      await Promise.all([caller!.close(), attackerAgent!.close()]);
      await stack.stop();
    }
  });
  return { seconds: SECONDS, scenarios, runSeconds: (performance.now() - started) / 1000 };
}

/** The attacker's checks: a new address at the tarpit domain each time, so no cached answer spares the prober. */
function attack(stack: LocalStack, agent: Agent, prefix: string): Attacker {
  return startAttacker(ATTACK.inFlight, (index) =>
    verify(stack, agent, CALLERS.attacker.key, `email=${prefix}-x${index}%40tarpit.mailvet-mta.net&timeout_ms=${ATTACK.timeoutMs}`, ""),
  );
}

/** One GET /v1/verify, classified: 200 with `expected` as its reason is ok (the attacker expects nothing: its 200s are all "wrong"). */
async function verify(stack: LocalStack, dispatcher: Agent, key: string, query: string, expected: string): Promise<LoadAnswer> {
  try {
    const response = await request(`${stack.edgeUrl}/v1/verify?${query}`, {
      dispatcher,
      headers: { authorization: `Bearer ${key}` },
      headersTimeout: CLIENT_TIMEOUT_MS,
      bodyTimeout: CLIENT_TIMEOUT_MS,
    });
    const body = await response.body.text();
    const status = `HTTP ${response.statusCode}`;
    if (response.statusCode >= 500) return { outcome: "5xx", answer: status };
    if (response.statusCode >= 400) return { outcome: "4xx", answer: status };
    const reason = (JSON.parse(body) as { reason?: string }).reason ?? "no reason";
    return { outcome: reason === expected ? "ok" : "wrong", answer: reason };
  } catch (error) {
    return { outcome: "failed", answer: (error as { code?: string }).code ?? "no answer" };
  }
}
