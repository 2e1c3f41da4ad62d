import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bouncesFromMbox } from "./mbox-bounces";

const NOW = new Date("2026-12-04T00:00:00Z");
const dsn = (recipient: string) =>
  [
    "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
    "Subject: Undelivered Mail Returned to Sender",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    "",
    "--B",
    "Content-Type: text/plain",
    "",
    "Your message could not be delivered.",
    "--B",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    "",
    `Final-Recipient: rfc822; ${recipient}`,
    "Action: failed",
    "Status: 5.1.1",
    `Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected: User unknown`,
    "--B--",
    "",
  ].join("\n");

describe("bouncesFromMbox", () => {
  it("reads each DSN of an mbox, and skips the messages that are no bounce with the reason", async () => {
    const mbox = [
      `From MAILER-DAEMON Fri Dec  4 00:00:00 2026\n${dsn("gone@example.org")}`,
      "From ann@example.org Fri Dec  4 00:00:01 2026\nFrom: ann@example.org\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nAway until Monday.\n",
      `From MAILER-DAEMON Fri Dec  4 00:00:02 2026\n${dsn("lost@example.org")}`,
    ].join("\n");
    const { bounces, skipped } = await bouncesFromMbox(mbox, NOW);
    expect(bounces.map(({ recipient, kind, source }) => [recipient, kind, source])).toEqual([
      ["gone@example.org", "hard", "mbox"],
      ["lost@example.org", "hard", "mbox"],
    ]);
    expect(skipped).toEqual([{ item: 2, reason: expect.stringMatching(/^not a bounce/) }]);
  });

  it("takes any text without throwing, and calls nothing in it a bounce without an address", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        const { bounces } = await bouncesFromMbox(`From x Fri Dec  4 00:00:00 2026\n${text}`, NOW);
        for (const bounce of bounces) expect(bounce.recipient).toContain("@");
      }),
      { numRuns: 50 },
    );
  });
});
