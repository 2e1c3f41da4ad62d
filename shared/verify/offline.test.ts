import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOffline } from "./offline";

describe("checkOffline", () => {
  it("stops at bad syntax with no flags", () => {
    expect(checkOffline("john..doe@example.org")).toMatchObject({ address: null, reasons: ["invalid_syntax"], suggestion: null });
  });

  it("calls reserved domains invalid_domain unless they are allowed", () => {
    expect(checkOffline("a@shop.test").reasons).toEqual(["invalid_domain"]);
    expect(checkOffline("a@shop.test", { allowReservedDomains: true }).reasons).toEqual([]);
  });

  it("finds disposable domains, role accounts, free providers, gibberish and typos", () => {
    expect(checkOffline("someone@mailinator.com")).toMatchObject({ reasons: ["disposable"], flags: { disposable: true } });
    expect(checkOffline("Info@Gmail.com").flags).toMatchObject({ role: true, free: true, disposable: false });
    expect(checkOffline("xq7zk2vbw9jh@gmail.com").flags.gibberish).toBe(true);
    expect(checkOffline("Ana.Silva@gmail.con").suggestion).toBe("Ana.Silva@gmail.com");
  });

  it("applies no list or typo to an address literal", () => {
    expect(checkOffline("postmaster@[192.0.2.1]")).toMatchObject({ reasons: [], suggestion: null, flags: { disposable: false, free: false } });
  });

  it("never throws, and finds an address exactly when syntax holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (input) => {
        const facts = checkOffline(input);
        expect(facts.address === null).toBe(facts.reasons.includes("invalid_syntax"));
      }),
    );
  });
});
