import { describe, expect, it } from "vitest";
import { clientOf, probeIdOf } from "./caller";

describe("clientOf", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:DB8:1:2::9", "2001:db8:1:2::/64"],
    ["not an address", "unknown"],
  ])("counts %s as %s", (ip, client) => {
    expect(clientOf(new Headers({ "CF-Connecting-IP": ip }))).toBe(client);
  });

  it("is unknown without the header", () => {
    expect(clientOf(new Headers())).toBe("unknown");
  });
});

describe("probeIdOf", () => {
  it("gives probers an opaque, stable id per caller that reveals nothing it was made from", async () => {
    const alice = await probeIdOf("key:alice");
    expect(alice).toMatch(/^[0-9a-f]{32}$/);
    expect(await probeIdOf("key:alice")).toBe(alice);
    expect(await probeIdOf("key:bob")).not.toBe(alice);
    expect(alice).not.toContain("alice");
  });
});
