import { dnsblQueryName, ipFamily } from "./dnsbl-query-name";
import { IP_BLOCKLISTS, type IpBlocklist } from "./ip-blocklists";
import { type ListCheck, readListAnswer } from "./list-check";
import type { ReputationResolver } from "./resolver";
import { listZones } from "./spamhaus-dqs";

export interface BlocklistOptions {
  /**
   * A Spamhaus Data Query Service key: ZEN (and DBL) are then asked at `<key>.zen.dq.spamhaus.net`,
   * which answers from any resolver. Without it Spamhaus refuses public resolvers (127.255.255.254).
   */
  spamhausDqsKey?: string;
  /** Ids of the lists to ask; default all. */
  lists?: readonly string[];
}

/**
 * Asks every IP block list that covers the address's family about `ip`, at once, and reads each
 * answer (see `readListAnswer`: error codes are "could not ask", never "listed"). Never rejects.
 *
 * @throws RangeError when `ip` is not an IP address.
 * @example
 * const checks = await checkIpBlocklists("192.0.2.99", resolver, { spamhausDqsKey: env.MAILVET_SPAMHAUS_DQS_KEY });
 * checks[0]; // { list: "spamhaus-zen", status: "listed", codes: ["127.0.0.2"], meaning: "SBL: …", … }
 */
export async function checkIpBlocklists(ip: string, resolver: ReputationResolver, options: BlocklistOptions = {}): Promise<ListCheck[]> {
  const family = ipFamily(ip);
  if (family === null) throw new RangeError(`not an IP address: ${JSON.stringify(ip)}`);
  const lists = IP_BLOCKLISTS.filter((list) => (family === 4 || list.ipv6) && (options.lists?.includes(list.id) ?? true));
  return Promise.all(lists.map((list) => askList(list, ip, resolver, options.spamhausDqsKey)));
}

async function askList(list: IpBlocklist, ip: string, resolver: ReputationResolver, dqsKey: string | undefined): Promise<ListCheck> {
  const zones = listZones(list.zone, dqsKey);
  const outcome = await resolver.lookup(dnsblQueryName(ip, zones.asked)!, "A");
  return { list: list.id, name: list.name, zone: zones.shown, item: ip, ...readListAnswer(outcome, list.readCode), removal: list.removal };
}
