import { randomBytes } from "node:crypto";
import type { ProbeResponse } from "../../shared/contract/probe";
import { createDohResolver, createMemoryCache, resolveMailDomain } from "../../shared/dns";
import { signRequest } from "../../shared/hop";
import { assertPortFree, waitForHealthy } from "../../infra/local/processes";
import { resolveLocalSettings, startProber } from "../../infra/local/stack";
import { seededRandom } from "../../shared/gibberish/random";
import { type FarmLimits, RELAXED_HOST } from "./farm-limits";
import { startNpmVerifier } from "./smtp-verifier";
import { pool } from "./pool";
import { cpuSeconds, peakRssBytes } from "./proc-usage";
import { type SmtpBenchPeers, withSmtpPeers } from "./smtp-peers";

/** Away from the other benches' ports and from smtp-realtime.ts's stack (18897/18898). */
const PROBER_PORT = "18896";
/** Politeness raised for the test: the 50 domains share one MX host, and nothing may wait on a token (per domain or per server). */
const LIMITS = { MAILVET_PROBER_MAX_SESSIONS: "64", MAILVET_PROBER_PER_HOST_SESSIONS: "32", MAILVET_PROBER_HOST_RATE: "100000" };
const DOMAINS = 50;
const ADDRESSES_PER_DOMAIN = 200;
/** Addresses per probe request: the contract's most, one SMTP session for each. */
const BATCH = 100;
/** Probe requests in flight for us, validations in flight for deep-email-validator. */
export const CONCURRENCY = 16;
const EXISTING_SHARE = 0.7;
/** Timed passes of each contender; the fastest counts, as in measure.ts: on a noisy machine it is the least disturbed. */
const ROUNDS = 3;
/** Mail servers and both clients start processes and JIT on their first connections. */
const WARM_UP = Array.from({ length: CONCURRENCY }, (_, k) => `user0@warm-up-${k}.bulk.mailvet-mta.net`);

interface BenchAddress {
  email: string;
  domain: string;
  /** The farm has this mailbox (user<n>); the others are unknown there. */
  exists: boolean;
}

export interface ThroughputRow {
  contender: string;
  addresses: number;
  /** The fastest pass's figures, from here to `answers`. */
  seconds: number;
  perSecond: number;
  /** TCP connections opened to the mail server, counted by a forwarder in front of it. */
  smtpConnections: number;
  /** CPU time the process that did the SMTP work spent on the pass. */
  cpuSeconds: number;
  /** The peak resident set (VmHWM) of that process. */
  peakRssBytes: number;
  /** Answers that agree with the farm's mailboxes (the mailbox exists or it does not), in the worst pass. */
  correct: number;
  /** Answers by reason (ours) or by failing step (deep-email-validator, "valid" when valid). */
  answers: Record<string, number>;
  /** Addresses per second of every pass, in order. */
  rounds: number[];
}

/** The contenders against one farm listener. */
export interface SmtpThroughputPass {
  farm: FarmLimits;
  /** Its Postfix limits, `name=value, …` (farm-limits.ts). */
  limits: string;
  rows: ThroughputRow[];
}

export interface SmtpThroughputResult {
  /** Against the stock listener, then the relaxed one where the farm has it. */
  passes: SmtpThroughputPass[];
  seconds: number;
}

/**
 * SMTP throughput against the local Postfix farm, in the same run and against the same
 * server: 10,000 addresses over 50 domains (a seeded mix of existing and unknown mailboxes)
 * through ONE prober started on its own, 16 probe requests of up to 100 addresses of one
 * domain in flight; beside deep-email-validator with its SMTP check on, 16 validations in
 * flight, over the same addresses. Both are warmed up on other domains first, the fastest of
 * three passes counts (the prober's catch-all checks, one RCPT per domain an hour, fall in the
 * first), and every SMTP connection either opens passes through a counting forwarder. Both
 * clients run TypeScript through tsx (the prober as `npm start` runs it), so both peaks of
 * memory include it. All of it runs against the farm's stock listener, then again against its
 * relaxed one (mx-relaxed, no Postfix self-protection) where the farm has it, side by side.
 *
 * @example
 * printSmtpThroughput(await benchSmtpThroughput());
 */
