import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bounceOwnText, textRecipients } from "./plain-text";

describe("textRecipients", () => {
  it("reads qmail's recipient paragraphs", () => {
    const text = [
      "Hi. This is the qmail-send program at mx.example.net.",
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "",
      "<a@example.org>:",
      "192.0.2.1 does not like recipient.",
      "Remote host said: 550 5.1.1 <a@example.org>... User unknown",
      "",
      "<b@example.org>:",
      "Remote host said: 452 4.2.2 Mailbox full",
      "",
      "--- Below this line is a copy of the message.",
      "",
      "To: c@example.org",
    ].join("\n");
    const found = textRecipients(text, new Set());
    expect(found.map((item) => item.address)).toEqual(["a@example.org", "b@example.org"]);
    expect(found[0]!.snippet).toContain("User unknown");
    expect(found[1]!.snippet).not.toContain("User unknown");
  });

  it("stops a recipient's lines where the next recipient's line starts", () => {
    const found = textRecipients("a@example.org Invalid Address 550 5.2.1 User Unknown\nb@example.org Invalid Address 550 5.2.2 Mailbox Full\n", new Set());
    expect(found.map((item) => item.snippet)).toEqual([
      "a@example.org Invalid Address 550 5.2.1 User Unknown",
      "b@example.org Invalid Address 550 5.2.2 Mailbox Full",
    ]);
  });

  it("leaves out excluded, system and message-id addresses, and header lines", () => {
    const text = "From: sender@example.com\nPlease contact postmaster@example.net.\nid <0102018d5e3a8b1c-aa11bb22cc33@email.example.com>\nsender@example.com\n";
    expect(textRecipients(text, new Set(["sender@example.com"]))).toEqual([]);
  });

  it("never throws and returns at most 50 recipients on any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        expect(textRecipients(text, new Set()).length).toBeLessThanOrEqual(50);
      }),
    );
    const many = Array.from({ length: 80 }, (_, index) => `user${index}@example.org`).join("\n");
    expect(textRecipients(many, new Set())).toHaveLength(50);
  });
});

describe("bounceOwnText", () => {
  it("ends where the returned message begins", () => {
    expect(bounceOwnText("failed: a@example.org\n------ This is a copy of the message\nTo: b@example.org")).toBe("failed: a@example.org\n");
    expect(bounceOwnText("failed\nReceived: from x\n")).toBe("failed\n");
  });
});
