import { type DnsPeer, startDnsPeer } from "../../infra/local/dns/peer";
import { freeLoopbackPort } from "../../infra/local/dns/free-port";
import { farmProberEnv, type MtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { farmLimits } from "./farm-limits";
import type { WanList } from "./wan-list";
import { startWanRelay, type WanRelay } from "./wan-relay";

export interface WanPeers {
  dns: DnsPeer;
  farm: MtaFarm;
  relay: WanRelay;
  /** The prober settings that send it through the relay (DNS, the relay's port, loopback allowed). */
  proberEnv: Record<string, string>;
  /** The farm's Postfix limits as it runs them, `name=value`: what the figures were measured against. */
  farmLimits: string;
}

/**
 * Starts the DNS peer with the list's zone records, the MTA farm, and the relay on every
 * simulated server's address (port 25 for the npm verifiers, a free port for the prober), runs
 * `work` and stops them all, whatever happens.
 *
 * @example
 * await withWanPeers(wanList({ addresses: 2_000, seed: 10 }), 40, async ({ relay, proberEnv }) => { … });
 */
export async function withWanPeers<T>(list: WanList, oneWayMs: number, work: (peers: WanPeers) => Promise<T>): Promise<T> {
  const dns = await startDnsPeer({ zoneAdditions: { "mailvet-mta.net": list.zoneRecords } });
  try {
    const farm = await startMtaFarm();
    try {
      const proberPort = await freeLoopbackPort();
      const relay = await startWanRelay({ hosts: list.hosts, ports: [25, proberPort], target: { host: farm.hosts.main, port: farm.port }, oneWayMs });
      try {
        const proberEnv = { MAILVET_DOH_URL: dns.dohUrl, ...farmProberEnv(farm, proberPort) };
        return await work({ dns, farm, relay, proberEnv, farmLimits: farmLimits(farm, farm.hosts.main) });
      } finally {
        await relay.stop();
      }
    } finally {
      await farm.stop();
    }
  } finally {
    await dns.stop();
  }
}
