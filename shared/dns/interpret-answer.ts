import type { LookupOutcome } from "./lookup-outcome";
import { RCODE, type AnswerRecord, type DnsMessage, type QueryType } from "./message";

/** More aliases than any sane zone uses; a longer chain is treated as a broken answer. */
export const MAX_CNAME_HOPS = 8;

/**
 * Reads the records of `type` for `name` out of a NOERROR or NXDOMAIN answer, following a
 * CNAME chain within the answer section. The TTL is the shortest along the chain. Negative
 * answers take RFC 2308's TTL, min(SOA TTL, SOA MINIMUM) from the authority section, or 0
 * without a SOA. NXDOMAIN at the end of an alias chain is NODATA for `name`: the name itself
 * exists (RFC 6604).
 *
 * @example
 * interpretAnswer(message, "example.com", "MX");
 * // { kind: "records", records: [{ type: "MX", preference: 10, exchange: "mx.example.com" }], ttl: 300 }
 */
export function interpretAnswer<T extends QueryType>(message: DnsMessage, name: string, type: T): LookupOutcome<T> {
  const chainTtls: number[] = [];
  let owner = name;
  for (let hops = 0; hops <= MAX_CNAME_HOPS; hops++) {
    const owned = message.answers.filter((record) => record.name === owner);
    const matching = owned.filter((record) => record.data.type === type);
    if (matching.length > 0) {
      const ttl = Math.min(...chainTtls, ...matching.map((record) => record.ttl));
      return { kind: "records", records: matching.map((record) => record.data as AnswerRecord<T>), ttl };
    }
    const alias = owned.find((record) => record.data.type === "CNAME");
    if (alias?.data.type !== "CNAME") {
      const kind = hops === 0 && message.rcode === RCODE.NXDOMAIN ? "nxdomain" : "nodata";
      return { kind, ttl: Math.min(...chainTtls, negativeTtl(message)) };
    }
    chainTtls.push(alias.ttl);
    owner = alias.data.target;
  }
  return { kind: "dns_error", detail: `CNAME chain longer than ${MAX_CNAME_HOPS} names` };
}

function negativeTtl(message: DnsMessage): number {
  const soa = message.authorities.find((record) => record.data.type === "SOA");
  return soa?.data.type === "SOA" ? Math.min(soa.ttl, soa.data.minimum) : 0;
}
