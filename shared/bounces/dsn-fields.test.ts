import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dsnAddress, dsnText, field, headerBlock, parseDsnFields } from "./dsn-fields";

describe("parseDsnFields", () => {
  it("reads the message group and one group per recipient, unfolding lines", () => {
    const fields = parseDsnFields(
      "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; a@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  User unknown\r\n\r\nFinal-Recipient: rfc822; b@example.org\r\nAction: delayed\r\nStatus: 4.4.1\r\n",
    );
    expect(field(fields.message, "reporting-mta")).toBe("dns; mx.example.org");
    expect(fields.recipients.map((group) => field(group, "final-recipient"))).toEqual(["rfc822; a@example.org", "rfc822; b@example.org"]);
    expect(field(fields.recipients[0]!, "diagnostic-code")).toBe("smtp; 550 5.1.1 User unknown");
  });

  it("reads a recipient whose fields come before its Final-Recipient (Facebook's order)", () => {
    const fields = parseDsnFields(
      "Reporting-MTA: dns; 10.0.0.1\n\nDiagnostic-Code: smtp; 550 5.1.1 no\nStatus: 5.1.1\nFinal-Recipient: rfc822; a@example.org\n",
    );
    expect(field(fields.recipients[0]!, "status")).toBe("5.1.1");
  });

  it("splits recipient groups written without blank lines between them (AOL)", () => {
    const fields = parseDsnFields(
      "Reporting-MTA: dns; mx\nFinal-Recipient: rfc822; a@example.org\nStatus: 5.2.2\nFinal-Recipient: rfc822; b@example.org\nStatus: 5.1.1\n",
    );
    expect(fields.recipients.map((group) => field(group, "status"))).toEqual(["5.2.2", "5.1.1"]);
    expect(field(fields.message, "reporting-mta")).toBe("dns; mx");
  });

  it("keeps repeated fields (ARF's Original-Rcpt-To)", () => {
    expect(headerBlock("Original-Rcpt-To: a@example.org\nOriginal-Rcpt-To: b@example.org\n\nbody").get("original-rcpt-to")).toEqual([
      "a@example.org",
      "b@example.org",
    ]);
  });

  it("never throws and stays within its bounds on any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const fields = parseDsnFields(text);
        expect(fields.recipients.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});

describe("dsnAddress", () => {
  it.each([
    ["rfc822; a@example.org", false, "a@example.org"],
    ["rfc822;<a@example.org>", false, "a@example.org"],
    ["rfc822; a+2Bb@example.org", true, "a+b@example.org"],
    ["rfc822; a+2Bb@example.org", false, "a+2Bb@example.org"],
    ["utf-8; j\\x{F6}rg@b\\x{FC}cher.example", false, "jörg@bücher.example"],
    ["utf-8; 用户@例子.example", false, "用户@例子.example"],
    ["rfc822; not an address", false, null],
    [undefined, false, null],
  ])("reads %j (xtext %s) as %j", (value, xtext, address) => {
    expect(dsnAddress(value, xtext)).toBe(address);
  });

  it("gives an address or null for any value", () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (value, xtext) => {
        const address = dsnAddress(value, xtext);
        expect(address === null || address.includes("@")).toBe(true);
      }),
    );
  });
});

describe("dsnText", () => {
  it("drops the type prefix", () => {
    expect(dsnText("smtp; 550 5.1.1 User unknown")).toBe("550 5.1.1 User unknown");
    expect(dsnText("X-Postfix; host not found")).toBe("host not found");
    expect(dsnText("smtp;")).toBeNull();
  });
});
