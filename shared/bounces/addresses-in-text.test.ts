import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressesIn } from "./addresses-in-text";

describe("addressesIn", () => {
  it.each([
    ["<a@example.org>: User unknown", ["a@example.org"]],
    ["RCPT TO:<b.c+tag@mx.example.net>", ["b.c+tag@mx.example.net"]],
    ["bounce+xxxx=yyyyyy.net@zzzzzzzz.net Sat Oct", ["bounce+xxxx=yyyyyy.net@zzzzzzzz.net"]],
    ["ends with a dot: a@example.org.", ["a@example.org"]],
    ["jörg@bücher.example and 山田@例え.example", ["jörg@bücher.example", "山田@例え.example"]],
    ["no tld a@localhost, lone @ sign, @example.org", []],
  ])("finds the addresses in %j", (text, addresses) => {
    expect(addressesIn(text).map((found) => found.address)).toEqual(addresses);
  });

  it("gives where each address starts", () => {
    expect(addressesIn("x <a@example.org>")).toEqual([{ address: "a@example.org", index: 3 }]);
  });

  it("never throws and finds only addresses that are in the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        for (const { address, index } of addressesIn(text)) expect(text.slice(index).startsWith(address.split("@")[0]!)).toBe(true);
      }),
    );
  });

  it("is linear on a long line without spaces", () => {
    // Quadratic scanning would take minutes here; this asserts the result, not the time.
    expect(addressesIn(`${"a".repeat(1_000_000)}@${"b".repeat(1_000_000)}`)).toEqual([]);
    expect(addressesIn("x@ex.org ".repeat(100_000))).toHaveLength(100_000);
  });
});
