import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDmarcRecord } from "./parse-dmarc";

describe("parseDmarcRecord", () => {
  it("reads the policy, reports and alignment, with RFC 7489's defaults", () => {
    expect(parseDmarcRecord("v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@example.net!10m; aspf=s")).toEqual({
      ok: true,
      record: { p: "reject", sp: "reject", pct: 100, rua: ["mailto:a@example.com", "mailto:b@example.net!10m"], ruf: [], adkim: "r", aspf: "s" },
    });
    expect(parseDmarcRecord("v=DMARC1;p=none;sp=quarantine;pct=20;fo=1;unknown=ignored")).toMatchObject({
      ok: true,
      record: { p: "none", sp: "quarantine", pct: 20 },
    });
  });

  it.each([
    ["p=reject", /must start/],
    ["v=DMARC1; rua=mailto:a@example.com", /no policy/],
    ["v=DMARC1; p=maybe", /not a policy/],
    ["v=DMARC1; p=none; sp=all", /sp=all is not a policy/],
    ["v=DMARC1; p=none; pct=150", /pct=150/],
    ["v=DMARC1; p=none; rua=dmarc@example.com", /not a mailto/],
    ["v=DMARC1; p=none; p=reject", /appears twice/],
    ["v=DMARC1; p=none; adkim=x", /relaxed/],
    ["v=DMARC1; p=none; junk", /not a tag=value/],
  ])("refuses %s", (text, problem) => {
    const parsed = parseDmarcRecord(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it("never throws, and reads back any record built from valid tags", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof parseDmarcRecord(`v=DMARC1; ${text}`).ok).toBe("boolean");
      }),
    );
    const policy = fc.constantFrom("none", "quarantine", "reject");
    fc.assert(
      fc.property(policy, policy, fc.integer({ min: 0, max: 100 }), fc.emailAddress(), (p, sp, pct, email) => {
        const parsed = parseDmarcRecord(`v=DMARC1; p=${p}; sp=${sp}; pct=${pct}; rua=mailto:${email}`);
        expect(parsed).toMatchObject({ ok: true, record: { p, sp, pct, rua: [`mailto:${email}`] } });
      }),
    );
  });
});
