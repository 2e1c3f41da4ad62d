import fc from "fast-check";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ApiError } from "../http/api-error";
import { handleError } from "../http/error-handler";
import { requireHopSignature, type HopSignatureOptions } from "./hono-middleware";
import { HOP_HEADERS } from "./hop-headers";
import { signRequest } from "./sign-request";
import { verifySignedResponse } from "./verify-signed-response";
import { endlessBody } from "./testing/endless-body";

const KEY = "prober-hop-key-0123456789abcdef";
const PROBE_URL = "http://prober/v1/probe";

/** A prober in miniature: the middleware on /v1/*, and handlers that count what reached them. */
function proberApp(options: Partial<HopSignatureOptions> = {}) {
  const reached: unknown[] = [];
  const app = new Hono();
  app.use("/v1/*", requireHopSignature({ secrets: [KEY], host: "prober", ...options }));
  app.post("/v1/probe", async (c) => {
    reached.push(await c.req.json());
    return c.json({ ok: true });
  });
  app.post("/v1/refuse", () => {
    throw new ApiError(400, "invalid_request", "no");
  });
  app.get("/v1/status", (c) => {
    reached.push("status");
    return c.json({ ok: true });
  });
  app.onError(handleError);
  return { app, reached };
}

const signedProbe = (body: unknown) => signRequest(new Request(PROBE_URL, { method: "POST", body: JSON.stringify(body) }), [KEY]);

describe("requireHopSignature", () => {
  it("lets a signed request through, with its body readable by the handler", async () => {
    const { app, reached } = proberApp();
    const response = await app.request(await signedProbe({ email: "someone@example.net" }));
    expect(response.status).toBe(200);
    expect(reached).toEqual([{ email: "someone@example.net" }]);
  });

  it("signs every answer for the nonce of the request it answers, errors included", async () => {
    const { app } = proberApp();
    const signed = await signedProbe({ email: "someone@example.net" });
    const requestNonce = signed.headers.get(HOP_HEADERS.nonce)!;
    const answer = await app.request(signed);
    expect(new TextDecoder().decode(await verifySignedResponse(answer, { secrets: [KEY], requestNonce }))).toBe('{"ok":true}');

    const refusal = await signRequest(new Request("http://prober/v1/refuse", { method: "POST", body: "{}" }), [KEY]);
    const refused = await app.request(refusal);
    expect(refused.status).toBe(400);
    await expect(verifySignedResponse(refused, { secrets: [KEY], requestNonce: refusal.headers.get(HOP_HEADERS.nonce)! })).resolves.toBeDefined();
  });

  it("answers a request signed for another prober's host 401", async () => {
    const { app, reached } = proberApp();
    const forAnother = await signRequest(new Request("http://other-prober/v1/probe", { method: "POST", body: "{}" }), [KEY]);
    const response = await app.request(PROBE_URL, { method: "POST", headers: forAnother.headers, body: "{}" });
    expect(response.status).toBe(401);
    expect(reached).toEqual([]);
  });

  it("lets a signed request without a body through", async () => {
    const { app, reached } = proberApp();
    const response = await app.request(await signRequest(new Request("http://prober/v1/status"), [KEY]));
    expect(response.status).toBe(200);
    expect(reached).toEqual(["status"]);
  });

  it("answers a forged request 401 in the API's error shape, and the handler never runs", async () => {
    const { app, reached } = proberApp();
    const forged = await signRequest(new Request(PROBE_URL, { method: "POST", body: "{}" }), ["not-the-prober-key-0123456789"]);
    const response = await app.request(forged);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "hop request refused: the signature does not match" } });
    expect(reached).toEqual([]);
  });

  it("answers a replay 401", async () => {
    const { app } = proberApp();
    const signed = await signedProbe({ email: "someone@example.net" });
    const copy = signed.clone();
    expect((await app.request(signed)).status).toBe(200);
    expect((await app.request(copy)).status).toBe(401);
  });

  it("answers an endless body 413 without reading it all", async () => {
    const { app, reached } = proberApp();
    const signed = await signedProbe({});
    const { stream, reads } = endlessBody();
    const response = await app.request(PROBE_URL, { method: "POST", headers: signed.headers, body: stream, duplex: "half" });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(reads.pulledBytes).toBeLessThan(128 * 1024);
    expect(reached).toEqual([]);
  });

  it("answers 429 with Retry-After when its nonce store is full", async () => {
    const { app } = proberApp({ maxNonces: 1 });
    expect((await app.request(await signedProbe({}))).status).toBe(200);
    const response = await app.request(await signedProbe({}));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses to be set up without a key", () => {
    expect(() => requireHopSignature({ secrets: [], host: "prober" })).toThrow("MAILVET_PROBER_SECRET");
  });

  it("answers any header garbage 401, never 500", async () => {
    const { app, reached } = proberApp();
    const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...Object.values(HOP_HEADERS)), headerText), async (headers) => {
        const response = await app.request(PROBE_URL, { method: "POST", headers, body: "{}" });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
      }),
    );
    expect(reached).toEqual([]);
  });
});
