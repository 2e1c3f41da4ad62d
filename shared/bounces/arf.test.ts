import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arfComplaints, headerAddresses } from "./arf";
import { headerBlock } from "./dsn-fields";

const receivedAt = new Date("2026-01-01T00:00:00Z");

describe("arfComplaints", () => {
  it("names every Original-Rcpt-To and Removal-Recipient", () => {
    const report = headerBlock(
      "Feedback-Type: abuse\nOriginal-Rcpt-To: a@example.org\nOriginal-Rcpt-To: <b@example.org>\nRemoval-Recipient: c@example.org\nArrival-Date: Thu, 1 Jan 2026 10:00:00 +0000\n",
    );
    const complaints = arfComplaints(report, "x@example.org", receivedAt);
    expect(complaints.map((complaint) => complaint.recipient)).toEqual(["a@example.org", "b@example.org", "c@example.org"]);
    expect(complaints[0]).toEqual({
      recipient: "a@example.org",
      kind: "complaint",
      reason: "complaint",
      status: null,
      diagnostic: "abuse",
      source: "email",
      at: "2026-01-01T10:00:00.000Z",
    });
  });

  it("falls back to the reported message's To, and names nobody for undisclosed recipients", () => {
    const report = headerBlock("Feedback-Type: abuse\n");
    expect(arfComplaints(report, '"Neko" <neko@example.org>', receivedAt).map((complaint) => complaint.recipient)).toEqual(["neko@example.org"]);
    expect(arfComplaints(report, "<Undisclosed Recipients>", receivedAt)).toEqual([]);
  });

  it("never throws and names at most 200 recipients", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.option(fc.string({ maxLength: 200 }), { nil: undefined }), (text, to) => {
        expect(arfComplaints(headerBlock(text), to, receivedAt).length).toBeLessThanOrEqual(200);
      }),
    );
    const many = Array.from({ length: 300 }, (_, index) => `Original-Rcpt-To: u${index}@example.org`).join("\n");
    expect(arfComplaints(headerBlock(many), undefined, receivedAt)).toHaveLength(200);
  });
});

describe("headerAddresses", () => {
  it("reads an address list", () => {
    expect(headerAddresses('"Neko, Cat" <a@example.org>, b@example.org, a@example.org')).toEqual(["a@example.org", "b@example.org"]);
    expect(headerAddresses(undefined)).toEqual([]);
  });
});
