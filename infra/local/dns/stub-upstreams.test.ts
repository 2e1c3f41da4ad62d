import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base64url } from "../../../shared/encoding/base64url";
import { encodeQuery } from "../../../shared/dns/encode-query";
import { parseMessage } from "../../../shared/dns/parse-message";
import { startStubUpstreams, type StubUpstreams } from "./stub-upstreams";

const query = encodeQuery("example.net", "MX")!;

describe("startStubUpstreams", () => {
  let stubs: StubUpstreams;
  beforeAll(async () => {
    stubs = await startStubUpstreams();
  });
  afterAll(() => stubs.stop());

  it("answers SERVFAIL to the question asked, by GET and by POST", async () => {
    const byGet = await fetch(`${stubs.baseUrl}/servfail?dns=${base64url(query)}`);
    const byPost = await fetch(`${stubs.baseUrl}/servfail`, { method: "POST", body: query });
    for (const response of [byGet, byPost]) {
      expect(response.headers.get("content-type")).toBe("application/dns-message");
      expect(parseMessage(new Uint8Array(await response.arrayBuffer()))).toMatchObject({
        ok: true,
        message: { isResponse: true, rcode: 2, questions: [{ name: "example.net", code: 15 }] },
      });
    }
  });

  it("hangs, answers garbage, fails, and refuses methods as it says", async () => {
    await expect(fetch(`${stubs.baseUrl}/hang`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const garbage = await fetch(`${stubs.baseUrl}/garbage`);
    expect([garbage.status, garbage.headers.get("content-type")]).toEqual([200, "application/dns-message"]);
    expect((await garbage.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect((await fetch(`${stubs.baseUrl}/http-error`)).status).toBe(503);
    expect((await fetch(`${stubs.baseUrl}/post-only?dns=${base64url(query)}`)).status).toBe(405);
    expect((await fetch(`${stubs.baseUrl}/get-only`, { method: "POST", body: query })).status).toBe(405);
  });
});
