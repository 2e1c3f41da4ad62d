import { isIP } from "node:net";
import { ipBytes } from "../../../shared/net/ip-bytes";
import { forbiddenRange } from "../../../shared/net/forbidden-range";

/**
 * Where the prober may connect. A prober resolves MX hosts named by its caller, so only public
 * unicast addresses pass (shared/net/forbidden-range.ts), and only ever on the SMTP port, from
 * the source address the operator names (the one its PTR and the block lists are about).
 */

export interface EgressPolicy {
  /** The one port the prober connects to. */
  readonly port: number;
  /** Why an address is refused, or null when the prober may connect to it. */
  refusal(ip: string): string | null;
  /** The local address to connect to `ip` from (MAILVET_PROBER_SOURCE_IP, when of its family), or undefined: the system picks. */
  sourceFor(ip: string): string | undefined;
}

/**
 * The egress rules of a prober's settings: public addresses only unless private targets are
 * allowed (tests, the local stack), and always the one SMTP port.
 *
 * @example
 * const egress = createEgressPolicy({ smtpPort: 25, allowPrivateTargets: false });
 * egress.refusal("127.0.0.1"); // "loopback"
 */
export function createEgressPolicy(settings: {
  readonly smtpPort: number;
  readonly allowPrivateTargets: boolean;
  readonly sourceIp?: string | undefined;
}): EgressPolicy {
  const { sourceIp } = settings;
  return {
    port: settings.smtpPort,
    refusal: (ip) => (settings.allowPrivateTargets ? (ipBytes(ip) === null ? "not an IP address" : null) : forbiddenRange(ip)),
    sourceFor: (ip) => (sourceIp !== undefined && isIP(sourceIp) === isIP(ip) ? sourceIp : undefined),
  };
}
