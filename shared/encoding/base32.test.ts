import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32, fromBase32 } from "./base32";

describe("base32", () => {
  it("encodes the RFC 4648 test vectors, lower case and unpadded", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "my"],
      ["fo", "mzxq"],
      ["foo", "mzxw6"],
      ["foob", "mzxw6yq"],
      ["fooba", "mzxw6ytb"],
      ["foobar", "mzxw6ytboi"],
    ];
    for (const [text, encoded] of vectors) expect(base32(new TextEncoder().encode(text))).toBe(encoded);
  });

  it("decodes what it encodes, and only canonical texts", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(fromBase32(base32(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase32("mz")).toBeNull(); // "my" is the canonical form of "f"
    expect(fromBase32("MY")).toBeNull();
    expect(fromBase32("m1")).toBeNull();
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const bytes = fromBase32(text);
        expect(bytes === null || base32(bytes) === text).toBe(true);
      }),
    );
  });
});
