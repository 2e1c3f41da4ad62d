import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRIGRAM_COUNT } from "./alphabet";
import { flaggedShare, randomSamples, realSamples } from "../../tools/gibberish/evaluation-sets";
import { gibberishScore, isGibberish } from "./index";
import { GIBBERISH_MODEL } from "./model";
import { decodeTable } from "./model-file";

const HUMAN = {
  "names and initials": ["john.smith84", "jd1987", "ab12", "j.smith", "jsmith", "smithj", "Maria.Lopez", "khalid1985"],
  "Chinese pinyin": ["zhangwei88", "li.na", "wangxiaoming", "chenjie1990", "xiaoyu.zhang", "qianqian", "xue.xiaoqing"],
  "Japanese romaji": ["tanaka.hiroshi", "yamamoto_k", "suzuki.yuki", "takahashi_kenji", "watanabe.sho"],
  Korean: ["kimminsu", "parkjisoo", "leejihoon", "choi.minho", "seo.yeon", "kwonhyuk"],
  European: [
    "jose.garcia",
    "joao.silva",
    "juergen.mueller",
    "francois.dupont",
    "giuseppe.rossi",
    "szczepan.kowalczyk",
    "przemyslaw",
    "grzegorz.brzeczyszczykiewicz",
    "marie-claire.dubois",
    "sven.johansson",
    "olga.ivanova",
    "oleksandr.shevchenko",
  ],
  "Turkish, Indian, Arabic": [
    "mehmet.yilmaz",
    "ayse.ozturk",
    "yusuf_ozdemir",
    "rajesh.kumar",
    "priya.venkataraman",
    "mohammed.alqahtani",
    "abdulrahman",
    "fatima.zahra",
    "ahmed.hassan",
  ],
  Vietnamese: ["nguyen.thanh.huong", "nguyenvanan", "tranthimai", "phuong.tran", "minh.hoang92"],
  "words and handles": [
    "hello",
    "contact.us",
    "the.best.coffee",
    "info",
    "sales-team",
    "noreply",
    "postmaster",
    "support2024",
    "coolguy99",
    "darkangel",
    "gamer4life",
    "thebigbangtheory",
    "qwerty123",
  ],
};

const RANDOM = {
  "uniform [a-z0-9]": ["xq7zk2vbw9jh", "lq3k8f2x9a", "k8j3h5g2f1", "a8f3k2", "x9y8z7w6"],
  "keyboard mashes": ["kjhdsf8734", "asdfqwerzx", "zxcvbnm123", "jkhgfdsa", "ghfjdksl", "qpwoeiru", "aksjdhf"],
  "hex and ids": ["3fa9c2e81b0d", "8f14e45fceea167a", "1a2b3c4d5e6f"],
  "random letters": ["wxqzvtrp", "vnbmxk", "bvcxzlkj"],
};

describe("isGibberish", () => {
  it.each(Object.entries(HUMAN))("passes real-looking local parts: %s", (_, locals) => {
    expect(locals.filter((local) => isGibberish(local))).toEqual([]);
  });

  it.each(Object.entries(RANDOM))("flags random local parts: %s", (_, locals) => {
    expect(locals.filter((local) => !isGibberish(local))).toEqual([]);
  });

  it("never flags short, digit-only or non-ASCII local parts", () => {
    for (const local of ["xq7k", "zzzzz", "qxzvk", "8734920174", "1234-5678", "张伟", "иван.петров", "xq7zk2vbw9jhé"]) {
      expect(isGibberish(local)).toBe(false);
    }
  });
});

describe("properties", () => {
  const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)) });

  it("never throws, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (local) => {
        expect(typeof isGibberish(local)).toBe("boolean");
        expect(Number.isFinite(gibberishScore(local))).toBe(true);
      }),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(ascii, (local) => {
        const first = isGibberish(local);
        return isGibberish(local) === first;
      }),
    );
  });

  it("is case-insensitive", () => {
    fc.assert(
      fc.property(ascii, (local) => {
        expect(isGibberish(local.toUpperCase())).toBe(isGibberish(local.toLowerCase()));
        expect(gibberishScore(local.toUpperCase())).toBe(gibberishScore(local.toLowerCase()));
      }),
    );
  });

  it("never flags a local part with a character outside ASCII", () => {
    const withNonAscii = fc
      .tuple(ascii, fc.integer({ min: 128, max: 0xffff }), ascii)
      .map(([before, code, after]) => before + String.fromCharCode(code) + after);
    fc.assert(fc.property(withNonAscii, (local) => !isGibberish(local)));
  });

  it("never flags digits and separators alone", () => {
    const noLetters = fc.string({ unit: fc.constantFrom(..."0123456789._-+") });
    fc.assert(fc.property(noLetters, (local) => !isGibberish(local)));
  });
});

describe("held-out evaluation", () => {
  // Names and words of the test split never reached training (see splits.ts and corpus.ts).
  const real = realSamples("test", 2000, 0x74657374);
  const random = randomSamples(2000, 0x726e64);

  it("flags well under 1% of real-looking local parts, in every category and form", { timeout: 60_000 }, () => {
    const byCategory = flaggedShare(real, (sample) => sample.category, isGibberish);
    const byShape = flaggedShare(real, (sample) => sample.shape, isGibberish);
    expect(byCategory.all).toBeLessThan(0.004);
    for (const share of [...Object.values(byCategory), ...Object.values(byShape)]) expect(share).toBeLessThan(0.01);
  });

  it("flags over 90% of random local parts of 8-16 characters, of every kind", { timeout: 60_000 }, () => {
    const byKind = flaggedShare(random, (sample) => sample.kind, isGibberish);
    for (const share of Object.values(byKind)) expect(share).toBeGreaterThan(0.9);
    expect(byKind.all).toBeGreaterThan(0.95);
  });
});

describe("the model", () => {
  it("is small: one byte per trigram, about 32 KB of base64", () => {
    expect(decodeTable(GIBBERISH_MODEL.logOdds)).toHaveLength(TRIGRAM_COUNT);
    expect(GIBBERISH_MODEL.logOdds.length).toBeLessThan(40_000);
  });

  it("scores hundreds of thousands of local parts a second", () => {
    const locals = randomSamples(500, 3).map((sample) => sample.text);
    isGibberish("warm.up");
    const started = performance.now();
    let flagged = 0;
    for (let round = 0; round < 40; round++) for (const local of locals) if (isGibberish(local)) flagged++;
    const perSecond = (40 * locals.length) / ((performance.now() - started) / 1000);
    expect(flagged).toBeGreaterThan(0);
    // Far below what it does (millions a second), so a busy CI machine does not fail it.
    expect(perSecond).toBeGreaterThan(200_000);
  });
});
