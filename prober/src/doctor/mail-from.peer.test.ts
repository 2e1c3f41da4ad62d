import { describe, expect, inject, it } from "vitest";
import { createDohResolver, createMemoryCache } from "../../../shared/dns";
import type {} from "../../../shared/dns/testing/provided-context";
import { checkMailFrom, checkSpf } from "./mail-from";

const peer = inject("dnsPeerUrl");

/** Against the local DNS peer's MAIL FROM domains (infra/local/dns/mailvet-doctor.net.zone). */
describe.skipIf(peer === null)("the MAIL FROM domain", () => {
  const resolver = createDohResolver({ upstreams: [peer!], cache: createMemoryCache() });
  const spf = (mailFrom: string, ip = "127.0.0.1") => checkSpf({ ip, mailFrom, helo: "probe.mailvet-doctor.net" }, resolver);

  it("passes a domain with an MX, and SPF authorising the egress IPs", async () => {
    expect(await checkMailFrom("verify@mailvet-doctor.net", resolver)).toMatchObject({
      status: "pass",
      summary: "The MAIL FROM domain mailvet-doctor.net exists and has an MX (mx1.mailvet-mta.net).",
    });
    expect(await spf("verify@mailvet-doctor.net")).toMatchObject({
      status: "pass",
      summary: "The SPF record of mailvet-doctor.net authorises 127.0.0.1 (ip4:127.0.0.1).",
    });
    expect((await spf("verify@mailvet-doctor.net", "::1")).status).toBe("pass");
  });

  it("fails a domain that does not exist, or has no MX", async () => {
    expect(await checkMailFrom("verify@gone.mailvet-doctor.net", resolver)).toMatchObject({
      status: "fail",
      summary: expect.stringContaining("does not exist"),
    });
    expect(await checkMailFrom("verify@nomx.mailvet-doctor.net", resolver)).toMatchObject({ status: "fail", summary: expect.stringContaining("has no MX") });
  });

  it("fails SPF that is missing or does not authorise the egress IP, and says the record to publish", async () => {
    expect(await spf("verify@nospf.mailvet-doctor.net")).toMatchObject({
      status: "fail",
      fix: 'Publish a TXT record at nospf.mailvet-doctor.net: "v=spf1 ip4:127.0.0.1 -all".',
    });
    expect(await spf("verify@wrongspf.mailvet-doctor.net")).toMatchObject({
      status: "fail",
      summary: "The SPF record of wrongspf.mailvet-doctor.net does not authorise 127.0.0.1 (fail).",
      fix: 'Add ip4:127.0.0.1 to the SPF record of wrongspf.mailvet-doctor.net, before its "all".',
    });
  });
});