export async function benchSmtpThroughput(): Promise<SmtpThroughputResult> {
  const started = performance.now();
  const list = benchAddresses();
  const passes: SmtpThroughputPass[] = [];
  for (const farm of RELAXED_HOST ? (["stock", "relaxed"] as const) : (["stock"] as const)) {
    passes.push(
      await withSmtpPeers(async (peers) => ({ farm, limits: peers.limits, rows: [await throughProber(peers, list), await throughDeep(peers, list)] }), farm),
    );
  }
  return { passes, seconds: (performance.now() - started) / 1000 };
}

/**
 * Prints a bench result as a markdown table.
 *
 * @example
 * printSmtpThroughput(await benchSmtpThroughput());
 */
export function printSmtpThroughput({ passes, seconds }: SmtpThroughputResult): void {
  const count = (value: number) => value.toLocaleString("en-US");
  console.log(
    `\n## SMTP throughput against local Postfix (${CONCURRENCY} sessions in flight, ${DOMAINS} domains, one MX host; stock limits${passes.length > 1 ? " and the relaxed listener, side by side" : ""})\n`,
  );
  for (const { farm, limits } of passes) console.log(`Farm, ${farm}: ${limits}.`);
  console.log(
    "\n| farm | contender | addresses | addresses/s | mailvet is × faster | SMTP connections | client CPU s | client peak RSS MB | correct answers |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { farm, rows } of passes) {
    const [ours] = rows;
    for (const row of rows) {
      const cells = [
        farm,
        row.contender,
        count(row.addresses),
        count(Math.round(row.perSecond)),
        (ours!.perSecond / row.perSecond).toFixed(1),
        count(row.smtpConnections),
        row.cpuSeconds.toFixed(2),
        (row.peakRssBytes / 2 ** 20).toFixed(0),
        count(row.correct),
      ];
      console.log(`| ${cells.join(" | ")} |`);
    }
  }
  for (const { farm, rows } of passes) {
    for (const row of rows) {
      const answers = Object.entries(row.answers)
        .map(([answer, n]) => `${count(n)} ${answer}`)
        .join(", ");
      const rounds = row.rounds.map((perSecond) => count(Math.round(perSecond))).join(", ");
      console.log(
        `\n${row.contender}, ${farm} farm: ${answers} in the fastest pass (${row.seconds.toFixed(2)} s); addresses/s of the ${row.rounds.length} passes: ${rounds}.`,
      );
    }
  }
  console.log(`\nTarget: at least 10× deep-email-validator's addresses/s, with fewer connections than addresses. Bench run time ${seconds.toFixed(1)} s.`);
}

/** DOMAINS × ADDRESSES_PER_DOMAIN addresses at the bench domains, the same every run. */
function benchAddresses(): BenchAddress[] {
  const next = seededRandom(25).next;
  return Array.from({ length: DOMAINS * ADDRESSES_PER_DOMAIN }, (_, index) => {
    const domain = `b${Math.floor(index / ADDRESSES_PER_DOMAIN)}.mailvet-mta.net`;
    const exists = next() < EXISTING_SHARE;
    return { email: `${exists ? "user" : "former.user"}${index}@${domain}`, domain, exists };
  });
}

