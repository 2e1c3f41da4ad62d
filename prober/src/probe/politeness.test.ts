import { describe, expect, it } from "vitest";
import { DEFAULT_RULE, politenessRuleFor, serverPace } from "./politeness";

describe("politenessRuleFor", () => {
  it.each([
    ["contoso-com.mail.protection.outlook.com", "microsoft"],
    ["Contoso-COM.mail.protection.outlook.com.", "microsoft"],
    ["fabrikam-net.olc.protection.outlook.com", "microsoft"],
    ["mta5.am0.yahoodns.net", "yahoo"],
    ["mx-aol.mail.gm0.yahoodns.net.", "yahoo"],
    ["gmail-smtp-in.l.google.com", "google"],
    ["alt1.aspmx.l.google.com.", "google"],
    ["gmr-smtp-in.l.googlemail.com", "google"],
    ["mx.example.org", "any"],
  ])("gives %s the %s rule", (host, provider) => {
    expect(politenessRuleFor(host).provider).toBe(provider);
  });

  it("does not match look-alikes that merely contain a provider's name", () => {
    expect(politenessRuleFor("mail.protection.outlook.com.evil.example")).toBe(DEFAULT_RULE);
    expect(politenessRuleFor("notyahoodns.net")).toBe(DEFAULT_RULE);
    expect(politenessRuleFor("yahoodns.net.example")).toBe(DEFAULT_RULE);
    expect(politenessRuleFor("google.com.evil.example")).toBe(DEFAULT_RULE);
    expect(politenessRuleFor("notgoogle.com")).toBe(DEFAULT_RULE);
  });

  it("has Microsoft probed one RCPT per session, Yahoo not probed, and everyone else without a session limit", () => {
    expect(politenessRuleFor("a.mail.protection.outlook.com")).toMatchObject({ action: "probe", recipientsPerSession: 1 });
    expect(politenessRuleFor("a.yahoodns.net")).toMatchObject({ action: "assume_catch_all" });
    expect(DEFAULT_RULE).toMatchObject({ action: "probe", recipientsPerSession: Number.POSITIVE_INFINITY });
  });
});

describe("serverPace", () => {
  it("keeps one rate for a named provider's servers, and one per address for any other server", () => {
    const google = politenessRuleFor("gmail-smtp-in.l.google.com");
    expect(serverPace(google, "192.0.2.7", 10).key).toBe(serverPace(google, "192.0.2.8", 10).key);
    expect(serverPace(google, "192.0.2.7", 10).pace).toBe(google.pace);
    expect(serverPace(DEFAULT_RULE, "192.0.2.7", 10)).toEqual({ key: "192.0.2.7", pace: { startPerSecond: 10, maxPerSecond: 50 } });
  });
});
