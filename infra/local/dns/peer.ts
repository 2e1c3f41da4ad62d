import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDohResolver } from "../../../shared/dns/doh-resolver";
import { fillConfigTemplate } from "../config-template";
import { createMemoryCache } from "../../../shared/dns/memory-cache";
import { findExecutable, startDaemon, type Daemon } from "./daemon";
import { freeLoopbackPort } from "./free-port";

/** The directory of this module: configs and zone files. */
const CONFIG_DIR = fileURLToPath(new URL(".", import.meta.url));
const READY_WITHIN_MS = 15_000;
const START_ATTEMPTS = 3;

export interface DnsPeerOptions {
  /**
   * Records to add to fixture zones, by zone name (`{ "mailvet-mta.net": "wan-1.bulk 300 IN MX 10 mx-wan-1\n…" }`),
   * in zone-file syntax relative to the zone's origin: names a benchmark makes up for one run,
   * too many to keep in the repo's zone files. Names written out win over the zone's wildcards.
   */
  zoneAdditions?: Record<string, string>;
}

export interface DnsPeer {
  /** The RFC 8484 endpoint, plain HTTP on loopback: `http://127.0.0.1:PORT/dns-query`. */
  dohUrl: string;
  /**
   * dnsdist's plain DNS listener (UDP and TCP), `127.0.0.1:PORT`, for clients that speak only
   * classic DNS, such as Node's `dns.setServers`.
   */
  dnsServer: string;
  /** Process ids of unbound and dnsdist, to look for leftovers. */
  pids: number[];
  /** Stops both daemons and removes their files; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * unbound and dnsdist are installed (`infra/local/install-peers.sh` installs them).
 *
 * @example
 * describe.skipIf(!dnsPeerInstalled())("against the DNS peer", () => { … });
 */
export function dnsPeerInstalled(): boolean {
  return findExecutable("unbound") !== undefined && findExecutable("dnsdist") !== undefined;
}

/**
 * Starts the local DNS peer: unbound serving the fixture zones of this directory behind
 * dnsdist serving DoH over HTTP/1.1, both on free loopback ports, with their own configs in a
 * temporary directory, as child processes in the foreground. Resolves once a DoH query for
 * `health.mailvet-fixture.net` is answered; a port taken in the meantime means another try.
 *
 * @example
 * const peer = await startDnsPeer();
 * const resolver = createDohResolver({ upstreams: [peer.dohUrl] });
 * // or, with names of its own: startDnsPeer({ zoneAdditions: { "mailvet-mta.net": "shop.bulk 300 IN MX 10 mx-shop\nmx-shop 300 IN A 127.0.2.1" } })
 * await resolver.lookup("multi-mx.mailvet-fixture.net", "MX");
 * await peer.stop();
 */
export async function startDnsPeer(options: DnsPeerOptions = {}): Promise<DnsPeer> {
  const unknown = Object.keys(options.zoneAdditions ?? {}).filter((zone) => !existsSync(join(CONFIG_DIR, `${zone}.zone`)));
  if (unknown.length > 0) throw new Error(`no fixture zone ${unknown.join(", ")} to add records to`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= START_ATTEMPTS) throw error;
    }
  }
}

async function startOnce({ zoneAdditions = {} }: DnsPeerOptions): Promise<DnsPeer> {
  const unboundPath = findExecutable("unbound");
  const dnsdistPath = findExecutable("dnsdist");
  if (unboundPath === undefined || dnsdistPath === undefined) {
    throw new Error("unbound and dnsdist are needed: run infra/local/install-peers.sh as root");
  }
  const runDir = await mkdtemp(join(tmpdir(), "mailvet-dns-"));
  const values = {
    UNBOUND_PORT: await freeLoopbackPort(),
    DNS_PORT: await freeLoopbackPort(),
    DOH_PORT: await freeLoopbackPort(),
    RUN_DIR: runDir,
    ZONE_DIR: await zoneDirectory(runDir, zoneAdditions),
  };
  const unboundConf = await renderConfig("unbound.conf", runDir, values);
  const dnsdistConf = await renderConfig("dnsdist.conf", runDir, values);
  const daemons = [startDaemon(unboundPath, ["-d", "-c", unboundConf]), startDaemon(dnsdistPath, ["--supervised", "--disable-syslog", "-C", dnsdistConf])];
  const stop = async () => {
    await Promise.all(daemons.map((daemon) => daemon.stop()));
    await rm(runDir, { recursive: true, force: true });
  };
  const dohUrl = `http://127.0.0.1:${values.DOH_PORT}/dns-query`;
  try {
    await untilAnswering(dohUrl, daemons);
  } catch (error) {
    await stop();
    throw error;
  }
  return { dohUrl, dnsServer: `127.0.0.1:${values.DNS_PORT}`, pids: daemons.flatMap((daemon) => (daemon.pid === undefined ? [] : [daemon.pid])), stop };
}

/** This directory, or, with additions, a copy of its zone files in `runDir` with the records appended. */
async function zoneDirectory(runDir: string, zoneAdditions: Record<string, string>): Promise<string> {
  if (Object.keys(zoneAdditions).length === 0) return CONFIG_DIR.replace(/\/$/, "");
  const zones = join(runDir, "zones");
  await mkdir(zones);
  const files = (await readdir(CONFIG_DIR)).filter((name) => name.endsWith(".zone"));
  for (const name of files) {
    const added = zoneAdditions[name.slice(0, -".zone".length)];
    const text = await readFile(join(CONFIG_DIR, name), "utf8");
    await writeFile(join(zones, name), added === undefined ? text : `${text}\n; Added for this run.\n${added}\n`);
  }
  return zones;
}

async function renderConfig(name: string, runDir: string, values: Record<string, string | number>): Promise<string> {
  const path = join(runDir, name);
  await writeFile(path, await fillConfigTemplate(join(CONFIG_DIR, name), values));
  return path;
}

async function untilAnswering(dohUrl: string, daemons: Daemon[]): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  let last = "";
  const crashed = Promise.race(daemons.map((daemon) => daemon.exited.then(() => daemon)));
  while (Date.now() < deadline) {
    // A fresh cache each time, so a cached answer cannot stand in for a live one.
    const probe = createDohResolver({ upstreams: [dohUrl], timeoutMs: 1000, cache: createMemoryCache() });
    const outcome = await probe.lookup("health.mailvet-fixture.net", "A");
    if (outcome.kind === "records") return;
    last = outcome.kind === "dns_error" ? outcome.detail : outcome.kind;
    const exited = await Promise.race([crashed, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100))]);
    if (exited !== undefined) throw new Error(`DNS peer exited on start:\n${exited.output()}`);
  }
  throw new Error(`DNS peer did not answer within ${READY_WITHIN_MS} ms (${last}):\n${daemons.map((daemon) => daemon.output()).join("\n")}`);
}
