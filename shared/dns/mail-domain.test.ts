import { describe, expect, it } from "vitest";
import type { DnsResolver } from "./doh-resolver";
import type { LookupOutcome } from "./lookup-outcome";
import { MAX_MX_HOSTS, mailDomainReason, resolveMailDomain, type MailDomainFacts } from "./mail-domain";

type Zone = Record<string, LookupOutcome>;

const mx = (...pairs: [number, string][]): LookupOutcome => ({
  kind: "records",
  records: pairs.map(([preference, exchange]) => ({ type: "MX", preference, exchange })),
  ttl: 300,
});
const a: LookupOutcome = { kind: "records", records: [{ type: "A", address: "192.0.2.1" }], ttl: 300 };
const aaaa: LookupOutcome = { kind: "records", records: [{ type: "AAAA", address: "2001:db8::1" }], ttl: 300 };
const nodata: LookupOutcome = { kind: "nodata", ttl: 60 };
const servfail: LookupOutcome = { kind: "dns_error", detail: "SERVFAIL" };

/** A resolver over a fixed table of "TYPE name" answers; anything else is NXDOMAIN. */
function resolverFor(zone: Zone): Pick<DnsResolver, "lookup"> & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    lookup: async (name, type) => {
      asked.push(`${type} ${name}`);
      return (zone[`${type} ${name}`] ?? { kind: "nxdomain", ttl: 60 }) as never;
    },
  };
}

describe("resolveMailDomain", () => {
  it("lists resolvable MX hosts by preference, each once", async () => {
    const resolver = resolverFor({
      "MX example.net": mx([30, "c.example.net"], [10, "b.example.net"], [20, "a.example.net"], [5, "b.example.net"]),
      "A a.example.net": a,
      "A b.example.net": a,
      "A c.example.net": nodata,
      "AAAA c.example.net": aaaa,
    });
    expect(await resolveMailDomain(resolver, "Example.NET.")).toEqual({
      kind: "mx",
      mx: [
        { host: "b.example.net", preference: 5 },
        { host: "a.example.net", preference: 20 },
        { host: "c.example.net", preference: 30 },
      ],
    });
  });

  it("looks up only the MAX_MX_HOSTS best of hundreds of MX hosts, each once", async () => {
    const many = Array.from({ length: 500 }, (_, index): [number, string] => [1000 - index, `mx${index}.example.net`]);
    const duplicates = many.map(([preference, host]): [number, string] => [preference + 1, host]);
    const zone: Zone = { "MX example.net": mx(...many, ...duplicates) };
    for (const [, host] of many) zone[`A ${host}`] = a;
    const resolver = resolverFor(zone);
    const facts = await resolveMailDomain(resolver, "example.net");
    const best = many
      .slice(-MAX_MX_HOSTS)
      .reverse()
      .map(([preference, host]) => ({ host, preference }));
    expect(facts).toEqual({ kind: "mx", mx: best });
    expect(resolver.asked).toHaveLength(1 + MAX_MX_HOSTS);
  });

  it("asks AAAA only when A has no address", async () => {
    const resolver = resolverFor({ "MX example.net": mx([10, "mx.example.net"]), "A mx.example.net": a });
    await resolveMailDomain(resolver, "example.net");
    expect(resolver.asked).toEqual(["MX example.net", "A mx.example.net"]);
  });

  it.each<[string, Zone, MailDomainFacts]>([
    [
      "implicit MX from an A record",
      { "MX example.net": nodata, "A example.net": a },
      { kind: "implicit", host: "example.net", mx: [{ host: "example.net", preference: 0 }] },
    ],
    [
      "implicit MX from an AAAA record",
      { "MX example.net": nodata, "A example.net": nodata, "AAAA example.net": aaaa },
      { kind: "implicit", host: "example.net", mx: [{ host: "example.net", preference: 0 }] },
    ],
    ["null MX, even with an address", { "MX example.net": mx([0, ""]), "A example.net": a }, { kind: "null_mx" }],
    ["NXDOMAIN", {}, { kind: "nxdomain" }],
    ["no MX and no address", { "MX example.net": nodata, "A example.net": nodata, "AAAA example.net": nodata }, { kind: "no_mail" }],
    [
      "MX hosts that do not resolve",
      { "MX example.net": mx([10, "gone.example.net"], [20, "empty.example.net"]), "A empty.example.net": nodata, "AAAA empty.example.net": nodata },
      {
        kind: "unresolvable_mx",
        hosts: [
          { host: "gone.example.net", preference: 10 },
          { host: "empty.example.net", preference: 20 },
        ],
      },
    ],
    [
      "one MX host resolvable, one not",
      { "MX example.net": mx([10, "gone.example.net"], [20, "mx.example.net"]), "A mx.example.net": a },
      { kind: "mx", mx: [{ host: "mx.example.net", preference: 20 }] },
    ],
    [
      "a null MX beside a real one, which wins",
      { "MX example.net": mx([0, ""], [10, "mx.example.net"]), "A mx.example.net": a },
      { kind: "mx", mx: [{ host: "mx.example.net", preference: 10 }] },
    ],
    ["SERVFAIL on MX", { "MX example.net": servfail }, { kind: "dns_error", detail: "SERVFAIL" }],
    [
      "SERVFAIL on the implicit MX's address",
      { "MX example.net": nodata, "A example.net": servfail, "AAAA example.net": nodata },
      { kind: "dns_error", detail: "SERVFAIL" },
    ],
    [
      "SERVFAIL on AAAA after A NODATA",
      { "MX example.net": nodata, "A example.net": nodata, "AAAA example.net": servfail },
      { kind: "dns_error", detail: "SERVFAIL" },
    ],
    [
      "an MX host that SERVFAILs beside one that does not resolve",
      { "MX example.net": mx([10, "gone.example.net"], [20, "flaky.example.net"]), "A flaky.example.net": servfail, "AAAA flaky.example.net": servfail },
      { kind: "dns_error", detail: "SERVFAIL" },
    ],
    [
      "an MX host that SERVFAILs on A but has AAAA",
      { "MX example.net": mx([10, "mx.example.net"]), "A mx.example.net": servfail, "AAAA mx.example.net": aaaa },
      { kind: "mx", mx: [{ host: "mx.example.net", preference: 10 }] },
    ],
  ])("%s", async (_, zone, facts) => {
    expect(await resolveMailDomain(resolverFor(zone), "example.net")).toEqual(facts);
  });
});

describe("mailDomainReason", () => {
  it.each<[MailDomainFacts, ReturnType<typeof mailDomainReason>]>([
    [{ kind: "mx", mx: [{ host: "mx.example.net", preference: 10 }] }, null],
    [{ kind: "implicit", host: "example.net", mx: [{ host: "example.net", preference: 0 }] }, null],
    [{ kind: "nxdomain" }, "invalid_domain"],
    [{ kind: "null_mx" }, "no_mail_server"],
    [{ kind: "no_mail" }, "no_mail_server"],
    [{ kind: "unresolvable_mx", hosts: [{ host: "gone.example.net", preference: 10 }] }, "no_mail_server"],
    [{ kind: "dns_error", detail: "SERVFAIL" }, "dns_error"],
  ])("maps %o to %s", (facts, reason) => {
    expect(mailDomainReason(facts)).toBe(reason);
  });
});
