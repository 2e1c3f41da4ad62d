import type { DoctorCheck } from "../../../shared/contract/doctor";
import { forbiddenRange } from "../../../shared/net/forbidden-range";
import { ipBytes } from "../../../shared/net/ip-bytes";
import { passed, problem } from "./check";

export interface EgressIps {
  readonly ipv4: string[];
  readonly ipv6: string[];
  readonly check: DoctorCheck;
}

const byFamily = (ips: readonly string[]) => ({ ipv4: ips.filter((ip) => ipBytes(ip)?.length === 4), ipv6: ips.filter((ip) => ipBytes(ip)?.length === 16) });

/**
 * The `egress` check and the addresses the other checks look at: the configured ones
 * (MAILVET_EGRESS_IPS) when set, else the one discovered on the canary connection. A discovered
 * private address means NAT: the public one must be configured (unless private targets are
 * allowed, as in the suites); a discovered address the configuration does not list is a warning.
 *
 * @example
 * egressIps({ configured: [], discovered: "192.0.2.25", allowPrivate: false }).ipv4; // ["192.0.2.25"]
 */
export function egressIps({
  configured,
  discovered,
  allowPrivate,
}: {
  configured: readonly string[];
  discovered: string | null;
  allowPrivate: boolean;
}): EgressIps {
  const setIt = "Set MAILVET_EGRESS_IPS to the public IPv4 and IPv6 addresses the prober sends from.";
  if (configured.length > 0) {
    const listed = discovered === null || configured.some((ip) => ipBytes(ip)?.join() === ipBytes(discovered)?.join());
    const check =
      listed || forbiddenRange(discovered) !== null
        ? passed("egress", `The prober sends from ${configured.join(", ")} (MAILVET_EGRESS_IPS).`, { configured, discovered })
        : problem(
            "egress",
            "warn",
            `MAILVET_EGRESS_IPS lists ${configured.join(", ")}, but the prober reached the canary from ${discovered}.`,
            `Add ${discovered} to MAILVET_EGRESS_IPS, or check the machine's routes.`,
            { configured, discovered },
          );
    return { ...byFamily(configured), check };
  }
  if (discovered === null)
    return { ipv4: [], ipv6: [], check: problem("egress", "unknown", "No egress IP is set, and none was discovered (no canary connection).", setIt) };
  const range = forbiddenRange(discovered);
  if (range !== null && !allowPrivate)
    return {
      ipv4: [],
      ipv6: [],
      check: problem(
        "egress",
        "warn",
        `The prober reached the canary from ${discovered}, a ${range} address: it sends through NAT, and its public address is unknown.`,
        setIt,
        { discovered },
      ),
    };
  return { ...byFamily([discovered]), check: passed("egress", `The prober sends from ${discovered} (discovered on the canary connection).`, { discovered }) };
}
