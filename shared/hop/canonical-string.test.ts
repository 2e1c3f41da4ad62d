import { describe, expect, it } from "vitest";
import { canonicalHopResponseString, canonicalHopString } from "./canonical-string";

const claims = { timestamp: "1700000000", nonce: "AAAAAAAAAAAAAAAAAAAAAA", contentHash: "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU" };

describe("canonicalHopString", () => {
  it("puts version, method, host, path with query, timestamp, nonce and body hash on lines of their own", () => {
    const request = new Request("http://prober.example:8788/v1/probe?transcript=1", { method: "POST" });
    expect(canonicalHopString(request, claims)).toBe(
      "mailvet-hop-v2\nPOST\nprober.example:8788\n/v1/probe?transcript=1\n1700000000\nAAAAAAAAAAAAAAAAAAAAAA\n47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
    );
  });

  it("writes the host as URL.host does: lower case, no default port, IPv6 in brackets", () => {
    const hostOf = (url: string) => canonicalHopString(new Request(url, { method: "POST" }), claims).split("\n")[2];
    expect(hostOf("https://EU1.Probers.example:443/v1/probe")).toBe("eu1.probers.example");
    expect(hostOf("http://[::1]:8788/v1/probe")).toBe("[::1]:8788");
  });

  it("takes the verifier's own host over the request's", () => {
    const received = new Request("http://eu1.probers.example/v1/probe", { method: "POST" });
    expect(canonicalHopString(received, claims, "eu2.probers.example")).toBe(
      canonicalHopString(new Request("http://eu2.probers.example/v1/probe", { method: "POST" }), claims),
    );
  });

  it("keeps line breaks out of the path", () => {
    const sneaky = canonicalHopString(new Request("http://prober/v1/probe?x=\n1700000000", { method: "POST" }), claims);
    expect(sneaky.split("\n")).toHaveLength(7);
  });
});

describe("canonicalHopResponseString", () => {
  it("puts version, status, the request's nonce and the body hash on lines of their own", () => {
    expect(canonicalHopResponseString(200, claims.nonce, claims.contentHash)).toBe(
      "mailvet-hop-response-v2\n200\nAAAAAAAAAAAAAAAAAAAAAA\n47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
    );
  });
});
