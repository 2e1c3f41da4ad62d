import { describe, expect, it } from "vitest";
import type { ReputationReview } from "../shared/contract/reputation";
import { formatReview } from "./format-review";
import { plain } from "./paint";

const review: ReputationReview = {
  domain: "example.com",
  ips: ["192.0.2.10"],
  at: "2026-12-04T00:00:00.000Z",
  status: "fail",
  findings: [
    { id: "mx", status: "pass", summary: "example.com takes mail at mx.example.com.", fix: null },
    { id: "spf:192.0.2.10", status: "fail", summary: "192.0.2.10 is not authorised\u001b[2J to send as example.com.", fix: "Add ip4:192.0.2.10." },
  ],
  ip_lists: [],
  domain_lists: [],
  spf: null,
  dmarc: null,
  mx: null,
};

describe("formatReview", () => {
  it("prints the subject and status, then each finding, its words and its fix, made safe for a terminal", () => {
    expect(formatReview(review, plain)).toBe(
      [
        "example.com, 192.0.2.10: FAIL",
        "  PASS     mx",
        "           example.com takes mail at mx.example.com.",
        "  FAIL     spf:192.0.2.10",
        "           192.0.2.10 is not authorised [2J to send as example.com.",
        "           fix: Add ip4:192.0.2.10.",
      ].join("\n"),
    );
  });
});
