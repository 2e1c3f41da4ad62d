import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTable, encodeTable } from "./model-file";

describe("encodeTable and decodeTable", () => {
  it("encode signed bytes as base64", () => {
    expect(encodeTable(Int8Array.of(-1, 0, 1))).toBe("/wAB");
    expect(decodeTable("/wAB")).toEqual(Int8Array.of(-1, 0, 1));
  });

  it("round-trip every table", () => {
    fc.assert(
      fc.property(fc.int8Array(), (values) => {
        expect(decodeTable(encodeTable(values))).toEqual(values);
      }),
    );
  });
});
