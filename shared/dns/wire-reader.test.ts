import { describe, expect, it } from "vitest";
import { MalformedMessage, WireReader } from "./wire-reader";

describe("WireReader", () => {
  it("reads big-endian integers and slices, moving on", () => {
    const reader = new WireReader(new Uint8Array([0x01, 0x02, 0xff, 0xff, 0xff, 0xfe, 7, 8]));
    expect(reader.u16()).toBe(0x0102);
    expect(reader.u32()).toBe(0xfffffffe);
    expect([...reader.take(2)]).toEqual([7, 8]);
    expect(reader.offset).toBe(8);
  });

  it("throws MalformedMessage instead of reading past the end", () => {
    expect(() => new WireReader(new Uint8Array([1])).u16()).toThrow(MalformedMessage);
    expect(() => new WireReader(new Uint8Array([]), 0).u8()).toThrow(MalformedMessage);
    expect(() => new WireReader(new Uint8Array([1, 2]), 1).take(2)).toThrow(MalformedMessage);
  });
});
