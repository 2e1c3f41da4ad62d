import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commaSeparated } from "./comma-separated";

describe("commaSeparated", () => {
  it("trims the parts and drops empty ones", () => {
    expect(commaSeparated.parse(" deliverable, risky,,")).toEqual(["deliverable", "risky"]);
    expect(commaSeparated.parse("")).toEqual([]);
  });

  it("gives back the parts it was made of, whatever they are", () => {
    const part = fc
      .string()
      .map((text) => text.replaceAll(",", "").trim())
      .filter(Boolean);
    fc.assert(
      fc.property(fc.array(part), (parts) => {
        expect(commaSeparated.parse(parts.join(" , "))).toEqual(parts);
      }),
    );
  });
});
