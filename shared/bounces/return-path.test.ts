import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeReturnPath, recipientMatches, verifyReturnPath } from "./return-path";

const secret = "return-path-test-secret-1";
const options = { owner: "key:1a2b3c4d5e6f", recipient: "Kijitora@Example.org", domain: "bounces.example.com", secret };

describe("makeReturnPath / verifyReturnPath", () => {
  it("makes a short address of safe characters that verifies to its owner and recipient", async () => {
    const path = await makeReturnPath(options);
    const [local = ""] = path.split("@");
    expect(local.length).toBeLessThanOrEqual(64);
    expect(local).toMatch(/^b\+[a-z2-7]+\.[a-z2-7]{10}\.[a-z2-7]{16}$/);
    const verified = await verifyReturnPath(path, [secret]);
    expect(verified?.owner).toBe(options.owner);
    expect(await recipientMatches(verified!.recipientHash, "kijitora@example.org")).toBe(true);
    expect(await recipientMatches(verified!.recipientHash, "sabineko@example.org")).toBe(false);
  });

  it("survives an MTA that changes the case, and angle brackets", async () => {
    const path = await makeReturnPath(options);
    expect(await verifyReturnPath(`<${path.toUpperCase()}>`, [secret])).not.toBeNull();
  });

  it("accepts any secret of a rotation, and no other", async () => {
    const path = await makeReturnPath(options);
    expect(await verifyReturnPath(path, ["new-secret", secret])).not.toBeNull();
    expect(await verifyReturnPath(path, ["new-secret"])).toBeNull();
    expect(await verifyReturnPath(path, [])).toBeNull();
  });

  it("refuses the address when any one character is changed", async () => {
    const path = await makeReturnPath(options);
    const replacement = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789.+-@_");
    await fc.assert(
      fc.asyncProperty(fc.nat(path.length - 1), replacement, async (at, char) => {
        fc.pre(path[at] !== char);
        expect(await verifyReturnPath(path.slice(0, at) + char + path.slice(at + 1), [secret])).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on any address", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (text) => {
        expect(await verifyReturnPath(text, [secret])).toBeNull();
      }),
    );
  });

  it("refuses an owner too long for a local part", async () => {
    await expect(makeReturnPath({ ...options, owner: "key:".padEnd(22, "x") })).rejects.toThrow(RangeError);
    await expect(makeReturnPath({ ...options, owner: "key:".padEnd(21, "x") })).resolves.toContain("@bounces.example.com");
  });
});
