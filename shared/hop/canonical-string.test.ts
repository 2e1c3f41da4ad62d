import { describe, expect, it } from "vitest";
import { canonicalHopString } from "./canonical-string";

const claims = { timestamp: "1700000000", nonce: "AAAAAAAAAAAAAAAAAAAAAA", contentHash: "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU" };

describe("canonicalHopString", () => {
  it("puts version, method, path with query, timestamp, nonce and body hash on lines of their own", () => {
    const request = new Request("http://prober.example:8788/v1/probe?transcript=1", { method: "POST" });
    expect(canonicalHopString(request, claims)).toBe(
      "mailvet-hop-v1\nPOST\n/v1/probe?transcript=1\n1700000000\nAAAAAAAAAAAAAAAAAAAAAA\n47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
    );
  });

  it("leaves out the host, and keeps line breaks out of the path", () => {
    const viaProxy = canonicalHopString(new Request("https://eu1.probers.example/v1/probe", { method: "POST" }), claims);
    expect(canonicalHopString(new Request("http://127.0.0.1:8788/v1/probe", { method: "POST" }), claims)).toBe(viaProxy);
    const sneaky = canonicalHopString(new Request("http://prober/v1/probe?x=\n1700000000", { method: "POST" }), claims);
    expect(sneaky.split("\n")).toHaveLength(6);
  });
});
