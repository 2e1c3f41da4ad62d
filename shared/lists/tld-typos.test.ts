import { describe, expect, it } from "vitest";
import { suffixSlips, withNonexistentTldFixed } from "./tld-typos";

describe("suffixSlips", () => {
  it("lists the slips of com, real top-level domains included", () => {
    expect(suffixSlips("com")).toEqual(expect.arrayContaining(["con", "cmo", "comm", "ocm", "co", "cm", "om"]));
  });

  it.each([
    ["net", ["nte", "nett", "ner", "ne"]],
    ["org", ["ogr", "orgg", "rog", "prg"]],
    ["de", []],
    ["co.uk", []],
  ])("lists the slips of %s", (suffix, slips) => {
    expect(suffixSlips(suffix)).toEqual(slips);
  });

  it("slips one label of a two-label suffix", () => {
    expect(suffixSlips("com.br")).toContain("con.br");
    expect(suffixSlips("com.br")).toContain("co.br");
    expect(suffixSlips("net.mx")).toContain("nte.mx");
  });
});

describe("withNonexistentTldFixed", () => {
  it.each([
    ["acme.con", "acme.com"],
    ["mail.acme.comm", "mail.acme.com"],
    ["acme.ocm", "acme.com"],
    ["acme.nte", "acme.net"],
    ["acme.ogr", "acme.org"],
  ])("%s becomes %s", (domain, fixed) => {
    expect(withNonexistentTldFixed(domain)).toBe(fixed);
  });

  it.each(["acme.com", "acme.co", "acme.cm", "acme.ne", "con", ".con", "[127.0.0.1]"])("%s stays", (domain) => {
    expect(withNonexistentTldFixed(domain)).toBeNull();
  });
});
