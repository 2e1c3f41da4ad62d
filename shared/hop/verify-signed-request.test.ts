import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../http/api-error";
import { HOP_HEADERS } from "./hop-headers";
import { createNonceStore, type NonceStore } from "./nonce-store";
import { signRequest } from "./sign-request";
import { endlessBody } from "./testing/endless-body";
import { MAX_HOP_BODY_BYTES, verifySignedRequest } from "./verify-signed-request";

const NEW_KEY = "new-hop-key-0123456789abcdef";
const OLD_KEY = "old-hop-key-0123456789abcdef";
const PROBE_URL = "http://prober/v1/probe";
const BODY = JSON.stringify({ email: "someone@example.net", timeout_ms: 5000 });
const T0 = 1_700_000_000_000;

let clock: number;
let nonces: NonceStore;
beforeEach(() => {
  clock = T0;
  nonces = createNonceStore();
});

/** A request as it would go over the wire, in parts a test can change before sending. */
interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: RequestInit["body"];
}

async function signedProbe({ secrets = [NEW_KEY], body = BODY as RequestInit["body"], url = PROBE_URL } = {}): Promise<Sent> {
  const signed = await signRequest(new Request(url, { method: "POST", body }), secrets, { now: () => clock });
  return { url: signed.url, method: signed.method, headers: new Headers(signed.headers), body };
}

const send = ({ url, method, headers, body }: Sent) => new Request(url, { method, headers, body, duplex: "half" });
const verify = (sent: Sent, secrets: readonly string[] = [NEW_KEY], host = "prober") =>
  verifySignedRequest(send(sent), { secrets, host, nonces, now: () => clock });
const refusedFor = (reason: string) => expect.objectContaining({ status: 401, code: "unauthorized", message: expect.stringContaining(reason) });

