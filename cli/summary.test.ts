import { describe, expect, it } from "vitest";
import { plain } from "./paint";
import { formatSummary, keptRows, type Summary, summaryJson } from "./summary";

const summary: Summary = {
  jobId: "5c1f7a3e-0000-4000-8000-000000000000",
  status: "done",
  total: 1200,
  counts: { deliverable: 900, undeliverable: 200, risky: 60, unknown: 40 },
  output: { path: "clean.csv", format: "csv", keep: ["deliverable"] },
  elapsedMs: 12_000,
};

describe("keptRows", () => {
  it("adds the kept verdicts' rows, or takes them all", () => {
    expect(keptRows(summary.counts, ["deliverable"])).toBe(900);
    expect(keptRows(summary.counts, ["deliverable", "risky"])).toBe(960);
    expect(keptRows(summary.counts, "all")).toBe(1200);
  });
});

describe("formatSummary", () => {
  it("tabulates verdicts, says what was kept where, and the pace", () => {
    expect(formatSummary(summary, plain)).toBe(
      [
        "verdict        rows       %",
        "deliverable     900   75.0%",
        "undeliverable   200   16.7%",
        "risky            60    5.0%",
        "unknown          40    3.3%",
        "total         1,200  100.0%",
        "",
        "Kept 900 of 1,200 rows (deliverable) in clean.csv.",
        "Job 5c1f7a3e-0000-4000-8000-000000000000: 1,200 rows in 12.0 s (100 rows/s).",
      ].join("\n"),
    );
  });

  it("names every kept verdict, and leaves the pace out for a job fetched later", () => {
    const text = formatSummary({ ...summary, output: { ...summary.output, keep: "all" }, elapsedMs: undefined }, plain);
    expect(text).toContain("Kept 1,200 of 1,200 rows (all verdicts) in clean.csv.");
    expect(text).toMatch(/^Job 5c1f7a3e-0000-4000-8000-000000000000\.$/m);
  });

  it("paints each verdict's row as a whole, after padding, so columns stay aligned", () => {
    const marked = formatSummary(summary, (verdict, text) => `<${verdict}>${text}</>`);
    expect(marked).toContain("<risky>risky            60    5.0%</>");
    expect(marked).toContain("\ntotal         1,200  100.0%\n");
  });
});

describe("summaryJson", () => {
  it("is the summary in the API's snake_case", () => {
    expect(summaryJson(summary)).toEqual({
      job: summary.jobId,
      status: "done",
      output: "clean.csv",
      format: "csv",
      keep: ["deliverable"],
      total: 1200,
      kept: 900,
      counts: summary.counts,
      elapsed_ms: 12_000,
    });
  });
});