/** Our prober on its own (so its pid, and so its memory, is known), asked the way the edge asks it. */
async function throughProber(peers: SmtpBenchPeers, list: BenchAddress[]): Promise<ThroughputRow> {
  const secret = randomBytes(32).toString("base64url");
  const { proberPort, proberEnv } = resolveLocalSettings({ ...peers.proberEnv, ...LIMITS, MAILVET_PROBER_PORT: PROBER_PORT, MAILVET_PROBER_SECRET: secret });
  await assertPortFree(proberPort, "MAILVET_PROBER_PORT");
  const prober = startProber(proberEnv);
  try {
    const url = `http://127.0.0.1:${proberPort}`;
    await waitForHealthy(`${url}/healthz`, prober, 60_000);
    // The edge's part: the domain's MX from DNS, then the signed request.
    const resolver = createDohResolver({ upstreams: [peers.dns.dohUrl], cache: createMemoryCache() });
    const probe = async (domain: string, emails: string[]): Promise<ProbeResponse> => {
      const facts = await resolveMailDomain(resolver, domain);
      if (facts.kind !== "mx") throw new Error(`${domain}: no MX (${facts.kind})`);
      const body = JSON.stringify({ domain, mx: facts.mx, addresses: emails.map((address) => ({ address, smtputf8: false })), budget_ms: 30_000 });
      const signed = await signRequest(new Request(`${url}/v1/probe`, { method: "POST", headers: { "content-type": "application/json" }, body }), [secret]);
      const response = await fetch(signed);
      if (response.status !== 200) throw new Error(`${domain}: probe answered HTTP ${response.status}: ${await response.text()}`);
      return (await response.json()) as ProbeResponse;
    };
    await pool(WARM_UP, CONCURRENCY, async (email) => void (await probe(email.split("@")[1]!, [email])));

    const client = { pid: prober.child.pid!, connections: peers.proberSmtp.connections };
    return await fastestPass("mailvet prober (one process)", list.length, client, (record) =>
      pool(batches(list), CONCURRENCY, async (batch) => {
        const response = await probe(
          batch[0]!.domain,
          batch.map(({ email }) => email),
        );
        response.results.forEach(({ reason }, index) => record(reason, reason === (batch[index]!.exists ? "accepted" : "mailbox_not_found")));
      }),
    );
  } finally {
    await prober.stop();
  }
}

export type Pass = (record: (answer: string, agrees: boolean) => void) => Promise<void>;

/**
 * Times ROUNDS passes of `work` over `addresses` addresses by `client` (the process that does
 * the SMTP work, whose connections the forwarder in front of the server counts) and keeps the
 * fastest, with the connections and the client's CPU of that pass and its peak memory so far.
 * `work` records each address's answer and whether it agrees with the farm's mailboxes.
 *
 * @example
 * const row = await fastestPass("deep-email-validator", list.length, deep, async (record) => { … });
 */
export async function fastestPass(
  contender: string,
  addresses: number,
  client: { pid: number; connections: () => number },
  work: Pass,
): Promise<ThroughputRow> {
  const passes: Omit<ThroughputRow, "rounds">[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const answers: Record<string, number> = {};
    let correct = 0;
    const [connectionsBefore, cpuBefore, started] = [client.connections(), cpuSeconds(client.pid), performance.now()];
    await work((answer, agrees) => {
      answers[answer] = (answers[answer] ?? 0) + 1;
      if (agrees) correct++;
    });
    const seconds = (performance.now() - started) / 1000;
    const [smtpConnections, cpu] = [client.connections() - connectionsBefore, cpuSeconds(client.pid) - cpuBefore];
    passes.push({
      contender,
      addresses,
      seconds,
      perSecond: addresses / seconds,
      smtpConnections,
      cpuSeconds: cpu,
      peakRssBytes: peakRssBytes(client.pid),
      correct,
      answers,
    });
  }
  const fastest = passes.reduce((best, pass) => (pass.perSecond > best.perSecond ? pass : best));
  return { ...fastest, correct: Math.min(...passes.map((pass) => pass.correct)), rounds: passes.map((pass) => pass.perSecond) };
}

/** Runs of BATCH addresses of one domain each. */
function batches(list: BenchAddress[]): BenchAddress[][] {
  const runs: BenchAddress[][] = [];
  for (const address of list) {
    const last = runs.at(-1);
    if (last && last.length < BATCH && last[0]!.domain === address.domain) last.push(address);
    else runs.push([address]);
  }
  return runs;
}

/** deep-email-validator in a process of its own (smtp-verifier.ts), over the same addresses. */
async function throughDeep(peers: SmtpBenchPeers, list: BenchAddress[]): Promise<ThroughputRow> {
  const deep = await startNpmVerifier("deep-email-validator", peers, CONCURRENCY);
  try {
    await deep.validate(WARM_UP);
    return await fastestPass("deep-email-validator (SMTP on, one process)", list.length, deep, async (record) => {
      const answers = await deep.validate(list.map(({ email }) => email));
      answers.forEach(({ valid, reason }, index) => record(reason ?? "valid", valid === list[index]!.exists));
    });
  } finally {
    await deep.stop();
  }
}
