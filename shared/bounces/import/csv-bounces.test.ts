import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bouncesFromCsv } from "./csv-bounces";

const NOW = new Date("2026-12-04T00:00:00Z");
async function* chunks(text: string) {
  yield text;
}
const read = async (text: string) => {
  const { bounces, skipped } = await bouncesFromCsv(chunks(text), NOW);
  return { bounces: bounces.map(({ recipient, kind, status, at }) => ({ recipient, kind, status, at })), skipped };
};

describe("bouncesFromCsv", () => {
  it("reads SendGrid's bounce export (email, created, reason, status)", async () => {
    const csv =
      'email,created,reason,status\nnobody@example.com,1800000000,"550 5.1.1 The email account that you tried to reach does not exist.",5.1.1\nfull@example.com,1800000000,"452 4.2.2 Mailbox full",4.2.2\n';
    expect((await read(csv)).bounces).toMatchObject([
      { recipient: "nobody@example.com", kind: "hard", status: "5.1.1" },
      { recipient: "full@example.com", kind: "soft", status: "4.2.2" },
    ]);
  });

  it("reads Mailgun's export (address, code, error, created_at) with its times", async () => {
    const csv = "address,code,error,created_at\nnobody@example.com,550,No such user here,Fri 04 Dec 2026 00:00:00 UTC\n";
    expect((await read(csv)).bounces).toMatchObject([{ recipient: "nobody@example.com", kind: "hard", at: "2026-12-04T00:00:00.000Z" }]);
  });

  it("reads Postmark's export (Type, TypeCode, Email, BouncedAt, Details) and its complaints", async () => {
    const csv =
      'ID,Type,TypeCode,Email,BouncedAt,Details\n1,HardBounce,1,nobody@example.com,2026-12-04T00:00:00Z,"smtp;550 5.1.1 user unknown"\n2,SoftBounce,4096,full@example.com,2026-12-04T00:00:00Z,"smtp;550 5.2.2 mailbox full"\n3,SpamComplaint,512,annoyed@example.com,2026-12-04T00:00:00Z,""\n';
    expect((await read(csv)).bounces.map((bounce) => bounce.kind)).toEqual(["hard", "soft", "complaint"]);
  });

  it("reads SES's suppression list export (EmailAddress, Reason BOUNCE or COMPLAINT, LastUpdateTime)", async () => {
    const csv = "EmailAddress,Reason,LastUpdateTime\nnobody@example.com,BOUNCE,2026-12-03T00:00:00Z\nannoyed@example.com,COMPLAINT,2026-12-03T00:00:00Z\n";
    expect((await read(csv)).bounces.map((bounce) => bounce.kind)).toEqual(["hard", "complaint"]);
  });

  it("never calls a 5.7.x policy block or a 4.x.x hard", async () => {
    const csv = "recipient,status,diagnostic\na@example.com,5.7.1,550 5.7.1 rejected by policy\nb@example.com,4.1.1,450 4.1.1 user unknown try later\n";
    expect((await read(csv)).bounces.map((bounce) => bounce.kind)).toEqual(["soft", "soft"]);
  });

  it("skips rows without an address, with the row and the reason", async () => {
    const { bounces, skipped } = await read("email,status\n,5.1.1\nnot-an-address,5.1.1\nok@example.com,5.1.1\n");
    expect(bounces).toHaveLength(1);
    expect(skipped).toEqual([
      { item: 2, reason: "no recipient" },
      { item: 3, reason: "the recipient is not an address" },
    ]);
  });

  it("says so when no column names the recipient", async () => {
    expect((await read("name,phone\nAnn,123\n")).skipped[0]?.reason).toMatch(/recipient/);
  });

  it("takes any text without throwing; every bounce has an address, and no 4.x.x one is hard", async () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("a@example.com", "4.2.2", "5.1.1", "HardBounce", "soft", "550 user unknown", '"'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), async (rows) => {
        const text = ["email,status,reason,type", ...rows.map((row) => row.join(","))].join("\n");
        const { bounces } = await bouncesFromCsv(chunks(text), NOW);
        for (const bounce of bounces) {
          expect(bounce.recipient).toContain("@");
          if (bounce.status?.startsWith("4.")) expect(bounce.kind).not.toBe("hard");
        }
      }),
    );
  });
});
