import type { BlocklistOptions } from "./check-ip-blocklists";
import { DOMAIN_BLOCKLISTS } from "./domain-blocklists";
import { type ListCheck, readListAnswer } from "./list-check";
import type { ReputationResolver } from "./resolver";
import { listZones } from "./spamhaus-dqs";

/**
 * Asks every domain block list about `domain` (lower-case, A-label form, no trailing dot), at
 * once, with the same care as the IP lists: error answers are "could not ask". Never rejects.
 *
 * @example
 * const checks = await checkDomainBlocklists("example.com", resolver);
 * checks.map((check) => check.status); // ["not_listed", "not_listed", "could_not_ask"]
 */
export async function checkDomainBlocklists(domain: string, resolver: ReputationResolver, options: BlocklistOptions = {}): Promise<ListCheck[]> {
  const lists = DOMAIN_BLOCKLISTS.filter((list) => options.lists?.includes(list.id) ?? true);
  return Promise.all(
    lists.map(async (list) => {
      const zones = listZones(list.zone, options.spamhausDqsKey);
      const outcome = await resolver.lookup(`${domain}.${zones.asked}`, "A");
      return { list: list.id, name: list.name, zone: zones.shown, item: domain, ...readListAnswer(outcome, list.readCode), removal: list.removal };
    }),
  );
}
