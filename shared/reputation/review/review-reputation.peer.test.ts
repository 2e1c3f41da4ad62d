import { describe, expect, inject, it } from "vitest";
import { createDohResolver } from "../../dns";
import type {} from "../../dns/testing/provided-context";
import { reviewReputation } from "./review-reputation";

const peer = inject("dnsPeerUrl");

/** The whole review against the sending domains of infra/local/dns/mailvet-rep.net.zone. */
describe.skipIf(peer === null)("reviewReputation against the local DNS peer", () => {
  const resolver = createDohResolver({ upstreams: [peer!] });
  const review = (name: string, ips: string[] = ["192.0.2.10"]) => reviewReputation({ domain: `${name}.mailvet-rep.net`, ips }, resolver);
  const statuses = async (name: string, ips?: string[]) =>
    Object.fromEntries((await review(name, ips)).findings.map((finding) => [finding.id, finding.status]));

  it("passes a domain whose records are all right and whose IPs are on no list", async () => {
    const result = await review("good", ["192.0.2.10", "2001:db8::99"]);
    expect(result.status).toBe("pass");
    expect(result.findings.map((finding) => finding.id)).toEqual([
      "blocklists:192.0.2.10",
      "blocklists:2001:db8::99",
      "domain-blocklists",
      "mx",
      "spf-record",
      "spf:192.0.2.10",
      "spf:2001:db8::99",
      "dmarc",
    ]);
    expect(result.findings.every((finding) => finding.fix === null)).toBe(true);
    expect(result).toMatchObject({ dmarc: { policy: "reject" }, mx: { kind: "mx", hosts: ["mx.mailvet-rep.net"] } });
  });

  it.each([
    ["toomany", "spf-record", "fail", /more than 10 DNS lookups/, /Flatten/],
    ["void", "spf-record", "fail", /found nothing/, /no longer exist/],
    ["twospf", "spf-record", "fail", /2 SPF records/, /Merge/],
    ["badsyntax", "spf-record", "fail", /not an IPv4 address/, /RFC 7208/],
    ["nospf", "spf-record", "fail", /no SPF record/, /v=spf1/],
    ["everyone", "spf-record", "fail", /every server on the internet/, /-all/],
    ["unauthorised", "spf:192.0.2.10", "fail", /not authorised .* -all/, /ip4:192.0.2.10/],
    ["soft", "spf:192.0.2.10", "fail", /softfail/, /ip4:192.0.2.10/],
    ["dmarc-none", "dmarc", "warn", /p=none/, /p=quarantine/],
    ["dmarc-bad", "dmarc", "fail", /p=maybe is not a policy/, /Correct/],
    ["no-dmarc", "dmarc", "fail", /no DMARC record/, /_dmarc/],
    ["nomx", "mx", "fail", /no MX record and no address/, /MX record/],
    ["nullmx", "mx", "warn", /null MX/, /MX/],
    ["lost-reports", "dmarc-reports:nomx.mailvet-rep.net", "warn", /lost/, /rua=/],
    ["badinclude", "spf-dmarc", "warn", /DKIM alone/, /SPF record/],
    ["spammy", "domain-blocklists", "fail", /Spamhaus DBL .*URIBL/, /removal/],
    ["refused", "domain-blocklists", "unknown", /could not be asked/, /not a listing/],
  ])("%s: the %s finding is %s, in words, with the fix", async (name, id, status, summary, fix) => {
    const finding = (await review(name)).findings.find((each) => each.id === id);
    expect(finding).toMatchObject({ status, summary: expect.stringMatching(summary), fix: expect.stringMatching(fix) });
  });

  it("fails listed IPs, and never fails an IP whose list could not be asked", async () => {
    expect(await statuses("good", ["192.0.2.11", "192.0.2.13", "192.0.2.17"])).toMatchObject({
      "blocklists:192.0.2.11": "fail",
      "blocklists:192.0.2.13": "unknown",
      "blocklists:192.0.2.17": "unknown",
    });
  });

  it("reviews IPs alone, without a domain", async () => {
    const result = await reviewReputation({ domain: null, ips: ["192.0.2.12"] }, resolver);
    expect(result).toMatchObject({ status: "fail", spf: null, dmarc: null, mx: null, domain_lists: [] });
    expect(result.findings[0]?.summary).toMatch(/Spamhaus ZEN .*XBL.*SpamCop/);
  });
});
