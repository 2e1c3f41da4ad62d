import { SELF } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { type ReputationReview, ReputationReviewSchema } from "../../../shared/contract/reputation";

const dnsPeer = inject("dnsPeerUrl");

async function review(query: string): Promise<{ status: number; body: unknown }> {
  const response = await SELF.fetch(`http://edge/v1/reputation?${query}`);
  return { status: response.status, body: await response.json() };
}

describe.skipIf(dnsPeer === null)("GET /v1/reputation in workerd against the local DNS peer", () => {
  it("reviews a good domain and its IPs: every finding passes", async () => {
    const { status, body } = await review("domain=Good.Mailvet-Rep.net.&ip=192.0.2.10,2001:DB8:0::99");
    expect(status).toBe(200);
    const result: ReputationReview = ReputationReviewSchema.parse(body);
    expect(result).toMatchObject({ domain: "good.mailvet-rep.net", ips: ["192.0.2.10", "2001:db8::99"], status: "pass" });
  });

  it("fails a listed IP and an unauthorised one, and says what to fix", async () => {
    const result = ReputationReviewSchema.parse((await review("domain=unauthorised.mailvet-rep.net&ip=192.0.2.11")).body);
    expect(result.status).toBe("fail");
    const failing = result.findings.filter((finding) => finding.status === "fail");
    expect(failing.map((finding) => finding.id)).toEqual(["blocklists:192.0.2.11", "spf:192.0.2.11"]);
    expect(failing.every((finding) => (finding.fix ?? "").length > 0)).toBe(true);
  });

  it("reads Spamhaus's error answer as unknown, never as a listing", async () => {
    const result = ReputationReviewSchema.parse((await review("ip=192.0.2.13")).body);
    expect(result.status).toBe("unknown");
    expect(result.ip_lists.find((check) => check.list === "spamhaus-zen")?.status).toBe("could_not_ask");
  });

  it.each([
    ["", /give a domain, an ip, or both/],
    ["domain=not_a domain", /domain: .* is not a domain name/],
    ["domain=localhost", /is not a domain name/],
    ["ip=192.0.2.300", /"192.0.2.300" is not an IP address/],
    [`ip=${Array.from({ length: 11 }, (_, index) => `192.0.2.${index}`).join(",")}`, /at most 10/],
  ])("answers 400 with the reason for %j", async (query, reason) => {
    const { status, body } = await review(query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid_request", message: expect.stringMatching(reason) } });
  });
});
