import { describe, expect, inject, it } from "vitest";
import { createDohResolver } from "../../../shared/dns/doh-resolver";
import { resolveMailDomain } from "../../../shared/dns/mail-domain";
import type {} from "../../../shared/dns/testing/provided-context";
import { MTA_FARM_HOSTS } from "./peer";

const peer = inject("dnsPeerUrl");

/**
 * infra/local/dns/mailvet-mta.net.zone, through the run's DNS peer: every test domain sends
 * its mail to the farm host its comment promises, named by MTA_FARM_HOSTS role.
 */
describe.skipIf(peer === null)("the mailvet-mta.net zone", () => {
  const resolver = createDohResolver({ upstreams: [peer!] });
  const farmRole = async (host: string) => {
    const [a, aaaa] = await Promise.all([resolver.lookup(host, "A"), resolver.lookup(host, "AAAA")]);
    const addresses = [a, aaaa].flatMap((outcome) => (outcome.kind === "records" ? outcome.records.map((record) => record.address) : []));
    return Object.entries(MTA_FARM_HOSTS).find(([, address]) => addresses.includes(address))?.[0] ?? `no farm host (${addresses.join(", ")})`;
  };

  it.each([
    ["ok", "10 main"],
    ["catchall", "10 main"],
    ["policy", "10 main"],
    ["utf8", "10 main"],
    ["noutf8", "10 ascii"],
    ["xn--bcher-kva", "10 main"],
    ["greylist", "10 greylist"],
    ["blocked", "10 blocked"],
    ["tarpit", "10 tarpit"],
    ["fallback", "10 dead, 20 main"],
    ["tarpit-fallback", "10 tarpit, 20 main"],
    ["blocked-fallback", "10 blocked, 20 main"],
    ["v6", "10 ipv6"],
    ["implicit", "0 main"],
    ["tarpit5xx", "10 tarpit5xx"],
    ["errorlimit", "10 errorLimit"],
    ["rcptcap", "10 recipientCap"],
    ["connlimit", "10 connectionLimit"],
    ["connlimit-alias", "10 connectionLimit"],
    ["greylist-default", "10 greylistDefault"],
    ["any-name.relaxed", "10 relaxed"],
    ["b0", "10 main"],
    ["b49", "10 main"],
    ["any-name.bulk", "10 main"],
  ])("%s.mailvet-mta.net: %s", async (label, expected) => {
    const facts = await resolveMailDomain(resolver, `${label}.mailvet-mta.net`);
    if (facts.kind !== "mx" && facts.kind !== "implicit") throw new Error(`no mail hosts: ${JSON.stringify(facts)}`);
    const hosts = await Promise.all(facts.mx.map(async ({ host, preference }) => `${preference} ${await farmRole(host)}`));
    expect(hosts.join(", ")).toBe(expected);
  });

  it("lists 300 MX hosts for many-mx, of which the 10 best are looked up", async () => {
    const mx = await resolver.lookup("many-mx.mailvet-mta.net", "MX");
    expect(mx.kind === "records" && mx.records.length).toBe(301);
    const facts = await resolveMailDomain(resolver, "many-mx.mailvet-mta.net");
    if (facts.kind !== "mx") throw new Error(`no mail hosts: ${JSON.stringify(facts)}`);
    expect(facts.mx.map(({ host, preference }) => `${preference} ${host}`)).toEqual([
      "10 mx1.mailvet-mta.net",
      ...Array.from({ length: 9 }, (_, index) => `20 h00${index + 1}.many-mx.mailvet-mta.net`),
    ]);
    expect(await farmRole("h299.many-mx.mailvet-mta.net")).toBe("dead");
  });

  it("has a null MX for nullmx and no b50", async () => {
    expect(await resolveMailDomain(resolver, "nullmx.mailvet-mta.net")).toEqual({ kind: "null_mx" });
    expect(await resolveMailDomain(resolver, "b50.mailvet-mta.net")).toEqual({ kind: "nxdomain" });
  });
});
