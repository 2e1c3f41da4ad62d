import { describe, expect, it } from "vitest";
import { sha256Base64url } from "./sha256";

describe("sha256Base64url", () => {
  it("hashes bytes to 43 base64url characters", async () => {
    expect(await sha256Base64url(new Uint8Array())).toBe("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
    expect(await sha256Base64url(new TextEncoder().encode("abc"))).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  });
});
