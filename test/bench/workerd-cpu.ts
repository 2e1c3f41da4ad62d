import { execFileSync } from "node:child_process";
import { Agent, request } from "undici";
import { startDnsPeer } from "../../infra/local/dns/peer";
import { startStack } from "../../infra/local/stack";
import { generateAddresses } from "./addresses";
import { cpuSeconds } from "./proc-usage";

const REQUESTS = 5_000;
/** CPU time (user + system, in ms) used so far by every workerd process in a process group. */
function workerdCpuMs(processGroup: number): number {
  const pids = execFileSync("pgrep", ["-g", String(processGroup), "workerd"])
    .toString()
    .trim()
    .split("\n");
  return pids.reduce((sum, pid) => sum + cpuSeconds(Number(pid)) * 1000, 0);
}

async function cpuPerRequest(urls: string[], processGroup: number, dispatcher: Agent): Promise<number> {
  const before = workerdCpuMs(processGroup);
  for (const url of urls) {
    const response = await request(url, { dispatcher });
    await response.body.dump();
  }
  return (workerdCpuMs(processGroup) - before) / urls.length;
}

/**
 * workerd's own CPU time per `GET /v1/verify?smtp=false`, read from /proc around a serial run of
 * requests against `wrangler dev`, next to the same for `/healthz` (the HTTP and routing floor).
 */
export async function benchWorkerdCpu(): Promise<{ verifyMs: number; healthzMs: number }> {
  // The local DNS peer, so nothing leaves the machine; its answers are cached after warm-up,
  // as most answers are at a busy edge.
  const dns = await startDnsPeer();
  // One client sends every request: the edge's per-client rate limit (the load bench's subject) is off.
  const stack = await startStack({
    ...process.env,
    MAILVET_EDGE_PORT: "18787",
    MAILVET_PROBER_PORT: "18788",
    MAILVET_DOH_URL: dns.dohUrl,
    MAILVET_RATE_LIMIT: "0",
  });
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  try {
    const addresses = generateAddresses(REQUESTS, 7);
    const verifyUrls = addresses.map((email) => `${stack.edgeUrl}/v1/verify?smtp=false&email=${encodeURIComponent(email)}`);
    const healthUrls = addresses.map(() => `${stack.edgeUrl}/healthz`);
    await cpuPerRequest(verifyUrls, stack.edgeProcessGroup, dispatcher); // warm-up: JIT and DNS cache
    const healthzMs = await cpuPerRequest(healthUrls, stack.edgeProcessGroup, dispatcher);
    const verifyMs = await cpuPerRequest(verifyUrls, stack.edgeProcessGroup, dispatcher);
    return { verifyMs, healthzMs };
  } finally {
    await dispatcher.close();
    await stack.stop();
    await dns.stop();
  }
}
