import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBounceMessage } from "./parse-message";

const receivedAt = new Date("2026-01-02T03:04:05Z");

const dsn = [
  "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
  "To: b+owner@bounces.example.com",
  "Subject: Undelivered Mail Returned to Sender",
  "Date: Thu, 1 Jan 2026 10:00:00 +0000",
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  "",
  "--b1",
  "Content-Type: text/plain",
  "",
  "<gone@example.org>: host mx.example.org said: 550 5.1.1 User unknown",
  "",
  "--b1",
  "Content-Type: message/delivery-status",
  "",
  "Reporting-MTA: dns; mx.example.net",
  "",
  "Final-Recipient: rfc822; gone@example.org",
  "Action: failed",
  "Status: 5.1.1",
  "Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: User unknown",
  "",
  "Final-Recipient: rfc822; busy@example.org",
  "Action: delayed",
  "Status: 4.2.2",
  "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full",
  "",
  "Final-Recipient: rfc822; fine@example.org",
  "Action: delivered",
  "Status: 2.0.0",
  "",
  "--b1--",
  "",
].join("\r\n");

describe("parseBounceMessage", () => {
  it("reads each recipient of an RFC 3464 report, skipping delivered ones", async () => {
    const parsed = await parseBounceMessage(dsn, receivedAt);
    expect(parsed.type).toBe("bounce");
    expect(parsed.format).toBe("dsn");
    expect(parsed.bounces.map(({ recipient, kind, reason, status, source }) => ({ recipient, kind, reason, status, source }))).toEqual([
      { recipient: "gone@example.org", kind: "hard", reason: "user_unknown", status: "5.1.1", source: "email" },
      { recipient: "busy@example.org", kind: "soft", reason: "mailbox_full", status: "4.2.2", source: "email" },
    ]);
    expect(parsed.bounces[0]!.at).toBe("2026-01-01T10:00:00.000Z");
  });

  it("takes bytes and ArrayBuffers alike", async () => {
    const bytes = new TextEncoder().encode(dsn);
    expect((await parseBounceMessage(bytes, receivedAt)).bounces).toHaveLength(2);
    expect((await parseBounceMessage(bytes.buffer, receivedAt)).bounces).toHaveLength(2);
  });

  it("never calls an out-of-office reply a bounce, even with an empty return path", async () => {
    const reply =
      "Return-Path: <>\r\nFrom: Neko <neko@example.org>\r\nSubject: Automatic reply: Invoice\r\nAuto-Submitted: auto-replied\r\n\r\nI am away. This mailbox does not exist anymore: user unknown.\r\n";
    expect(await parseBounceMessage(reply, receivedAt)).toEqual({ type: "not_bounce", bounces: [], format: "auto-reply" });
  });

  it("calls ordinary mail no bounce", async () => {
    const mail = "From: a@example.org\r\nTo: b@example.org\r\nSubject: Lunch\r\n\r\nUser unknown is a funny phrase.\r\n";
    expect((await parseBounceMessage(mail, receivedAt)).type).toBe("not_bounce");
  });

  it("never throws and returns a bounded result on any input", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 3000 }),
          fc.uint8Array({ maxLength: 3000 }).map((bytes) => bytes as Uint8Array),
        ),
        async (raw) => {
          const parsed = await parseBounceMessage(raw, receivedAt);
          expect(["bounce", "complaint", "not_bounce"]).toContain(parsed.type);
          expect(parsed.bounces.length).toBeLessThanOrEqual(200);
          for (const bounce of parsed.bounces) expect(bounce.diagnostic?.length ?? 0).toBeLessThanOrEqual(300);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never throws on bounces cut or mangled anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(dsn.length), fc.string({ maxLength: 20 }), async (at, junk) => {
        const parsed = await parseBounceMessage(dsn.slice(0, at) + junk + dsn.slice(at + junk.length), receivedAt);
        expect(parsed.bounces.every((bounce) => bounce.recipient.includes("@"))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
