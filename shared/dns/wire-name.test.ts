import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalName, encodeName, readName } from "./wire-name";
import { MalformedMessage, WireReader } from "./wire-reader";

/** A reader positioned at `offset` over 12 filler octets (a header's worth) then `body`. */
const at = (offset: number, ...body: number[]) => new WireReader(new Uint8Array([...new Array(12).fill(0), ...body]), offset);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

describe("readName", () => {
  it("reads labels up to the root and moves past them", () => {
    const reader = at(12, 2, ...ascii("mx"), 7, ...ascii("Example"), 3, ...ascii("COM"), 0, 0xff);
    expect(readName(reader)).toBe("mx.example.com");
    expect(reader.offset).toBe(12 + 16);
  });

  it("reads the root as the empty name", () => {
    expect(readName(at(12, 0))).toBe("");
  });

  it("follows a pointer to an earlier name and resumes after the pointer", () => {
    // offset 12: example.com ; offset 25: mx + pointer to 12 ; offset 30: a + pointer to 25
    const bytes = [7, ...ascii("example"), 3, ...ascii("com"), 0, 2, ...ascii("mx"), 0xc0, 12, 1, ...ascii("a"), 0xc0, 25];
    const reader = at(30, ...bytes);
    expect(readName(reader)).toBe("a.mx.example.com");
    expect(reader.offset).toBe(34);
  });

  it("rejects a pointer to itself, forward, or back into a loop", () => {
    expect(() => readName(at(12, 0xc0, 12))).toThrow(MalformedMessage);
    expect(() => readName(at(12, 0xc0, 14, 0))).toThrow(MalformedMessage);
    // offset 12: "a" then pointer to 12: jumping back re-reads the same pointer forever.
    expect(() => readName(at(14, 1, ...ascii("a"), 0xc0, 12))).toThrow(MalformedMessage);
    // two names pointing at each other
    expect(() => readName(at(16, 1, ...ascii("a"), 0xc0, 16, 1, ...ascii("b"), 0xc0, 12))).toThrow(MalformedMessage);
  });

  it("rejects truncation, reserved label types and names over 255 octets", () => {
    expect(() => readName(at(12, 3, ...ascii("ab")))).toThrow(MalformedMessage);
    expect(() => readName(at(12, 0xc0))).toThrow(MalformedMessage);
    expect(() => readName(at(12, 0x41, 0))).toThrow(MalformedMessage);
    const long = Array.from({ length: 5 }, () => [63, ...new Array(63).fill(0x61)]).flat();
    expect(() => readName(at(12, ...long, 0))).toThrow(MalformedMessage);
  });

  it("escapes octets that are not plain text, so labels cannot fake dots", () => {
    expect(readName(at(12, 3, 0x61, 0x2e, 0x00, 0))).toBe("a\\046\\000");
  });
});

describe("encodeName", () => {
  it("lower-cases and accepts one trailing dot", () => {
    expect(encodeName("Ab.C.")).toEqual(new Uint8Array([2, 0x61, 0x62, 1, 0x63, 0]));
    expect(encodeName(".")).toEqual(new Uint8Array([0]));
  });

  it.each(["a..b", ".a", "a b", "bü.de", "a\\.b", `${"a".repeat(64)}.com`, `${"a.".repeat(127)}ab`])("refuses %s", (name) => {
    expect(encodeName(name)).toBeUndefined();
  });

  it("round-trips through readName", () => {
    const label = fc.stringMatching(/^[a-z0-9-_]{1,63}$/);
    const name = fc.array(label, { minLength: 1, maxLength: 6 }).map((labels) => labels.join("."));
    fc.assert(
      fc.property(name, (text) => {
        const wire = encodeName(text);
        fc.pre(wire !== undefined);
        expect(readName(new WireReader(wire!))).toBe(text);
      }),
    );
  });
});

describe("canonicalName", () => {
  it("lower-cases and drops the trailing dot", () => {
    expect(canonicalName("Example.COM.")).toBe("example.com");
    expect(canonicalName("example.com")).toBe("example.com");
  });
});
