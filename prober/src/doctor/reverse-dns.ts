import type { DoctorCheck } from "../../../shared/contract/doctor";
import type { DnsResolver } from "../../../shared/dns";
import { ipBytes } from "../../../shared/net/ip-bytes";
import { reverseName } from "../../../shared/net/reverse-name";
import { passed, problem } from "./check";

export interface ReverseDns {
  readonly check: DoctorCheck;
  /** The PTR name, forward-confirmed or not; null without one. */
  readonly name: string | null;
}

const sameAddress = (a: string, b: string) => ipBytes(a)?.join() === ipBytes(b)?.join();

/**
 * The `ptr` check of one egress IP: it has a PTR record, and that name resolves back to the IP
 * (forward-confirmed reverse DNS, FCrDNS), as Gmail, Microsoft and most servers require.
 *
 * @example
 * const { check, name } = await checkReverseDns("192.0.2.25", resolver);
 * check.status; // "pass"; name: "probe.example.net"
 */
export async function checkReverseDns(ip: string, resolver: Pick<DnsResolver, "lookup">): Promise<ReverseDns> {
  const details = { ip };
  const askProvider = `Ask whoever gives you ${ip} (your hosting provider's panel or support) to set its PTR record to your HELO name, and give that name an ${ip.includes(":") ? "AAAA" : "A"} record of ${ip}.`;
  const ptr = await resolver.lookup(reverseName(ip) ?? "", "PTR");
  if (ptr.kind === "dns_error")
    return {
      name: null,
      check: problem(
        "ptr",
        "unknown",
        `Could not look up the PTR record of ${ip}: ${ptr.detail}.`,
        "Check the prober's DoH resolvers (MAILVET_DOH_URL).",
        details,
      ),
    };
  if (ptr.kind !== "records")
    return {
      name: null,
      check: problem("ptr", "fail", `${ip} has no PTR record (reverse DNS); most servers refuse mail from such addresses.`, askProvider, details),
    };
  const name = ptr.records[0]!.name;
  const forward = await resolver.lookup(name, ip.includes(":") ? "AAAA" : "A");
  if (forward.kind === "dns_error")
    return {
      name,
      check: problem(
        "ptr",
        "unknown",
        `${ip} has the PTR name ${name}, but looking it up failed: ${forward.detail}.`,
        "Check the prober's DoH resolvers (MAILVET_DOH_URL).",
        { ...details, name },
      ),
    };
  const addresses = forward.kind === "records" ? forward.records.map((record) => record.address) : [];
  if (!addresses.some((address) => sameAddress(address, ip))) {
    const found = addresses.length > 0 ? `it resolves to ${addresses.join(", ")}` : "it does not resolve";
    return {
      name,
      check: problem(
        "ptr",
        "fail",
        `${ip} has the PTR name ${name}, but ${found}: the reverse DNS is not forward-confirmed.`,
        `Give ${name} an ${ip.includes(":") ? "AAAA" : "A"} record of ${ip} in its DNS zone, or set the PTR of ${ip} to a name that has one.`,
        { ...details, name, addresses },
      ),
    };
  }
  return { name, check: passed("ptr", `${ip} has the PTR name ${name}, which resolves back to it (forward-confirmed).`, { ...details, name }) };
}
