import { describe, expect, it } from "vitest";
import { HOP_HEADERS, readHopHeaders } from "./hop-headers";

const WELL_FORMED = {
  [HOP_HEADERS.timestamp]: "1700000000",
  [HOP_HEADERS.nonce]: "AAAAAAAAAAAAAAAAAAAAAA",
  [HOP_HEADERS.contentHash]: "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
  [HOP_HEADERS.signature]: "v2=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
};

const read = (changes: Record<string, string | null>) => {
  const headers = new Headers(WELL_FORMED);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return () => readHopHeaders(headers);
};

describe("readHopHeaders", () => {
  it("returns the values as sent, the signature without its scheme", () => {
    expect(read({})()).toEqual({
      timestamp: "1700000000",
      nonce: "AAAAAAAAAAAAAAAAAAAAAA",
      contentHash: "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
      signature: "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
    });
  });

  it.each(Object.values(HOP_HEADERS))("refuses a request without %s, naming it", (name) => {
    expect(read({ [name]: null })).toThrow(expect.objectContaining({ status: 401, code: "unauthorized", message: `unsigned hop request: ${name} is missing` }));
  });

  it.each([
    [HOP_HEADERS.timestamp, "1700000000.5"],
    [HOP_HEADERS.timestamp, "-1700000000"],
    [HOP_HEADERS.timestamp, "1e9"],
    [HOP_HEADERS.timestamp, "9999999999999"],
    [HOP_HEADERS.nonce, "too-short"],
    [HOP_HEADERS.nonce, "AAAAAAAAAAAAAAAAAAAAAA=="],
    [HOP_HEADERS.nonce, "A".repeat(65)],
    [HOP_HEADERS.contentHash, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"],
    [HOP_HEADERS.signature, "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"],
    [HOP_HEADERS.signature, "v1=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"],
    [HOP_HEADERS.signature, "v2=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa"],
    [HOP_HEADERS.signature, "v2=ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0="],
  ])("refuses %s: %s as malformed", (name, value) => {
    expect(read({ [name]: value })).toThrow(`hop request refused: ${name} is malformed`);
  });

  it("refuses a header sent twice, which arrives joined with a comma", () => {
    const headers = new Headers(WELL_FORMED);
    headers.append(HOP_HEADERS.nonce, "BBBBBBBBBBBBBBBBBBBBBB");
    expect(() => readHopHeaders(headers)).toThrow(`${HOP_HEADERS.nonce} is malformed`);
  });
});
