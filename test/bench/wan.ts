import Papa from "papaparse";
import { Agent, request } from "undici";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { runJob } from "./bulk-job";
import { pool } from "./pool";
import { type ProberLogCounts, tapProberLog } from "./prober-log";
import { forkNpmVerifier, type VerifierName } from "./smtp-verifier";
import { type WanAddress, type WanList, wanList } from "./wan-list";
import { type WanPeers, withWanPeers } from "./wan-peers";

/** Ports of their own, away from the other benches (18787/18788, 18797–18800, 18896–18898, 18997/18998). */
const PORTS = { MAILVET_EDGE_PORT: "18697", MAILVET_PROBER_PORT: "18698" };
const ADDRESSES = Number(process.env.MAILVET_BENCH_WAN_ADDRESSES ?? 2_000);
const ONE_WAY_MS = Number(process.env.MAILVET_BENCH_WAN_ONE_WAY_MS ?? 40);
/** Requests (ours) or validations (theirs) in flight: 16, as the contenders were measured. */
const CONCURRENCY = 16;
const SEED = 10;
const NPM_VERIFIERS: VerifierName[] = ["deep-email-validator", "@devmehq/email-validator-js", "email-existence"];

export interface WanRow {
  contender: string;
  addresses: number;
  seconds: number;
  perSecond: number;
  /** Connections the relay accepted during the timed pass: the SMTP connections the contender opened. */
  smtpConnections: number;
  /** Answers that agree with the farm's mailboxes. */
  right: number;
  /** Answers by reason (ours) or by failing step (theirs, "valid" when valid). */
  answers: Record<string, number>;
  /** Ours only: what the prober logged during the timed pass. */
  proberLog?: ProberLogCounts;
}

export interface WanResult {
  list: WanList;
  oneWayMs: number;
  farmLimits: string;
  rows: WanRow[];
  seconds: number;
}

type Recorder = (answer: string, right: boolean) => void;

/**
 * Verification over a simulated internet: a seeded list spread as real lists are (wan-list.ts),
 * every simulated mail server its own loopback address behind a relay that adds ONE_WAY_MS each
 * way (wan-relay.ts), all served by the farm's Postfix with whatever limits the farm runs
 * (stock: 10 errors, then 1 s sleeps, a 421 at the 20th). On the same addresses, 16 in flight:
 * Mailvet's bulk job end to end (POST → done), Mailvet's `/v1/verify` one address per request
 * (each with a fresh stack: no cache helps), and the npm verifiers with their SMTP check on,
 * one pass each after a warm-up. Mailvet runs with its default politeness.
 *
 * @example
 * printWan(await benchWan());
 */
export async function benchWan(): Promise<WanResult> {
  const started = performance.now();
  const list = wanList({ addresses: ADDRESSES, seed: SEED });
  return await withWanPeers(list, ONE_WAY_MS, async (peers) => {
    const rows = [await throughBulkJob(peers, list), await throughVerify(peers, list)];
    // MAILVET_BENCH_WAN_ONLY_MAILVET=1 skips the npm verifiers, to try a change of ours quickly.
    if (process.env.MAILVET_BENCH_WAN_ONLY_MAILVET !== "1") for (const verifier of NPM_VERIFIERS) rows.push(await throughNpmVerifier(verifier, peers, list));
    return { list, oneWayMs: ONE_WAY_MS, farmLimits: peers.farmLimits, rows, seconds: (performance.now() - started) / 1000 };
  });
}

/** Times `work` over the list, counting the relay's connections and tallying the answers. */
async function timedPass(contender: string, peers: WanPeers, addresses: number, work: (record: Recorder) => Promise<void>): Promise<WanRow> {
  const answers: Record<string, number> = {};
  let right = 0;
  const [before, started] = [peers.relay.connections(), performance.now()];
  await work((answer, agrees) => {
    answers[answer] = (answers[answer] ?? 0) + 1;
    if (agrees) right++;
  });
  const seconds = (performance.now() - started) / 1000;
  return { contender, addresses, seconds, perSecond: addresses / seconds, smtpConnections: peers.relay.connections() - before, right, answers };
}

