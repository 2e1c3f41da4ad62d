import { describe, expect, it } from "vitest";
import { canonicalHopString } from "./canonical-string";
import { sha256Base64url } from "../encoding/sha256";
import { hmacBase64url, hopKeys } from "./hop-crypto";
import { HOP_HEADERS } from "./hop-headers";
import { signRequest } from "./sign-request";

const NEW_KEY = "new-hop-key-0123456789abcdef";
const OLD_KEY = "old-hop-key-0123456789abcdef";
const BODY = JSON.stringify({ email: "someone@example.net" });
const probeRequest = () => new Request("http://prober/v1/probe?transcript=1", { method: "POST", body: BODY, headers: { "Content-Type": "application/json" } });

describe("signRequest", () => {
  it("keeps method, URL, headers and body, and adds the hop headers", async () => {
    const signed = await signRequest(probeRequest(), [NEW_KEY], { now: () => 1_700_000_000_999 });
    expect(signed.method).toBe("POST");
    expect(signed.url).toBe("http://prober/v1/probe?transcript=1");
    expect(signed.headers.get("content-type")).toBe("application/json");
    expect(await signed.text()).toBe(BODY);
    expect(signed.headers.get(HOP_HEADERS.timestamp)).toBe("1700000000");
    expect(signed.headers.get(HOP_HEADERS.nonce)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(signed.headers.get(HOP_HEADERS.contentHash)).toBe(await sha256Base64url(new TextEncoder().encode(BODY)));
    expect(signed.headers.get(HOP_HEADERS.signature)).toMatch(/^v2=[A-Za-z0-9_-]{43}$/);
  });

  it("signs the canonical string with the first key, the new one during a rotation", async () => {
    const signed = await signRequest(probeRequest(), [NEW_KEY, OLD_KEY]);
    const claims = {
      timestamp: signed.headers.get(HOP_HEADERS.timestamp)!,
      nonce: signed.headers.get(HOP_HEADERS.nonce)!,
      contentHash: signed.headers.get(HOP_HEADERS.contentHash)!,
    };
    const { signing } = await hopKeys([NEW_KEY]);
    expect(signed.headers.get(HOP_HEADERS.signature)).toBe(`v2=${await hmacBase64url(signing, canonicalHopString(signed, claims))}`);
  });

  it("draws a fresh nonce for every request", async () => {
    const nonces = await Promise.all(Array.from({ length: 50 }, async () => (await signRequest(probeRequest(), [NEW_KEY])).headers.get(HOP_HEADERS.nonce)));
    expect(new Set(nonces).size).toBe(50);
  });

  it("signs a request without a body over the hash of no bytes", async () => {
    const signed = await signRequest(new Request("http://prober/v1/status"), [NEW_KEY]);
    expect(signed.body).toBeNull();
    expect(signed.headers.get(HOP_HEADERS.contentHash)).toBe(await sha256Base64url(new Uint8Array()));
  });
});
