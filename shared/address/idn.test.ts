import { describe, expect, it } from "vitest";
import { toIdnaForms } from "./idn";

describe("toIdnaForms", () => {
  it.each([
    ["bücher.de", "xn--bcher-kva.de", "bücher.de"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de", "bücher.de"],
    ["例子.广告", "xn--fsqu00a.xn--4rr70v", "例子.广告"],
    ["臺網中心.台灣", "xn--fiqq24b10vi0d.xn--kpry57d", "臺網中心.台灣"],
    ["xn--hxajbheg2az3al.xn--jxalpdlp", "xn--hxajbheg2az3al.xn--jxalpdlp", "παράδειγμα.δοκιμή"],
    ["straße.de", "xn--strae-oqa.de", "straße.de"],
    // Non-transitional: final sigma stays, rather than becoming σ.
    ["ας.gr", "xn--mxa8a.gr", "ας.gr"],
    // Text that differs from its NFC form only in normalization is the same name.
    ["mu\u0308nchen.de", "xn--mnchen-3ya.de", "münchen.de"],
  ])("converts %s", (lowered, ascii, unicode) => {
    expect(toIdnaForms(lowered)).toEqual({ ascii, unicode });
  });

  it.each([
    ["full-width letters", "ｇｍａｉｌ.com"],
    ["an ideographic full stop", "例子。广告"],
    ["a full-width full stop", "my.ｅｘ\uFF0Ecom"],
    ["a circled digit", "①.com"],
    ["a ligature", "ﬁle.com"],
    ["a zero-width space (ignored by UTS #46)", "a\u200Bb.com"],
    ["long s", "ſ.com"],
  ])("refuses %s, which only a UTS #46 mapping would turn valid", (_, lowered) => {
    expect(toIdnaForms(lowered)).toBe("idn_mapping");
  });

  it.each([
    ["an A-label that decodes to an upper-case letter", "xn--example.com"],
    ["an A-label that decodes to nothing valid", "xn--0.tld"],
    ["an empty A-label", "xn--.com"],
    ["an A-label of ASCII only", "xn--abc-.com"],
    ["an A-label in non-canonical Punycode", "xn--bcher-KVA.de"],
    ["a U-label with a reserved hyphen pair", "ab--ü.de"],
    ["a symbol", "☃.net"],
    ["a leading combining mark", "\u0300a.com"],
    ["a Unicode space", "a\u2005b.com"],
    ["a lone surrogate", "a\uD800.com"],
    ["a bidi override", "\u202Dab.com"],
    ["a ZWNJ where CONTEXTJ forbids it", "a\u200Cb.com"],
    ["right-to-left text breaking the bidi rule", "\u05D0a.com"],
    ["a middle dot not between l's", "a·b.com"],
  ])("refuses %s", (_, lowered) => {
    expect(toIdnaForms(lowered)).toBe("idn_invalid");
  });
});

describe("toIdnaForms' memory of recent conversions", () => {
  it("gives the same answers once it has filled and cleared", () => {
    const names = Array.from({ length: 1200 }, (_, i) => `bücher${i}.de`);
    const first = names.map(toIdnaForms);
    expect(names.map(toIdnaForms)).toEqual(first);
    expect(first[7]).toEqual({ ascii: "xn--bcher7-3ya.de", unicode: "bücher7.de" });
    expect(toIdnaForms("ｇｍａｉｌ.com")).toBe("idn_mapping");
    expect(toIdnaForms("ｇｍａｉｌ.com")).toBe("idn_mapping");
  });
});
