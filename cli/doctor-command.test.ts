import { describe, expect, it } from "vitest";
import type { DoctorReport } from "../shared/contract/doctor";
import { doctorText } from "./doctor-command";

const report: DoctorReport = {
  prober: { id: "eu1", region: "eu" },
  at: "2026-12-04T01:00:00.000Z",
  egress: { ipv4: ["192.0.2.25"], ipv6: [] },
  helo: "probe.example.net",
  mail_from: "verify@example.net",
  checks: [{ id: "port-25", status: "fail", summary: "Outbound port 25 looks closed.", fix: "Ask your hosting provider to open outbound port 25." }],
  block_replies: [],
  status: "fail",
};

describe("doctorText", () => {
  it("prints each prober's report, and why one could not be asked, a blank line between", () => {
    expect(
      doctorText({
        probers: [
          { id: "eu1", region: "eu", report, error: null },
          { id: "us1", region: "us", report: null, error: "the prober answered 401" },
        ],
      }),
    ).toBe(
      [
        "prober eu1 (eu): FAIL (2026-12-04T01:00:00.000Z)",
        "  sends from 192.0.2.25 · HELO probe.example.net · MAIL FROM verify@example.net",
        "  FAIL port-25        Outbound port 25 looks closed.",
        "                      fix: Ask your hosting provider to open outbound port 25.",
        "",
        "prober us1 (us): could not be asked: the prober answered 401",
        "",
      ].join("\n"),
    );
  });

  it("says so when no prober is configured", () => {
    expect(doctorText({ probers: [] })).toContain("no probers are configured (MAILVET_PROBERS)");
  });
});
