import { describe, expect, it } from "vitest";
import type { DoctorReport } from "../contract/doctor";
import { reportText } from "./report-text";

const report: DoctorReport = {
  prober: { id: "eu1", region: "eu" },
  at: "2026-12-04T01:00:00.000Z",
  egress: { ipv4: ["192.0.2.25"], ipv6: [] },
  helo: "probe.example.net",
  mail_from: "verify@example.net",
  checks: [
    { id: "egress", status: "pass", summary: "The prober sends from 192.0.2.25 (MAILVET_EGRESS_IPS).", fix: null },
    { id: "ptr", status: "fail", summary: "192.0.2.25 has no PTR record (reverse DNS).", fix: "Ask your provider to set it." },
    { id: "blocklists", status: "unknown", summary: "The block lists were not asked.", fix: "Set MAILVET_BLOCKLIST_RESOLVER." },
  ],
  block_replies: [{ provider: "google.com", count: 3, domains: 2, sample: "421 4.7.0 low reputation" }],
  status: "fail",
};

describe("reportText", () => {
  it("prints each check with its status, what was found and what to fix, then the block replies", () => {
    expect(reportText(report)).toBe(
      [
        "prober eu1 (eu): FAIL (2026-12-04T01:00:00.000Z)",
        "  sends from 192.0.2.25 · HELO probe.example.net · MAIL FROM verify@example.net",
        "  ok   egress         The prober sends from 192.0.2.25 (MAILVET_EGRESS_IPS).",
        "  FAIL ptr            192.0.2.25 has no PTR record (reverse DNS).",
        "                      fix: Ask your provider to set it.",
        "  ??   blocklists     The block lists were not asked.",
        "                      fix: Set MAILVET_BLOCKLIST_RESOLVER.",
        "  block replies in the last hour:",
        '    google.com: 3 from 2 domains  "421 4.7.0 low reputation"',
        "",
      ].join("\n"),
    );
  });

  it("names an anonymous prober plainly and an unknown egress as such", () => {
    const text = reportText({ ...report, prober: { id: null, region: null }, egress: { ipv4: [], ipv6: [] }, block_replies: [] });
    expect(text.split("\n").slice(0, 2)).toEqual([
      "prober: FAIL (2026-12-04T01:00:00.000Z)",
      "  sends from an unknown address · HELO probe.example.net · MAIL FROM verify@example.net",
    ]);
    expect(text).not.toContain("block replies");
  });
});
