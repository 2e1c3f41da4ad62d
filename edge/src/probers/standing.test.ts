import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findingsOfReport, judgeProber } from "./standing";

const check = (id: string, status: "pass" | "warn" | "fail" | "unknown") => ({ id, status, summary: "", fix: null });
const POLICY = { windowSeconds: 3600, domains: 3 };
const NOW = 10 * 86_400_000;

describe("a prober's standing", () => {
  it("reads listed, PTR and HELO failures from a doctor report, and never a check that could not ask", () => {
    expect(
      findingsOfReport({
        checks: [check("blocklists", "fail"), check("ptr", "fail"), check("helo", "fail"), check("spf", "fail"), check("block-replies", "fail")],
      }),
    ).toEqual(["listed", "reverse_dns", "helo", "block_replies"]);
    expect(
      findingsOfReport({ checks: [check("blocklists", "unknown"), check("ptr", "warn"), check("port-25", "fail"), check("block-replies", "warn")] }),
    ).toEqual([]);
  });

  it("names block replies once, whether the report, the edge's count or both found them", () => {
    const blocks = new Map(["a.example", "b.example", "c.example"].map((domain) => [domain, NOW]));
    expect(judgeProber({ reportFindings: ["block_replies"], blocks }, POLICY, NOW).findings.map((finding) => finding.code)).toEqual(["block_replies"]);
  });

  it("is degraded by its report's findings alone, with the reason in words", () => {
    const judged = judgeProber({ reportFindings: ["listed"], blocks: new Map() }, POLICY, NOW);
    expect(judged.health).toBe("degraded");
    expect(judged.findings[0]).toMatchObject({ code: "listed", message: expect.stringContaining("block list") });
  });

  it("is degraded by block replies exactly when enough distinct domains blocked it within the window", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.domain(), fc.integer({ min: 0, max: 2 * 3600 })), { maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        (blocks, domains) => {
          const map = new Map(blocks.map(([domain, ageSeconds]) => [domain, NOW - ageSeconds * 1000]));
          const recent = [...map.values()].filter((at) => at > NOW - POLICY.windowSeconds * 1000).length;
          const judged = judgeProber({ reportFindings: [], blocks: map }, { ...POLICY, domains }, NOW);
          expect(judged.health).toBe(recent >= domains ? "degraded" : "healthy");
          expect(judged.findings.map((finding) => finding.code)).toEqual(recent >= domains ? ["block_replies"] : []);
        },
      ),
    );
  });
});
