import { describe, expect, it } from "vitest";
import { VerifyResultSchema } from "../contract/schemas";
import { composeResult } from "./compose";
import { checkOffline } from "./offline";

const skipped = { reason: "smtp_skipped" as const, info: { performed: false } };

describe("composeResult", () => {
  it("decides by precedence over offline, DNS and SMTP facts", () => {
    const offline = checkOffline("someone@mailinator.com");
    const disposable = composeResult({ email: "someone@mailinator.com", offline, smtp: skipped, startedAt: Date.now() });
    expect(disposable).toMatchObject({ verdict: "risky", reason: "disposable" });
    const dead = composeResult({ email: "someone@mailinator.com", offline, dnsReason: "invalid_domain", smtp: skipped, startedAt: Date.now() });
    expect(dead).toMatchObject({ verdict: "undeliverable", reason: "invalid_domain", score: 0 });
  });

  it("gives a result the contract allows, with the domain's display and wire forms", () => {
    const offline = checkOffline("Jürgen@Bücher.DE");
    const result = composeResult({
      email: "Jürgen@Bücher.DE",
      offline,
      mx: [{ host: "mx.xn--bcher-kva.de", preference: 10 }],
      smtp: skipped,
      startedAt: Date.now(),
    });
    expect(VerifyResultSchema.parse(result)).toMatchObject({
      normalized: "Jürgen@xn--bcher-kva.de",
      verdict: "unknown",
      reason: "smtp_skipped",
      domain: { name: "bücher.de", ascii: "xn--bcher-kva.de", mx: [{ host: "mx.xn--bcher-kva.de", preference: 10 }] },
    });
  });

  it("has no domain block for an address that is not one", () => {
    const result = composeResult({ email: "nope", offline: checkOffline("nope"), smtp: skipped, startedAt: Date.now() });
    expect(result).toMatchObject({ normalized: null, domain: null, reason: "invalid_syntax" });
  });
});
