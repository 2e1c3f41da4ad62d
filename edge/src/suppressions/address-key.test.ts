import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressHash, suppressedAddress } from "./address-key";

describe("suppressedAddress", () => {
  it("never throws, and files any case of an address under one key", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.emailAddress(),
          fc.emailAddress().map((email) => `<${email.toUpperCase()}>`),
        ),
        (input) => {
          const filed = suppressedAddress(input);
          if (filed === null) return;
          expect(filed.key).toBe(filed.address.toLowerCase());
          expect(suppressedAddress(filed.address)).toEqual(filed);
          expect(suppressedAddress(input.toUpperCase())?.key ?? filed.key).toBe(filed.key);
        },
      ),
    );
  });

  it("keeps the local part as given and lower-cases the domain", () => {
    expect(suppressedAddress(" <Ann.Lee@Shop-Example.NET> ")).toEqual({ address: "Ann.Lee@shop-example.net", key: "ann.lee@shop-example.net" });
    expect(suppressedAddress("Ann Lee <ann@shop-example.net>")).toBeNull();
    expect(suppressedAddress("")).toBeNull();
  });
});

describe("addressHash", () => {
  it("is 64 hex digits that do not contain the address", async () => {
    const hash = await addressHash("ann@shop-example.net");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await addressHash("ann@shop-example.net")).toBe(hash);
    expect(await addressHash("bob@shop-example.net")).not.toBe(hash);
  });
});
