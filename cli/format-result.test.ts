import { describe, expect, it } from "vitest";
import type { VerifyResult } from "../shared/contract/schemas";
import { formatResult } from "./format-result";
import { plain } from "./paint";

const accepted: VerifyResult = {
  email: "Alice@OK.mailvet-mta.net",
  normalized: "Alice@ok.mailvet-mta.net",
  verdict: "deliverable",
  reason: "accepted",
  flags: { disposable: false, role: false, free: false, catch_all: false, gibberish: false },
  suggestion: null,
  score: 95,
  domain: {
    name: "ok.mailvet-mta.net",
    ascii: "ok.mailvet-mta.net",
    mx: [
      { host: "mx1.mailvet-mta.net", preference: 10 },
      { host: "mx2.mailvet-mta.net", preference: 20 },
    ],
  },
  smtp: { performed: true, host: "mx1.mailvet-mta.net", code: 250, enhanced: "2.1.5", message: "Ok", rule: "success", prober: "local", duration_ms: 9 },
  duration_ms: 18,
  bounce: null,
};

describe("formatResult", () => {
  it("shows the verdict, the reason in plain words, the flags, the mail hosts, the server's reply and the time", () => {
    expect(formatResult(accepted, plain)).toBe(
      [
        "Alice@OK.mailvet-mta.net: deliverable (score 95)",
        "  reason      the mail server accepts mail for this mailbox (accepted)",
        "  flags       none",
        "  mail hosts  mx1.mailvet-mta.net (10), mx2.mailvet-mta.net (20)",
        "  smtp        250 2.1.5 Ok (from mx1.mailvet-mta.net in 9 ms, rule success)",
        "  time        18 ms",
      ].join("\n"),
    );
  });

  it("offers the suggestion and names the flags set", () => {
    const text = formatResult(
      { ...accepted, email: "info@gmial.com", flags: { ...accepted.flags, role: true, catch_all: true }, suggestion: "info@gmail.com" },
      plain,
    );
    expect(text).toContain("  flags       role, catch-all\n");
    expect(text).toContain("  suggestion  did you mean info@gmail.com?\n");
  });

  it("says when the mail server was not asked, and leaves out mail hosts never looked up", () => {
    const text = formatResult(
      { ...accepted, email: "not an address", verdict: "undeliverable", reason: "invalid_syntax", score: 0, domain: null, smtp: { performed: false } },
      plain,
    );
    expect(text).toContain("not an address: undeliverable (score 0)\n  reason      this is not a valid e-mail address (invalid_syntax)");
    expect(text).toContain("  smtp        not asked\n");
    expect(text).not.toContain("mail hosts");
  });

  it("says when a domain has no mail host", () => {
    const text = formatResult(
      { ...accepted, verdict: "undeliverable", reason: "no_mail_server", domain: { ...accepted.domain!, mx: [] }, smtp: { performed: false } },
      plain,
    );
    expect(text).toContain("  mail hosts  none found\n");
  });

  it("keeps a mail server's control characters off the terminal", () => {
    const text = formatResult({ ...accepted, smtp: { ...accepted.smtp, message: "Ok\x1b]0;owned\x07 really" } }, plain);
    expect(text).not.toMatch(/[\x07\x1b]/);
    expect(text).toContain("250 2.1.5 Ok ]0;owned really");
  });

  it("paints the verdict only", () => {
    expect(formatResult(accepted, (verdict, text) => `<${verdict}>${text}</>`).split("\n")[0]).toBe(
      "Alice@OK.mailvet-mta.net: <deliverable>deliverable</> (score 95)",
    );
  });
});
