import { describe, expect, it } from "vitest";
import type { MessageParts } from "./message-parts";
import { textBounces } from "./text-bounce";

const receivedAt = new Date("2026-01-01T00:00:00Z");
const parts = (overrides: Partial<MessageParts>): MessageParts => ({
  headers: new Map([
    ["from", "Mail Delivery System <Mailer-Daemon@mx.example.net>"],
    ["to", "sender@example.com"],
  ]),
  subject: "Mail delivery failed",
  date: null,
  text: "",
  rawBody: "",
  deliveryStatus: null,
  feedbackReport: null,
  attachedMessage: null,
  ...overrides,
});

const summary = (bounces: ReturnType<typeof textBounces>) => bounces.map(({ recipient, kind, reason }) => ({ recipient, kind, reason }));

describe("textBounces", () => {
  it("takes Exim's X-Failed-Recipients, each with its own lines", () => {
    const text = "The following address(es) failed:\n\n  a@example.org\n    550 5.1.1 User unknown\n\n  b@example.org\n    552 5.2.2 Mailbox full\n";
    const headers = new Map([...parts({}).headers, ["x-failed-recipients", "a@example.org, b@example.org"]]);
    expect(summary(textBounces(parts({ text, headers }), receivedAt))).toEqual([
      { recipient: "a@example.org", kind: "hard", reason: "user_unknown" },
      { recipient: "b@example.org", kind: "soft", reason: "mailbox_full" },
    ]);
  });

  it("never reports our own addresses, and reads the raw body when MIME hid the text", () => {
    const rawBody = "sender@example.com sent a message.\n<gone@example.org>: host mx said: 550 5.1.1 no such user\n";
    expect(summary(textBounces(parts({ rawBody }), receivedAt))).toEqual([{ recipient: "gone@example.org", kind: "hard", reason: "user_unknown" }]);
  });

  it("falls back to the returned message's To, classified by the whole bounce", () => {
    const text = "The following addresses had permanent fatal errors:\n550 Host unknown\n\n----- Original message -----\nTo: lone@example.org\n";
    expect(summary(textBounces(parts({ text }), receivedAt))).toEqual([{ recipient: "lone@example.org", kind: "hard", reason: "host_unknown" }]);
  });

  it("calls a delay warning soft whatever its text", () => {
    const text = "THIS IS A WARNING MESSAGE ONLY.\n\n<slow@example.org>: 550 5.1.1 User unknown\n";
    expect(summary(textBounces(parts({ text }), receivedAt))).toEqual([{ recipient: "slow@example.org", kind: "soft", reason: "temporary_failure" }]);
  });
});
