import { describe, expect, it } from "vitest";
import { DEFAULT_RULE, politenessRuleFor } from "./politeness";

describe("politenessRuleFor", () => {
  it.each([
    ["contoso-com.mail.protection.outlook.com", "microsoft"],
    ["Contoso-COM.mail.protection.outlook.com.", "microsoft"],
    ["fabrikam-net.olc.protection.outlook.com", "microsoft"],
    ["mta5.am0.yahoodns.net", "yahoo"],
    ["mx-aol.mail.gm0.yahoodns.net.", "yahoo"],
    ["gmail-smtp-in.l.google.com", "any"],
    ["mx.example.org", "any"],
  ])("gives %s the %s rule", (host, provider) => {
    expect(politenessRuleFor(host).provider).toBe(provider);
  });

  it("does not match look-alikes that merely contain a provider's name", () => {
    expect(politenessRuleFor("mail.protection.outlook.com.evil.example")).toBe(DEFAULT_RULE);
    expect(politenessRuleFor("notyahoodns.net")).toBe(DEFAULT_RULE);
    expect(politenessRuleFor("yahoodns.net.example")).toBe(DEFAULT_RULE);
  });

  it("has Microsoft probed one RCPT per session, Yahoo not probed, and everyone else without a session limit", () => {
    expect(politenessRuleFor("a.mail.protection.outlook.com")).toMatchObject({ action: "probe", recipientsPerSession: 1 });
    expect(politenessRuleFor("a.yahoodns.net")).toMatchObject({ action: "assume_catch_all" });
    expect(DEFAULT_RULE).toMatchObject({ action: "probe", recipientsPerSession: Number.POSITIVE_INFINITY });
  });
});
