import { describe, expect, inject, it } from "vitest";
import { createDohResolver } from "./doh-resolver";
import { mailDomainReason, resolveMailDomain, type MailDomainFacts } from "./mail-domain";
import type {} from "./testing/provided-context";

const peer = inject("dnsPeerUrl");
const mx1 = { host: "mx1.multi-mx.mailvet-fixture.net", preference: 10 };

/** The contract's domain verdict table, row by row, against the fixture zones (infra/local/dns). */
describe.skipIf(peer === null)("resolveMailDomain against the local DNS peer", () => {
  const resolver = createDohResolver({ upstreams: [peer!] });

  it.each<[string, string, Partial<MailDomainFacts>, ReturnType<typeof mailDomainReason>]>([
    [
      "several MX, out of order",
      "multi-mx.mailvet-fixture.net",
      { kind: "mx", mx: [mx1, { host: "mx2.multi-mx.mailvet-fixture.net", preference: 20 }, { host: "mx3.multi-mx.mailvet-fixture.net", preference: 30 }] },
      null,
    ],
    ["MX through a CNAME chain", "cname-mx.mailvet-fixture.net", { kind: "mx" }, null],
    [
      "an MX host that is an alias",
      "alias-host-mx.mailvet-fixture.net",
      { kind: "mx", mx: [{ host: "alias-host.mailvet-fixture.net", preference: 10 }] },
      null,
    ],
    ["implicit MX from A", "a-only.mailvet-fixture.net", { kind: "implicit", mx: [{ host: "a-only.mailvet-fixture.net", preference: 0 }] }, null],
    ["implicit MX from AAAA", "aaaa-only.mailvet-fixture.net", { kind: "implicit", host: "aaaa-only.mailvet-fixture.net" }, null],
    ["null MX", "null-mx.mailvet-fixture.net", { kind: "null_mx" }, "no_mail_server"],
    ["no MX and no address", "no-mail.mailvet-fixture.net", { kind: "no_mail" }, "no_mail_server"],
    ["an alias to nothing", "dangling.mailvet-fixture.net", { kind: "no_mail" }, "no_mail_server"],
    ["MX hosts that do not resolve", "dead-mx.mailvet-fixture.net", { kind: "unresolvable_mx" }, "no_mail_server"],
    ["one MX host resolvable, one not", "half-dead-mx.mailvet-fixture.net", { kind: "mx", mx: [{ ...mx1, preference: 20 }] }, null],
    ["NXDOMAIN in a fixture zone", "nope.mailvet-fixture.net", { kind: "nxdomain" }, "invalid_domain"],
    ["NXDOMAIN outside every zone", "unregistered-fixture.net", { kind: "nxdomain" }, "invalid_domain"],
    ["SERVFAIL", "servfail.mailvet-fixture.net", { kind: "dns_error" }, "dns_error"],
    ["an MX host that SERVFAILs beside one that does not resolve", "servfail-mx.mailvet-fixture.net", { kind: "dns_error" }, "dns_error"],
    ["an alias loop", "loop-a.mailvet-fixture.net", { kind: "dns_error" }, "dns_error"],
    ["an IDN name (A-label)", "xn--bcher-kva.mailvet-fixture.net", { kind: "mx", mx: [mx1] }, null],
    ["an IDN zone (A-label)", "xn--mailvet-prfung-psb.net", { kind: "mx", mx: [{ host: "mx.xn--mailvet-prfung-psb.net", preference: 10 }] }, null],
  ])("%s: %s", async (_, domain, facts, reason) => {
    const resolved = await resolveMailDomain(resolver, domain);
    expect(resolved).toMatchObject(facts);
    expect(mailDomainReason(resolved)).toBe(reason);
  });

  it("gives dns_error, not a verdict, when every upstream is down", async () => {
    const down = createDohResolver({ upstreams: ["http://127.0.0.1:2/dns-query"] });
    const resolved = await resolveMailDomain(down, "multi-mx.mailvet-fixture.net");
    expect(mailDomainReason(resolved)).toBe("dns_error");
  });
});
