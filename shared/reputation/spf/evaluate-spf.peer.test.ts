import { describe, expect, inject, it } from "vitest";
import { createDohResolver } from "../../dns";
import type {} from "../../dns/testing/provided-context";
import { evaluateSpf } from "./evaluate-spf";

const peer = inject("dnsPeerUrl");

/** SPF against the sending domains of infra/local/dns/mailvet-rep.net.zone. */
describe.skipIf(peer === null)("evaluateSpf against the local DNS peer", () => {
  const resolver = createDohResolver({ upstreams: [peer!] });
  const spf = (name: string, ip = "192.0.2.10") => evaluateSpf({ ip, domain: `${name}.mailvet-rep.net` }, resolver);

  it.each([
    ["good", "192.0.2.10", "pass", "ip4:192.0.2.10"],
    ["good", "192.0.2.70", "pass", "include:_spf.mailvet-rep.net ip4:192.0.2.64/26"],
    ["good", "2001:db8::99", "pass", "include:_spf.mailvet-rep.net ip6:2001:db8::/64"],
    ["good", "198.51.100.7", "fail", "-all"],
    ["redirect", "192.0.2.65", "pass", "redirect=_spf.mailvet-rep.net ip4:192.0.2.64/26"],
    ["a-mx", "192.0.2.20", "pass", "a"],
    ["a-mx", "192.0.2.10", "pass", "mx"],
    ["a-mx", "192.0.2.30", "pass", "exists:%{ir}.allow.mailvet-rep.net"],
    ["a-mx", "192.0.2.31", "fail", "-all"],
    ["unauthorised", "192.0.2.10", "fail", "-all"],
    ["soft", "192.0.2.10", "softfail", "~all"],
    ["everyone", "192.0.2.10", "pass", "+all"],
  ])("%s for %s: %s by %s", async (name, ip, result, matched) => {
    expect(await spf(name, ip)).toMatchObject({ result, matched });
  });

  it.each([
    ["toomany", "permerror", /more than 10 DNS lookups/],
    ["void", "permerror", /more than 2 SPF lookups found nothing/],
    ["twospf", "permerror", /has 2 SPF records/],
    ["badsyntax", "permerror", /not an IPv4 address/],
    ["badinclude", "permerror", /include:nospf.mailvet-rep.net: that domain has no SPF record/],
    ["nospf", "none", /has no SPF record/],
    ["nope", "none", /has no SPF record/],
  ])("%s: %s", async (name, result, problem) => {
    const evaluation = await spf(name);
    expect(evaluation.result).toBe(result);
    expect(evaluation.problem).toMatch(problem);
  });

  it("counts the lookups: none until a term needs DNS, and the eleventh a term is one too many", async () => {
    expect((await spf("toomany")).lookups).toBe(11);
    expect((await spf("good", "192.0.2.10")).lookups).toBe(0);
    expect((await spf("good", "192.0.2.70")).lookups).toBe(1);
  });

  it("is a temperror when DNS fails, not a fail", async () => {
    const broken = createDohResolver({ upstreams: ["http://127.0.0.1:9/dns-query"], timeoutMs: 500 });
    expect((await evaluateSpf({ ip: "192.0.2.10", domain: "good.mailvet-rep.net" }, broken)).result).toBe("temperror");
  });
});
