import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReputationFinding } from "../../contract/reputation";
import { findingChanges, findingStates } from "./finding-changes";

const finding = (id: string, status: ReputationFinding["status"]): ReputationFinding => ({ id, status, summary: `${id} is ${status}`, fix: null });

describe("findingChanges", () => {
  it("names the findings whose status changed, the new ones and the gone ones", () => {
    const before = { mx: "pass", dmarc: "warn", "spf:192.0.2.9": "pass" } as const;
    const changes = findingChanges(before, [finding("mx", "pass"), finding("dmarc", "fail"), finding("spf:192.0.2.10", "pass")]);
    expect(changes.map(({ id, was, now }) => [id, was, now])).toEqual([
      ["dmarc", "warn", "fail"],
      ["spf:192.0.2.10", null, "pass"],
      ["spf:192.0.2.9", "pass", null],
    ]);
  });

  it("finds no change between a review and its own states, and every finding new without states", () => {
    const status = fc.constantFrom<ReputationFinding["status"]>("pass", "warn", "fail", "unknown");
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1 }), status), { selector: ([id]) => id }), (pairs) => {
        const findings = pairs.map(([id, each]) => finding(id, each));
        expect(findingChanges(findingStates(findings), findings)).toEqual([]);
        expect(findingChanges(null, findings)).toHaveLength(findings.length);
      }),
    );
  });
});
