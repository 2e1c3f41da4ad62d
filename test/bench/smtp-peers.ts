import { type DnsPeer, startDnsPeer } from "../../infra/local/dns/peer";
import { farmProberEnv, type MtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type FarmLimits, farmLimits, farmListener } from "./farm-limits";
import { type CountingTcpForwarder, startCountingTcpForwarder, type TcpEndpoint } from "./tcp-forwarder";

/** The MX host of every bench domain (`b0` … `b49`, `*.bulk` in ../../infra/local/dns/mailvet-mta.net.zone). */
export const BENCH_MX = "mx1.mailvet-mta.net";

export interface SmtpBenchPeers {
  dns: DnsPeer;
  farm: MtaFarm;
  /**
   * In front of the farm's main host (BENCH_MX), on a port of its own: the prober's
   * MAILVET_SMTP_PORT, so every SMTP connection it opens to the bench domains is counted.
   */
  proberSmtp: CountingTcpForwarder;
  /** The prober settings that send it to these peers (DNS, SMTP port, loopback allowed). */
  proberEnv: Record<string, string>;
  /** The farm listener every bench connection goes to: stock limits or the relaxed ones. */
  target: TcpEndpoint;
  /** That listener's limits, `name=value, …` (farm-limits.ts). */
  limits: string;
}

/**
 * Starts the local DNS peer, the MTA farm and a counting forwarder for the prober's SMTP
 * connections to the farm's listener with `limits` (stock by default), runs `work` with them
 * and stops them all, whatever happens.
 *
 * @example
 * await withSmtpPeers(async ({ proberEnv, proberSmtp }) => {
 *   const stack = await startStack({ PATH: process.env.PATH, HOME: process.env.HOME, ...proberEnv });
 *   // … proberSmtp.connections() …
 * });
 */
export async function withSmtpPeers<T>(work: (peers: SmtpBenchPeers) => Promise<T>, limits: FarmLimits = "stock"): Promise<T> {
  const dns = await startDnsPeer();
  try {
    const farm = await startMtaFarm();
    try {
      const target = { host: farmListener(limits), port: farm.port };
      const proberSmtp = await startCountingTcpForwarder({ host: farm.hosts.main, port: 0 }, target);
      try {
        const proberEnv = {
          MAILVET_DOH_URL: dns.dohUrl,
          ...farmProberEnv(farm, proberSmtp.port),
        };
        return await work({ dns, farm, proberSmtp, proberEnv, target, limits: farmLimits(farm, target.host) });
      } finally {
        await proberSmtp.stop();
      }
    } finally {
      await farm.stop();
    }
  } finally {
    await dns.stop();
  }
}
