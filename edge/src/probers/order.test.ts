import { describe, expect, it } from "vitest";
import { ProberHealthBook } from "./health";
import { orderProbers } from "./order";

const probers = [
  { id: "us1", region: "us", url: "https://us1.example.net" },
  { id: "eu1", region: "eu", url: "https://eu1.example.net" },
  { id: "eu2", region: "EU", url: "https://eu2.example.net" },
  { id: "ap1", region: "ap", url: "https://ap1.example.net" },
];
const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe("orderProbers", () => {
  it("puts the caller's region first and keeps the configured order within a group", () => {
    expect(ids(orderProbers(probers, "eu", new ProberHealthBook()))).toEqual(["eu1", "eu2", "us1", "ap1"]);
    expect(ids(orderProbers(probers, undefined, new ProberHealthBook()))).toEqual(["us1", "eu1", "eu2", "ap1"]);
  });

  it("tries probers cooling down after failures last, and forgives them after a success", () => {
    const health = new ProberHealthBook();
    health.failed("eu1", 1_000);
    expect(ids(orderProbers(probers, "eu", health, {}, 2_000))).toEqual(["eu2", "us1", "ap1", "eu1"]);
    health.succeeded("eu1");
    expect(ids(orderProbers(probers, "eu", health, {}, 2_000))[0]).toBe("eu1");
  });

  it("tries the probers a caller avoids after every other, even ones cooling down", () => {
    const health = new ProberHealthBook();
    health.failed("us1", 1_000);
    expect(ids(orderProbers(probers, "eu", health, { avoid: new Set(["eu1", "eu2"]) }, 2_000))).toEqual(["ap1", "us1", "eu1", "eu2"]);
  });

  it("uses a degraded prober only when no other can answer, after those cooling down, before those avoided", () => {
    const health = new ProberHealthBook();
    health.failed("ap1", 1_000);
    const order = orderProbers(probers, "eu", health, { degraded: new Set(["eu1"]), avoid: new Set(["us1"]) }, 2_000);
    expect(ids(order)).toEqual(["eu2", "ap1", "eu1", "us1"]);
  });

  it("moves away from the region of probers found degraded or blocked, even the caller's own", () => {
    const order = orderProbers(probers, "eu", new ProberHealthBook(), { degraded: new Set(["eu1"]), awayFromRegions: new Set(["eu"]) });
    expect(ids(order)).toEqual(["us1", "ap1", "eu2", "eu1"]);
  });

  it("lets a cool-down run out, and doubles it for failures in a row", () => {
    const health = new ProberHealthBook();
    health.failed("us1", 0);
    expect(health.isAvoided("us1", 4_999)).toBe(true);
    expect(health.isAvoided("us1", 5_001)).toBe(false);
    health.failed("us1", 10_000);
    expect(health.isAvoided("us1", 19_999)).toBe(true);
    expect(health.isAvoided("us1", 20_001)).toBe(false);
  });
});
