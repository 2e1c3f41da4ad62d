import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findExecutable } from "../dns/daemon";
import { freeLoopbackPort } from "../dns/free-port";
import { startPostfix } from "./postfix";
import { startPostgrey } from "./postgrey";
import { startTarpit } from "./tarpit";

/**
 * The farm's mail hosts, one loopback address per kind of server; ../dns/mailvet-mta.net.zone
 * names them (mx1, mx6, mx-ascii, …) and points the test domains at them.
 */
export const MTA_FARM_HOSTS = {
  /** mx1: Postfix, SMTPUTF8 offered; the mailboxes of infra/local/mta/mailboxes and refusals. */
  main: "127.0.0.41",
  /** mx6: the same server over IPv6. */
  ipv6: "::1",
  /** mx-ascii: the same mailboxes, no SMTPUTF8. */
  ascii: "127.0.0.42",
  /** mx-greylist: asks postgrey first; every new triplet waits greylistDelaySeconds. */
  greylist: "127.0.0.43",
  /** mx-blocked: "554 5.7.1 <unknown[127.0.0.1]>: Client host rejected: Access denied" in place of a banner. */
  blocked: "127.0.0.44",
  /** mx-tarpit: accepts the connection, never greets. */
  tarpit: "127.0.0.45",
  /** mx-dead: nothing listens, so connections are refused. */
  dead: "127.0.0.46",
  /** mx-tarpit5xx: stock Postfix whose every rejected RCPT waits 3 s before its 550 5.1.1, as Exchange's tarpit does. */
  tarpit5xx: "127.0.0.47",
  /** mx-errorlimit: stock Postfix that ends a session after 5 errors with "421 4.7.0 … Error: too many errors". */
  errorLimit: "127.0.0.48",
  /** mx-rcptcap: stock Postfix taking 10 recipients per transaction, then "452 4.5.3 Error: too many recipients". */
  recipientCap: "127.0.0.49",
  /** mx-connlimit and mx-connlimit-alias: stock Postfix allowing a client one session at a time; a second gets "421 4.7.0 … Error: too many connections from …" for a banner. */
  connectionLimit: "127.0.0.50",
  /** mx-greylist-default: asks a postgrey with its stock 300 s delay; every new triplet gets 450 4.2.0 Greylisted. */
  greylistDefault: "127.0.0.51",
  /** mx-relaxed, for benchmarks only: the main mailboxes with none of Postfix's self-protection (no error sleeps or limits, no session limits, no in_flow_delay). */
  relaxed: "127.0.0.52",
  /** mx-rbl: stock Postfix refusing the clients its block list names (listed-clients.ts) with "554 5.7.1 … blocked using bl.mailvet-test.net". */
  rbl: "127.0.0.53",
} as const;

const START_ATTEMPTS = 3;

export interface MtaFarmOptions {
  /** How long mx-greylist's postgrey greylists a new triplet, in seconds (default 3); mx-greylist-default's keeps postgrey's own 300. */
  greylistDelaySeconds?: number;
}

export interface MtaFarm {
  /** The one port every host listens on: what the prober's MAILVET_SMTP_PORT must be. */
  port: number;
  hosts: typeof MTA_FARM_HOSTS;
  greylistDelaySeconds: number;
  /** The farm's temporary directory; Postfix's processes all work inside it. */
  runDir: string;
  /** Process ids of the process that holds Postfix (ending it ends all of Postfix) and of the two postgreys. */
  pids: number[];
  /** The end of Postfix's and the postgreys' logs, for failure messages. */
  log(): string;
  /** Stops every server and removes the directory; safe to call twice. */
  stop(): Promise<void>;
}

/** The sender a prober introduces itself with to the farm (any name works; this one is ours). */
export const FARM_MAIL_FROM = "verify@probe.mailvet-test.net";

/**
 * The prober settings that send it to the farm: the farm's port (or `port`, for a forwarder in
 * front of it), loopback targets allowed, and a HELO name and sender of the test domain.
 *
 * @example
 * await startStack({ ...env, MAILVET_DOH_URL: dnsPeer, ...farmProberEnv(farm) });
 */
