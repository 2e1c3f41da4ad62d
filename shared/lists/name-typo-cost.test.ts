import { describe, expect, it } from "vitest";
import { nameTypoCost, typoName } from "./name-typo-cost";

const cost = (typed: string, intended: string) => nameTypoCost(typoName(typed), typoName(intended));

describe("nameTypoCost", () => {
  it.each([
    ["gmail", "gmail", 0],
    ["gmial", "gmail", 1],
    ["mgail", "gmail", 1],
    ["gnail", "gmail", 1],
    ["gmaill", "gmail", 1],
    ["hotmial", "hotmail", 1],
    ["outlok", "outlook", 1],
    ["mial", "mail", 1],
    ["maill", "mail", 1],
    ["bel", "bell", 1],
    ["googlemial", "googlemail", 1],
    ["googelmial", "googlemail", 2],
    ["t-onlin", "t-online", 1],
  ])("%s for %s costs %i", (typed, intended, expected) => {
    expect(cost(typed, intended)).toBe(expected);
  });

  it.each([
    ["qqq", "qq", "three letters or fewer must match"],
    ["q", "qq", "three letters or fewer must match"],
    ["aoll", "aol", "three letters or fewer must match"],
    ["nail", "mail", "four letters allow no substitution"],
    ["mali", "mail", "four letters allow no swap at the edge"],
    ["sian", "sina", "four letters allow no swap at the edge"],
    ["xmail", "mail", "four letters allow no insertion but a doubled letter"],
    ["aver", "naver", "the first letter is kept"],
    ["hmail", "gmail", "the first letter is kept"],
    ["never", "naver", "a substitution between distant keys is too far"],
    ["joymail", "hotmail", "two edits are too far below ten letters"],
    ["hotmaill2", "hotmail", "two edits are too far below ten letters"],
  ])("%s for %s is no typo: %s", (typed, intended) => {
    expect(cost(typed, intended)).toBeNull();
  });
});
