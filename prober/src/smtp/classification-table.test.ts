import { describe, expect, it } from "vitest";
import { CLASSIFICATION_TABLE } from "./classification-table";
import { classifyReply } from "./classify";

describe("the classification table", () => {
  it("names every row once", () => {
    const names = CLASSIFICATION_TABLE.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("ends with a row without conditions, so every reply gets a class", () => {
    const last = CLASSIFICATION_TABLE.at(-1)!;
    expect([last.text, last.codes, last.stages, last.enhanced]).toEqual([undefined, undefined, undefined, undefined]);
  });

  // Each row decides its own example: no row is shadowed by an earlier one.
  it.each(CLASSIFICATION_TABLE.map((row) => [row.name, row] as const))("row %s decides its example", (name, row) => {
    const result = classifyReply(row.example);
    expect({ rule: result.rule, class: result.class }).toEqual({ rule: name, class: row.class });
  });
});