export function farmProberEnv(farm: Pick<MtaFarm, "port">, port = farm.port): Record<string, string> {
  return {
    MAILVET_SMTP_PORT: String(port),
    MAILVET_ALLOW_PRIVATE_TARGETS: "1",
    MAILVET_HELO_NAME: "probe.mailvet-test.net",
    MAILVET_MAIL_FROM: FARM_MAIL_FROM,
  };
}

/**
 * Postfix and postgrey are installed (`infra/local/install-peers.sh` installs them). The farm
 * also needs root, as Postfix does; every machine of this project runs as root.
 *
 * @example
 * if (!mtaFarmInstalled()) console.warn("MTA farm tests skipped: run infra/local/install-peers.sh");
 */
export function mtaFarmInstalled(): boolean {
  return findExecutable("postfix") !== undefined && findExecutable("postgrey") !== undefined;
}

/**
 * Whether suites that need the farm skip: only where it is not installed and the run does not
 * require its peers. `npm run test:all` sets MAILVET_REQUIRE_PEERS=1, and there a missing
 * Postfix fails the suites instead of quietly skipping them.
 *
 * @example
 * describe.skipIf(skipWithoutMtaFarm())("against the MTA farm", () => { … });
 */
export function skipWithoutMtaFarm(): boolean {
  return !mtaFarmInstalled() && process.env.MAILVET_REQUIRE_PEERS !== "1";
}

/**
 * Starts the local MTA farm: a Postfix of its own with a listener per host of MTA_FARM_HOSTS,
 * a postgrey behind each greylisting one (a short delay, and postgrey's default) and a tarpit,
 * all on one free port, with everything they write in a temporary directory. Resolves once
 * every listener answers; a port taken in the meantime means another try. A test runner
 * killed without stopping it leaves nothing running: the daemons die with it.
 *
 * @example
 * const farm = await startMtaFarm();
 * // prober: MAILVET_SMTP_PORT=farm.port, DNS from the local DNS peer
 * // alice@ok.mailvet-mta.net → 250 2.1.5 Ok on farm.hosts.main
 * await farm.stop();
 */
export async function startMtaFarm(options: MtaFarmOptions = {}): Promise<MtaFarm> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options.greylistDelaySeconds ?? 3);
    } catch (error) {
      if (attempt >= START_ATTEMPTS) throw error;
    }
  }
}

async function startOnce(greylistDelaySeconds: number): Promise<MtaFarm> {
  const runDir = await mkdtemp(join(tmpdir(), "mailvet-mta-"));
  // Postfix's daemons run as the postfix user and must get through to their queue inside.
  await chmod(runDir, 0o755);
  const [port, policyPort, defaultPolicyPort] = [await freeLoopbackPort(), await freeLoopbackPort(), await freeLoopbackPort()];
  const outcomes = await Promise.allSettled([
    startPostgrey(join(runDir, "postgrey"), policyPort, greylistDelaySeconds),
    startPostgrey(join(runDir, "postgrey-default"), defaultPolicyPort),
    startPostfix(runDir, { port, policyPort, defaultPolicyPort, hosts: MTA_FARM_HOSTS }),
    startTarpit(MTA_FARM_HOSTS.tarpit, port),
  ]);
  const [postgrey, postgreyDefault, postfix, tarpit] = outcomes;
  const started = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await Promise.all(started.map((server) => server.stop()));
      await rm(runDir, { recursive: true, force: true });
    })());
  if (postgrey.status === "rejected" || postgreyDefault.status === "rejected" || postfix.status === "rejected" || tarpit.status === "rejected") {
    await stop();
    throw outcomes.find((outcome) => outcome.status === "rejected")?.reason;
  }
  return {
    port,
    hosts: MTA_FARM_HOSTS,
    greylistDelaySeconds,
    runDir,
    pids: [postfix.value.pid, postgrey.value.pid, postgreyDefault.value.pid].filter((pid): pid is number => pid !== undefined),
    log: () => `${postfix.value.log()}\n${postgrey.value.output()}\n${postgreyDefault.value.output()}`,
    stop,
  };
}
