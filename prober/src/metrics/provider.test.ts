import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POLITENESS_RULES } from "../probe/politeness";
import { providerLabel } from "./provider";

describe("providerLabel", () => {
  it("names the providers of the politeness table by their MX hosts", () => {
    expect(providerLabel("alt1.aspmx.l.google.com.")).toBe("google");
    expect(providerLabel("contoso-com.mail.protection.outlook.com")).toBe("microsoft");
    expect(providerLabel("mta5.am0.yahoodns.net")).toBe("yahoo");
    expect(providerLabel("mx1.mailvet-mta.net")).toBe("other");
    expect(providerLabel(null)).toBe("none");
  });

  it("never turns a host name into a label: any name gives one of a fixed few (fuzz)", () => {
    const labels = new Set([...POLITENESS_RULES.map((rule) => rule.provider), "other"]);
    fc.assert(fc.property(fc.domain(), (host) => labels.has(providerLabel(host))));
  });
});