/** A fresh stack (no edge cache, no prober memory of the hosts) with the prober's log tapped, for `work`. */
async function withStack(peers: WanPeers, work: (stack: LocalStack, log: () => ProberLogCounts) => Promise<WanRow>): Promise<WanRow> {
  const stack = await startStack(
    { PATH: process.env.PATH, HOME: process.env.HOME, ...PORTS, ...peers.proberEnv, MAILVET_JOB_DOMAIN_CHUNKS: process.env.MAILVET_JOB_DOMAIN_CHUNKS },
    { freshState: true },
  );
  const tap = tapProberLog();
  try {
    return await work(stack, tap.counts);
  } finally {
    tap.stop();
    await stack.stop();
  }
}

const expectedReason = ({ exists }: WanAddress) => (exists ? "accepted" : "mailbox_not_found");
const csvOf = (addresses: WanAddress[]) => Buffer.from(`${["email", ...addresses.map(({ email }) => email)].join("\r\n")}\r\n`);

async function throughBulkJob(peers: WanPeers, list: WanList): Promise<WanRow> {
  return withStack(peers, async (stack, log) => {
    await runJob(stack, csvOf(list.warmUp));
    const logBefore = log();
    const row = await timedPass("mailvet bulk job (POST → done)", peers, list.addresses.length, async (record) => {
      const { results } = await runJob(stack, csvOf(list.addresses));
      const [header = [], ...rows] = Papa.parse<string[]>(results.replace(/^\ufeff/, ""), { skipEmptyLines: true }).data;
      const reasonColumn = header.indexOf("reason");
      list.addresses.forEach((address, index) => {
        const reason = rows[index]?.[reasonColumn] ?? "missing";
        record(reason, reason === expectedReason(address));
      });
    });
    return { ...row, proberLog: minus(log(), logBefore) };
  });
}

async function throughVerify(peers: WanPeers, list: WanList): Promise<WanRow> {
  return withStack(peers, async (stack, log) => {
    const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: CONCURRENCY });
    try {
      const verify = async (address: WanAddress) => {
        const response = await request(`${stack.edgeUrl}/v1/verify?email=${encodeURIComponent(address.email)}`, { dispatcher });
        const body = await response.body.text();
        return response.statusCode === 200 ? (JSON.parse(body) as { reason: string }).reason : `HTTP ${response.statusCode}`;
      };
      await pool(list.warmUp, CONCURRENCY, async (address) => void (await verify(address)));
      const logBefore = log();
      const row = await timedPass(`mailvet /v1/verify, one address per request`, peers, list.addresses.length, (record) =>
        pool(list.addresses, CONCURRENCY, async (address) => {
          const reason = await verify(address);
          record(reason, reason === expectedReason(address));
        }),
      );
      return { ...row, proberLog: minus(log(), logBefore) };
    } finally {
      await dispatcher.close();
    }
  });
}

async function throughNpmVerifier(verifier: VerifierName, peers: WanPeers, list: WanList): Promise<WanRow> {
  const client = forkNpmVerifier(verifier, peers.dns.dnsServer, CONCURRENCY, peers.relay.connections);
  try {
    await client.validate(list.warmUp.map(({ email }) => email));
    return await timedPass(verifier, peers, list.addresses.length, async (record) => {
      const answers = await client.validate(list.addresses.map(({ email }) => email));
      answers.forEach(({ valid, reason }, index) => record(reason ?? "valid", valid === list.addresses[index]!.exists));
    });
  } finally {
    await client.stop();
  }
}

function minus(after: ProberLogCounts, before: ProberLogCounts): ProberLogCounts {
  const waitSeconds = after.waitSeconds === null ? null : after.waitSeconds - (before.waitSeconds ?? 0);
  return {
    probes: after.probes - before.probes,
    addresses: after.addresses - before.addresses,
    probeSeconds: after.probeSeconds - before.probeSeconds,
    waitSeconds,
  };
}
