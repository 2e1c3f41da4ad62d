import { describe, expect, it } from "vitest";
import { PERSON_FORMS, type Pools, WORD_FORMS, buildLocalPart } from "./local-parts";
import { seededRandom } from "../../shared/gibberish/random";

const pools: Pools = { first: ["maria", "john"], last: ["lopez", "smith"], words: ["coffee", "dark", "angel"] };

describe("buildLocalPart", () => {
  it("builds personal local parts from the pools, in every form", () => {
    const random = seededRandom(31);
    const samples = Array.from({ length: 2000 }, () => buildLocalPart(random, PERSON_FORMS, pools));
    expect(new Set(samples.map((sample) => sample.shape))).toEqual(
      new Set(["first name", "surname", "first.last", "last_first", "initial+surname", "name+digits", "initials+digits"]),
    );
    for (const { text, shape } of samples) {
      expect(text).toMatch(/^[a-z0-9._-]+$/);
      if (shape === "first name") expect(pools.first).toContain(text);
      if (shape === "initials+digits") expect(text).toMatch(/^[jm]{2,3}[0-9]+$/);
    }
    expect(samples.map((sample) => sample.text)).toContain("maria.lopez");
  });

  it("builds role addresses and handles from words", () => {
    const random = seededRandom(32);
    const samples = Array.from({ length: 500 }, () => buildLocalPart(random, WORD_FORMS, pools));
    expect(new Set(samples.map((sample) => sample.shape))).toEqual(new Set(["words", "handle"]));
    expect(samples.map((sample) => sample.text)).toContain("darkangel");
  });

  it("is the same for the same seed", () => {
    const make = (): string => buildLocalPart(seededRandom(33), PERSON_FORMS, pools).text;
    expect(make()).toBe(make());
  });
});