describe("verifySignedRequest", () => {
  it("accepts a request signed by the edge and resolves to its body", async () => {
    const body = await verify(await signedProbe());
    expect(new TextDecoder().decode(body)).toBe(BODY);
  });

  it("refuses a forged signature, without reading the body or saying anything about the keys", async () => {
    const sent = await signedProbe();
    const genuine = sent.headers.get(HOP_HEADERS.signature)!;
    sent.headers.set(HOP_HEADERS.signature, `v2=${"A".repeat(43)}`);
    const { stream, reads } = endlessBody();
    const error = await verify({ ...sent, body: stream }).catch((thrown: unknown) => thrown);
    expect(error).toEqual(refusedFor("the signature does not match"));
    expect(reads.pulledBytes).toBe(0);
    expect((error as Error).message).not.toContain(NEW_KEY);
    expect((error as Error).message).not.toContain(genuine.slice(3));
  });

  it("refuses a request signed with a key it does not have", async () => {
    await expect(verify(await signedProbe({ secrets: ["someone-elses-key-0123456789"] }))).rejects.toEqual(refusedFor("the signature does not match"));
  });

  describe("timestamp", () => {
    it("accepts up to 60 s either way", async () => {
      const sent = await signedProbe();
      clock = T0 + 60_000;
      await expect(verify(sent)).resolves.toBeDefined();
      clock = T0 - 60_000;
      await expect(verify(await signedProbe())).resolves.toBeDefined();
    });

    it("refuses a request more than 60 s old", async () => {
      const sent = await signedProbe();
      clock = T0 + 60_001;
      await expect(verify(sent)).rejects.toEqual(refusedFor("the timestamp is more than 60 s in the past"));
    });

    it("refuses a request from more than 60 s in the future", async () => {
      clock = T0 + 61_000;
      const sent = await signedProbe();
      clock = T0;
      await expect(verify(sent)).rejects.toEqual(refusedFor("the timestamp is more than 60 s in the future"));
    });
  });

  describe("replay", () => {
    it("refuses a nonce already used, for as long as its timestamp passes", async () => {
      const sent = await signedProbe();
      await verify(sent);
      await expect(verify(sent)).rejects.toEqual(refusedFor("the nonce was already used"));
      clock = T0 + 60_000;
      await expect(verify(sent)).rejects.toEqual(refusedFor("the nonce was already used"));
      clock = T0 + 60_001;
      await expect(verify(sent)).rejects.toEqual(refusedFor("the timestamp is more than 60 s in the past"));
    });

    it("admits only one of two copies sent at once", async () => {
      const sent = await signedProbe();
      const outcomes = await Promise.allSettled([verify(sent), verify(sent)]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    });

    it("answers 429 with Retry-After when the nonce store is full, and forgets no live nonce", async () => {
      nonces = createNonceStore({ maxEntries: 1 });
      const first = await signedProbe();
      await verify(first);
      clock = T0 + 20_000;
      await expect(verify(await signedProbe())).rejects.toMatchObject({ status: 429, code: "too_many_requests", headers: { "Retry-After": "41" } });
      clock = T0 + 61_000;
      await expect(verify(await signedProbe())).resolves.toBeDefined();
    });
  });

  describe("rotation", () => {
    it("accepts the old key and the new one at once", async () => {
      const rotating = [NEW_KEY, OLD_KEY];
      await expect(verify(await signedProbe({ secrets: [OLD_KEY] }), rotating)).resolves.toBeDefined();
      await expect(verify(await signedProbe({ secrets: [NEW_KEY] }), rotating)).resolves.toBeDefined();
    });

    it("signs with the new key, the first of the list", async () => {
      const sent = await signedProbe({ secrets: [NEW_KEY, OLD_KEY] });
      await expect(verify(sent, [OLD_KEY])).rejects.toEqual(refusedFor("the signature does not match"));
      await expect(verify(sent, [NEW_KEY])).resolves.toBeDefined();
    });
  });

  describe("tampering", () => {
    it("refuses a body that is not the one signed", async () => {
      const sent = await signedProbe();
      await expect(verify({ ...sent, body: BODY.replace("someone", "another") })).rejects.toEqual(refusedFor("the body does not match its signed hash"));
    });

    it.each([
      ["another path", { url: "http://prober/v1/probes" }],
      ["an added query", { url: `${PROBE_URL}?transcript=1` }],
      ["another method", { method: "PUT" }],
    ])("refuses %s", async (_, change) => {
      await expect(verify({ ...(await signedProbe()), ...change })).rejects.toEqual(refusedFor("the signature does not match"));
    });

    it("refuses a request signed for another prober, whatever Host header it comes with", async () => {
      const forEu1 = await signedProbe({ url: "https://eu1.probers.example/v1/probe" });
      // Replayed to eu2 with eu1's URL and Host header intact: eu2 checks against its own host.
      await expect(verify(forEu1, [NEW_KEY], "eu2.probers.example")).rejects.toEqual(refusedFor("the signature does not match"));
      await expect(verify({ ...forEu1, url: "https://eu2.probers.example/v1/probe" }, [NEW_KEY], "eu2.probers.example")).rejects.toEqual(
        refusedFor("the signature does not match"),
      );
      // Another port of the same name is another prober, too.
      await expect(verify(forEu1, [NEW_KEY], "eu1.probers.example:8443")).rejects.toEqual(refusedFor("the signature does not match"));
      await expect(verify(forEu1, [NEW_KEY], "eu1.probers.example")).resolves.toBeDefined();
    });

    it("refuses a claimed body hash that was not signed", async () => {
      const sent = await signedProbe({ body: "{}" });
      const other = await signedProbe();
      sent.headers.set(HOP_HEADERS.contentHash, other.headers.get(HOP_HEADERS.contentHash)!);
      await expect(verify({ ...sent, body: BODY })).rejects.toEqual(refusedFor("the signature does not match"));
    });
  });

  describe("headers", () => {
    it("refuses an unsigned request", async () => {
      await expect(verify({ url: PROBE_URL, method: "POST", headers: new Headers(), body: BODY })).rejects.toEqual(refusedFor("unsigned hop request"));
    });

    it.each(Object.values(HOP_HEADERS))("refuses a request without %s", async (name) => {
      const sent = await signedProbe();
      sent.headers.delete(name);
      await expect(verify(sent)).rejects.toEqual(refusedFor(`${name} is missing`));
    });

    it.each([
      [HOP_HEADERS.timestamp, "soon"],
      [HOP_HEADERS.nonce, "1"],
      [HOP_HEADERS.contentHash, "sha256:abc"],
      [HOP_HEADERS.signature, "hmac-sha256 abc"],
    ])("refuses a malformed %s", async (name, value) => {
      const sent = await signedProbe();
      sent.headers.set(name, value);
      await expect(verify(sent)).rejects.toEqual(refusedFor(`${name} is malformed`));
    });
  });

  describe("body size", () => {
    it("accepts a body of exactly the limit", async () => {
      const body = await verify(await signedProbe({ body: "x".repeat(MAX_HOP_BODY_BYTES) }));
      expect(body.byteLength).toBe(MAX_HOP_BODY_BYTES);
    });

    it("refuses an endless body with 413 once past the limit, without reading the rest", async () => {
      const { stream, reads } = endlessBody();
      await expect(verify({ ...(await signedProbe()), body: stream })).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
      expect(reads.pulledBytes).toBeLessThanOrEqual(MAX_HOP_BODY_BYTES + 16 * 1024);
    });

    it("refuses a declared Content-Length over the limit without reading a byte", async () => {
      const sent = await signedProbe();
      sent.headers.set("Content-Length", String(1 << 30));
      const { stream, reads } = endlessBody();
      await expect(verify({ ...sent, body: stream })).rejects.toMatchObject({ status: 413 });
      expect(reads.pulledBytes).toBe(0);
    });

    it("refuses an unsigned oversized body with 401, as it refuses anything unsigned", async () => {
      const { stream, reads } = endlessBody();
      await expect(verify({ url: PROBE_URL, method: "POST", headers: new Headers(), body: stream })).rejects.toMatchObject({ status: 401 });
      expect(reads.pulledBytes).toBe(0);
    });
  });
});

describe("verifySignedRequest, properties", () => {
  const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 80 });
  const nearlyValid = fc.oneof(
    headerText,
    fc.integer({ min: T0 / 1000 - 120, max: T0 / 1000 + 120 }).map(String),
    fc.stringMatching(/^[A-Za-z0-9_-]{22,64}$/),
    fc.stringMatching(/^v2=[A-Za-z0-9_-]{43}$/),
  );
  const headerValue = fc.option(nearlyValid, { nil: undefined });

  it("refuses any header garbage with a 401, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(headerValue, headerValue, headerValue, headerValue), fc.string(), async (values, body) => {
        const headers = new Headers();
        Object.values(HOP_HEADERS).forEach((name, i) => {
          if (values[i] !== undefined) headers.set(name, values[i]);
        });
        const error = await verify({ url: PROBE_URL, method: "POST", headers, body }).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(ApiError);
        expect(error).toMatchObject({ status: 401 });
      }),
    );
  });

  it("refuses a signed request with any one character of a hop header changed", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.values(HOP_HEADERS)), fc.nat(), fc.constantFrom(...alphabet), async (name, at, replacement) => {
        const sent = await signedProbe();
        const value = sent.headers.get(name)!;
        const index = at % value.length;
        fc.pre(value[index] !== replacement);
        sent.headers.set(name, value.slice(0, index) + replacement + value.slice(index + 1));
        await expect(verify(sent)).rejects.toMatchObject({ status: 401 });
      }),
    );
  });

  it("accepts whatever body and query the edge signs, and gives back the body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 50 }), async (body, query) => {
        const sent = await signedProbe({ body, url: `${PROBE_URL}?q=${encodeURIComponent(query)}` });
        expect(new TextDecoder().decode(await verify(sent))).toBe(body);
      }),
    );
  });
});
