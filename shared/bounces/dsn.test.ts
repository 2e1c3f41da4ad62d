import { describe, expect, it } from "vitest";
import { dsnBounces, reportsOnlyDeliveries } from "./dsn";
import { parseDsnFields } from "./dsn-fields";

const receivedAt = new Date("2026-01-01T00:00:00Z");

describe("dsnBounces", () => {
  it("names a recipient by its Original-Recipient, the address we sent to", () => {
    const fields = parseDsnFields(
      "Final-Recipient: rfc822; alias@example.net\nOriginal-Recipient: rfc822; a+2Btag@example.org\nAction: failed\nStatus: 5.1.1\n",
    );
    expect(dsnBounces(fields, "", null, receivedAt).map((bounce) => bounce.recipient)).toEqual(["a+tag@example.org"]);
  });

  it("explains a recipient without Diagnostic-Code from the human-readable part", () => {
    const fields = parseDsnFields("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.0.0\n");
    const [bounce] = dsnBounces(fields, "a@example.org\n  Reason: Illegal host/domain name found\n", null, receivedAt);
    expect(bounce).toMatchObject({ kind: "hard", reason: "host_unknown", diagnostic: "a@example.org Reason: Illegal host/domain name found" });
  });

  it("reports each recipient once and dates it by Last-Attempt-Date", () => {
    const group = "Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.2.2\nLast-Attempt-Date: Fri, 2 Jan 2026 10:00:00 +0000\n";
    const bounces = dsnBounces(parseDsnFields(`${group}\n${group}`), "", null, receivedAt);
    expect(bounces).toHaveLength(1);
    expect(bounces[0]!.at).toBe("2026-01-02T10:00:00.000Z");
  });
});

describe("reportsOnlyDeliveries", () => {
  it("is true only when recipients are named and all were delivered", () => {
    expect(reportsOnlyDeliveries(parseDsnFields("Final-Recipient: rfc822; a@example.org\nAction: relayed\nStatus: 2.0.0\n"))).toBe(true);
    expect(reportsOnlyDeliveries(parseDsnFields("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.0.0\n"))).toBe(false);
    expect(reportsOnlyDeliveries(parseDsnFields("Reporting-MTA: dns; mx\n"))).toBe(false);
  });
});
