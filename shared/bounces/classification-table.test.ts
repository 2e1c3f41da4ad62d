import { describe, expect, it } from "vitest";
import { BOUNCE_TABLE } from "./classification-table";
import { classifyBounce } from "./classify";

describe("the bounce classification table", () => {
  it("names every row once", () => {
    const names = BOUNCE_TABLE.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("ends with a soft row without conditions, so every bounce gets a kind and no 5xx is hard by default", () => {
    const last = BOUNCE_TABLE.at(-1)!;
    expect([last.text, last.status, last.hint, last.permanence, last.kind]).toEqual([undefined, undefined, undefined, undefined, "soft"]);
  });

  it("lets only permanent bounces reach a hard row", () => {
    for (const row of BOUNCE_TABLE.filter((candidate) => candidate.kind === "hard")) expect(row.permanence, row.name).toBe("permanent");
  });

  // Each row decides its own example: no row is shadowed by an earlier one.
  it.each(BOUNCE_TABLE.map((row) => [row.name, row] as const))("row %s decides its example", (name, row) => {
    const result = classifyBounce(row.example);
    expect({ rule: result.rule, kind: result.kind, reason: result.reason }).toEqual({ rule: name, kind: row.kind, reason: row.reason });
  });
});
