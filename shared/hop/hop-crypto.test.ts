import { describe, expect, it } from "vitest";
import { hmacBase64url, hopKeys } from "./hop-crypto";

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

