import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64url } from "./base64url";

describe("base64url", () => {
  it("uses the URL-safe alphabet without padding", () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
    expect(base64url(new Uint8Array([]))).toBe("");
  });

  it("decodes back to the same bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = base64url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
        expect(Uint8Array.from(binary, (char) => char.charCodeAt(0))).toEqual(bytes);
      }),
    );
  });
});
