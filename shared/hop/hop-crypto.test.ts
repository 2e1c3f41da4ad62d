import { describe, expect, it } from "vitest";
import { hmacBase64url, hopKeys, signedByAnyKey } from "./hop-crypto";

describe("hopKeys", () => {
  it("imports a list once, and signs with its first key", async () => {
    const secrets = ["Jefe", "another-key-0123456789"];
    expect(hopKeys(secrets)).toBe(hopKeys(secrets));
    const keys = await hopKeys(secrets);
    expect(keys.all).toHaveLength(2);
    expect(keys.signing).toBe(keys.all[0]);
  });

  it("refuses an empty list without naming any key", () => {
    expect(() => hopKeys([])).toThrow("the hop needs at least one key (MAILVET_PROBER_SECRET)");
  });
});

describe("hmacBase64url", () => {
  it("is HMAC-SHA256 (RFC 4231, test case 2)", async () => {
    const { signing } = await hopKeys(["Jefe"]);
    const hex = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    const expected = btoa(String.fromCharCode(...hex.match(/../g)!.map((pair) => parseInt(pair, 16))))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    expect(await hmacBase64url(signing, "what do ya want for nothing?")).toBe(expected);
  });
});

describe("signedByAnyKey", () => {
  it("accepts a signature made with any key of the list, and nothing else", async () => {
    const [oldKey, otherKey] = ["old-hop-key-0123456789abcdef", "other-hop-key-0123456789abcdef"];
    const signature = await hmacBase64url((await hopKeys([oldKey])).signing, "text");
    expect(await signedByAnyKey(["new-hop-key-0123456789abcdef", oldKey], "text", signature)).toBe(true);
    expect(await signedByAnyKey([otherKey], "text", signature)).toBe(false);
    expect(await signedByAnyKey([oldKey], "other text", signature)).toBe(false);
  });
});
