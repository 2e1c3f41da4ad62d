import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_MAX_CHARS } from "./bounce";
import { bounceRecord, isoTime } from "./bounce-record";

describe("bounceRecord", () => {
  it("classifies the recipient and cuts the diagnostic to one line of at most DIAGNOSTIC_MAX_CHARS", () => {
    const record = bounceRecord(
      "a@example.org",
      { status: "5.1.1", text: `550 5.1.1\n   User unknown ${"x".repeat(400)}` },
      "mbox",
      "2026-01-01T00:00:00.000Z",
    );
    expect(record).toMatchObject({ recipient: "a@example.org", kind: "hard", reason: "user_unknown", status: "5.1.1", source: "mbox" });
    expect(record.diagnostic).toHaveLength(DIAGNOSTIC_MAX_CHARS);
    expect(record.diagnostic).toMatch(/^550 5\.1\.1 User unknown x/);
  });

  it("keeps no diagnostic when there is no text", () => {
    expect(bounceRecord("a@example.org", { status: "4.2.2" }, "email", "2026-01-01T00:00:00.000Z").diagnostic).toBeNull();
  });
});

describe("isoTime", () => {
  it("reads header dates and falls back on anything else", () => {
    expect(isoTime("Thu, 1 Jan 2026 10:00:00 +0900", new Date(0))).toBe("2026-01-01T01:00:00.000Z");
    expect(isoTime("not a date", new Date(0))).toBe("1970-01-01T00:00:00.000Z");
    expect(isoTime(null, new Date(0))).toBe("1970-01-01T00:00:00.000Z");
  });
});
