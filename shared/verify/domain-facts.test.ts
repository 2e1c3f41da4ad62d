import { describe, expect, it } from "vitest";
import { DomainList } from "../lists/disposable";
import { domainFacts } from "./domain-facts";

describe("domainFacts", () => {
  it("gathers the reserved, disposable, free and typo facts of a domain", () => {
    expect(domainFacts("gmail.com")).toEqual({ reserved: false, disposable: false, free: true, suggestedDomain: null });
    expect(domainFacts("mailinator.com")).toMatchObject({ disposable: true });
    expect(domainFacts("shop.example.com")).toMatchObject({ reserved: true });
    expect(domainFacts("gmail.con")).toMatchObject({ suggestedDomain: "gmail.com" });
  });

  it("answers the same for the same domain, and apart for other lists", () => {
    expect(domainFacts("yopmail.com")).toBe(domainFacts("yopmail.com"));
    const override = DomainList.fromText("shop-trash.net");
    expect(domainFacts("shop-trash.net").disposable).toBe(false);
    expect(domainFacts("shop-trash.net", override).disposable).toBe(true);
    expect(domainFacts("shop-trash.net", override, DomainList.fromText("shop-trash.net")).disposable).toBe(false);
  });
});
