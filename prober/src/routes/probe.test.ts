import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { ProbeResponse } from "../../../shared/contract/probe";
import { HOP_HEADERS, signRequest, verifySignedResponse } from "../../../shared/hop";
import { createProberApp } from "../app";
import { type AdmissionRefusal, ProbeRefused } from "../probe/admission";
import { createBlockReplyWindow } from "../doctor/block-replies";
import type { ProbeService } from "../probe/service";
import { probeRequest, useProbeHarness } from "../probe/testing/probe-harness";
import { mta } from "../smtp/testing/mta";

const KEY = "prober-test-key-0123456789abcdef";
const ANSWER: ProbeResponse = { prober: "probe.test", catch_all: false, results: [] };

/** A service that answers at once, or refuses (a reason), counting the probes that reached it. */
function fakeService(answer: ProbeResponse | AdmissionRefusal = ANSWER, stopping = false) {
  const probe = vi.fn(async () => {
    if (typeof answer === "string") throw new ProbeRefused(answer);
    return answer;
  });
  const service: ProbeService = { probe, inFlight: 0, stopping, blockReplies: createBlockReplyWindow(), shutdown: async () => {} };
  return { service, probe };
}

const post = (body: string) => new Request("http://prober/v1/probe", { method: "POST", headers: { "content-type": "application/json" }, body });
const signed = (body: string, key = KEY) => signRequest(post(body), [key]);
const valid = JSON.stringify(probeRequest(["mx1.example.org"], ["alice@example.org"]));

describe("POST /v1/probe", () => {
  it("answers a signed, valid request with the service's response", async () => {
    const { service, probe } = fakeService();
    const response = await createProberApp({ secrets: [KEY], host: "prober", service }).request(await signed(valid));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(ANSWER);
    expect(probe).toHaveBeenCalledWith(JSON.parse(valid));
  });

  it("echoes the edge's request id, which arrives in the signed body, in X-Request-Id", async () => {
    const { service } = fakeService();
    const body = JSON.stringify({ ...JSON.parse(valid), request_id: "8f1e2d3c4b5a6978-AMS" });
    const response = await createProberApp({ secrets: [KEY], host: "prober", service }).request(await signed(body));
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Request-Id")).toBe("8f1e2d3c4b5a6978-AMS");
  });

  it("refuses a request id that could break a log line, with a 400", async () => {
    const { service, probe } = fakeService();
    const body = JSON.stringify({ ...JSON.parse(valid), request_id: 'x"\n{"level":"error"}' });
    const response = await createProberApp({ secrets: [KEY], host: "prober", service }).request(await signed(body));
    expect(response.status).toBe(400);
    expect(probe).not.toHaveBeenCalled();
  });

  it("signs its answer for the request it answers", async () => {
    const { service } = fakeService();
    const request = await signed(valid);
    const response = await createProberApp({ secrets: [KEY], host: "prober", service }).request(request);
    const body = await verifySignedResponse(response, { secrets: [KEY], requestNonce: request.headers.get(HOP_HEADERS.nonce)! });
    expect(JSON.parse(new TextDecoder().decode(body))).toEqual(ANSWER);
  });

  it.each([
    ["unsigned", async () => post(valid)],
    ["signed with another key", async () => signed(valid, "not-the-prober-key-0123456789")],
    ["signed for another prober", async () => signRequest(new Request("http://another-prober/v1/probe", { method: "POST", body: valid }), [KEY])],
  ])("answers a request %s 401 before any work", async (_, request) => {
    const { service, probe } = fakeService();
    const response = await createProberApp({ secrets: [KEY], host: "prober", service }).request(await request());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(probe).not.toHaveBeenCalled();
  });

  it.each([
    ["a body that is not JSON", "{"],
    ["a JSON body that is not a request", '{"email":"alice@example.org"}'],
    ["an address at another domain", JSON.stringify(probeRequest(["mx1.example.org"], ["victim@elsewhere.example"]))],
  ])("answers %s 400", async (_, body) => {
    const { service, probe } = fakeService();
    const response = await createProberApp({ secrets: [KEY], host: "prober", service }).request(await signed(body));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request" } });
    expect(probe).not.toHaveBeenCalled();
  });

  it("answers any signed body 200 or 400, never 500", async () => {
    const { service } = fakeService();
    const app = createProberApp({ secrets: [KEY], host: "prober", service });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (body) => {
        const response = await app.request(await signed(body));
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 50 },
    );
  });

  it("answers 429 with Retry-After when the prober is full", async () => {
    const { service } = fakeService("full");
    const response = await createProberApp({ secrets: [KEY], host: "prober", service }).request(await signed(valid));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ error: { code: "too_many_requests", message: "the prober is at its limit of concurrent sessions" } });
  });

  it("says so when it refuses because it is shutting down", async () => {
    const { service } = fakeService("closed", true);
    const response = await createProberApp({ secrets: [KEY], host: "prober", service }).request(await signed(valid));
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ error: { message: "the prober is shutting down" } });
  });
});

describe("POST /v1/probe with the real service", () => {
  const harness = useProbeHarness();

  it("answers 429 with Retry-After at once while its only session is busy", async () => {
    const tarpit = await harness.servers.start({ greeting: null, respond: mta() });
    const { service } = harness.service(tarpit.port, { "mx1.example.org": ["127.0.0.1"] }, { maxSessions: 1 });
    const app = createProberApp({ secrets: [KEY], host: "prober", service });
    const busy = JSON.stringify(probeRequest(["mx1.example.org"], ["alice@example.org"], { budget_ms: 60_000 }));
    const first = app.request(await signed(busy));
    await vi.waitFor(() => expect(service.inFlight).toBe(1));
    const second = await app.request(await signed(valid));
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("1");
    await service.shutdown(0);
    expect(((await (await first).json()) as ProbeResponse).results[0]!.reason).toBe("timeout");
  });

  it("answers 429 to a caller that holds its share of the sessions, and only to that caller", async () => {
    const tarpit = await harness.servers.start({ greeting: null, respond: mta() });
    const { service } = harness.service(tarpit.port, { "mx1.example.org": ["127.0.0.1"] }, { maxSessions: 4 });
    const app = createProberApp({ secrets: [KEY], host: "prober", service });
    const from = async (caller: string) =>
      app.request(await signed(JSON.stringify(probeRequest(["mx1.example.org"], ["alice@example.org"], { budget_ms: 60_000, caller }))));
    // Alone, a caller gets half of the 4 sessions.
    const greedy = [from("aaaa"), from("aaaa")];
    await vi.waitFor(() => expect(service.inFlight).toBe(2));
    const refused = await from("aaaa");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({ error: { code: "too_many_requests", message: expect.stringMatching(/this caller holds its share/) } });
    const other = from("bbbb");
    await vi.waitFor(() => expect(service.inFlight).toBe(3));
    await service.shutdown(0);
    for (const response of await Promise.all([...greedy, other])) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as ProbeResponse).results[0]!.reason).toBe("timeout");
    }
  });
});
