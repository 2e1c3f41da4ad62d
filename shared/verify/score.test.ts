import { describe, expect, it } from "vitest";
import { REASONS, verdictOf } from "../contract/taxonomy";
import { score } from "./score";

const noFlags = { role: false, gibberish: false };

describe("score", () => {
  it("is 0 for every undeliverable reason, whatever the flags", () => {
    for (const reason of REASONS.filter((r) => verdictOf(r) === "undeliverable")) {
      expect(score({ reason, flags: noFlags, hasSuggestion: false })).toBe(0);
    }
  });

  it("ranks verdicts: deliverable above unknown above risky", () => {
    const of = (reason: (typeof REASONS)[number]) => score({ reason, flags: noFlags, hasSuggestion: false });
    expect(of("accepted")).toBeGreaterThan(of("smtp_skipped"));
    expect(of("smtp_skipped")).toBeGreaterThan(of("mailbox_full"));
    expect(of("catch_all")).toBeGreaterThan(of("disposable"));
  });

  it("takes points off for role, gibberish and a typo suggestion, and stays within 0-100", () => {
    expect(score({ reason: "accepted", flags: { role: true, gibberish: false }, hasSuggestion: false })).toBe(85);
    expect(score({ reason: "accepted", flags: { role: false, gibberish: true }, hasSuggestion: false })).toBe(80);
    expect(score({ reason: "disposable", flags: { role: true, gibberish: true }, hasSuggestion: true })).toBe(0);
    for (const reason of REASONS) {
      const value = score({ reason, flags: { role: true, gibberish: true }, hasSuggestion: true });
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
  });
});
