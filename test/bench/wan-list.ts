import { seededRandom } from "../../shared/gibberish/random";

/** One address of the list and whether the farm has its mailbox. */
export interface WanAddress {
  email: string;
  domain: string;
  exists: boolean;
}

/** A simulated mail provider: its domains, its MX hosts and the loopback address of each. */
export interface WanProvider {
  kind: "big" | "mid" | "small" | "warm-up";
  domains: string[];
  /** MX host name (relative to mailvet-mta.net) → its addresses. */
  mx: Record<string, string[]>;
}

export interface WanList {
  addresses: WanAddress[];
  /** Addresses at a domain of its own, on a server of its own, for a contender's first requests. */
  warmUp: WanAddress[];
  providers: WanProvider[];
  /** Every loopback address a simulated server has: where the relay listens. */
  hosts: string[];
  /** The records that send the list's domains to those hosts, for the mailvet-mta.net zone. */
  zoneRecords: string;
}

export interface WanListOptions {
  addresses: number;
  seed: number;
  /** Share of the list at the one big provider (4 MX hosts, one address each). */
  bigShare?: number;
  /** Share over the 5 mid-sized providers (one MX name with 2 addresses each). */
  midShare?: number;
  /** Small domains sharing the rest, hosted on `smallServers` servers (as shared hosting is). */
  smallDomains?: number;
  smallServers?: number;
  /** Share of addresses the farm does not know (the mailbox is gone). */
  unknownShare?: number;
}

const MID_PROVIDERS = 5;
const WARM_UP_ADDRESSES = 16;
const BIG_MX_HOSTS = 4;
const MID_MX_ADDRESSES = 2;
/** Small domains are picked as ⌊n·u^SKEW⌋: the first ones get more rows, as companies differ in size. */
const SKEW = 1.3;

/**
 * A seeded list as real lists are: a big provider holding a large share (40 % by default, on
 * 4 MX hosts), 5 mid-sized ones (20 %), the rest over hundreds of small domains hosted on a few
 * dozen servers, a fifth of every domain's addresses unknown, in random order. Every domain is
 * one label below `bulk.mailvet-mta.net`, where the farm has `user<digits>` and nobody else;
 * the zone records written out win over the zone's `*.bulk` wildcard. Each simulated server
 * has its own address in 127.0.2.0/24 (the relay's listeners).
 *
 * @example
 * const list = wanList({ addresses: 2_000, seed: 10 });
 * await startDnsPeer({ zoneAdditions: { "mailvet-mta.net": list.zoneRecords } });
 */
export function wanList({
  addresses: count,
  seed,
  bigShare = 0.4,
  midShare = 0.2,
  smallDomains = 300,
  smallServers = 30,
  unknownShare = 0.2,
}: WanListOptions): WanList {
  const next = seededRandom(seed).next;
  let lastHost = 0;
  const newHost = () => `127.0.2.${++lastHost}`;
  const big: WanProvider = {
    kind: "big",
    domains: ["wan-bigmail"],
    mx: Object.fromEntries(Array.from({ length: BIG_MX_HOSTS }, (_, k) => [`mx${k + 1}.wan-bigmail`, [newHost()]])),
  };
  const mids = Array.from(
    { length: MID_PROVIDERS },
    (_, k): WanProvider => ({ kind: "mid", domains: [`wan-mid${k + 1}`], mx: { [`mx.wan-mid${k + 1}`]: Array.from({ length: MID_MX_ADDRESSES }, newHost) } }),
  );
  const smalls = Array.from({ length: smallServers }, (_, k): WanProvider => ({ kind: "small", domains: [], mx: { [`mx.wan-host${k + 1}`]: [newHost()] } }));
  const smallDomainNames = Array.from({ length: smallDomains }, (_, k) => `wan-shop${k + 1}`);
  smallDomainNames.forEach((domain, k) => smalls[k % smallServers]!.domains.push(domain));

  const addresses = Array.from({ length: count }, (_, index): WanAddress => {
    const roll = next();
    const label =
      roll < bigShare
        ? "wan-bigmail"
        : roll < bigShare + midShare
          ? `wan-mid${1 + Math.floor(next() * MID_PROVIDERS)}`
          : smallDomainNames[Math.floor(smallDomains * next() ** SKEW)]!;
    const domain = `${label}.bulk.mailvet-mta.net`;
    const exists = next() >= unknownShare;
    return { email: `${exists ? "user" : "gone.user"}${index}@${domain}`, domain, exists };
  });
  const warmUpProvider: WanProvider = { kind: "warm-up", domains: ["wan-warmup"], mx: { "mx.wan-warmup": [newHost()] } };
  const warmUp = Array.from({ length: WARM_UP_ADDRESSES }, (_, index) => ({
    email: `user${index}@wan-warmup.bulk.mailvet-mta.net`,
    domain: "wan-warmup.bulk.mailvet-mta.net",
    exists: true,
  }));
  const providers = [big, ...mids, ...smalls, warmUpProvider];
  return {
    addresses,
    warmUp,
    providers,
    hosts: Array.from({ length: lastHost }, (_, k) => `127.0.2.${k + 1}`),
    zoneRecords: providers.flatMap(zoneLines).join("\n"),
  };
}

/** A provider's MX records (all of one preference: a client spreads over them) and its hosts' A records. */
function zoneLines({ domains, mx }: WanProvider): string[] {
  const mxLines = domains.flatMap((domain) => Object.keys(mx).map((host) => `${domain}.bulk 300 IN MX 10 ${host}`));
  const aLines = Object.entries(mx).flatMap(([host, addresses]) => addresses.map((address) => `${host} 300 IN A ${address}`));
  return [...mxLines, ...aLines];
}
