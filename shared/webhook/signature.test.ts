import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./signature";

describe("webhook signatures", () => {
  it("are the HMAC-SHA256 of '<t>.<body>' that any HMAC library computes", async () => {
    const expected = createHmac("sha256", "s3cret").update('1800000000.{"a":1}').digest("hex");
    expect(await signWebhook("s3cret", '{"a":1}', 1_800_000_000)).toBe(`t=1800000000,v1=${expected}`);
  });

  it("verify for the same secret and body, and for nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.string(), fc.string(), async (secret, body, other) => {
        const header = await signWebhook(secret, body, 1_800_000_000);
        expect(await verifyWebhookSignature(secret, header, body, 1_800_000_100)).toBe(true);
        if (other !== body) expect(await verifyWebhookSignature(secret, header, other, 1_800_000_100)).toBe(false);
        expect(await verifyWebhookSignature(`${secret}x`, header, body, 1_800_000_100)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it("refuse a delivery older than the tolerance, and headers that are not signatures", async () => {
    const header = await signWebhook("s3cret", "{}", 1_800_000_000);
    expect(await verifyWebhookSignature("s3cret", header, "{}", 1_800_000_301)).toBe(false);
    for (const bad of [null, "", "v1=abc", "t=x,v1=abc", "t=1800000000"]) expect(await verifyWebhookSignature("s3cret", bad, "{}", 1_800_000_000)).toBe(false);
  });
});
