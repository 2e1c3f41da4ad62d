import { SELF } from "cloudflare:test";
import fc from "fast-check";
import { expect, it } from "vitest";
import { ErrorBodySchema, VerifyResultSchema } from "../../../shared/contract/schemas";

/** Every answer is a 200 the contract allows or a 400 with a reason; nothing else. */
async function expectContractAnswer(response: Response): Promise<void> {
  const body = await response.json();
  if (response.status === 200) VerifyResultSchema.parse(body);
  else {
    expect(response.status).toBe(400);
    ErrorBodySchema.parse(body);
  }
}

// Strings with every kind of code unit, including lone surrogates, controls and `@`-heavy text.
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom("@", ".", '"', "\\", "[", "]", "a", "ü", "\u0000", " ", "\ud800"), maxLength: 300 }),
  fc.tuple(fc.string({ unit: "grapheme", maxLength: 30 }), fc.domain()).map(([local, domain]) => `${local}@${domain}`),
);

it("POST: any string as the email gets a verdict or a 400", async () => {
  await fc.assert(
    fc.asyncProperty(anyText, async (email) => {
      const response = await SELF.fetch("http://edge/v1/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, smtp: false }),
      });
      await expectContractAnswer(response);
    }),
    { numRuns: 300 },
  );
});

it("GET: any bytes, percent-encoded, get a verdict or a 400", async () => {
  const bytes = fc.uint8Array({ maxLength: 120 });
  await fc.assert(
    fc.asyncProperty(bytes, async (raw) => {
      const query = Array.from(raw, (byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
      await expectContractAnswer(await SELF.fetch(`http://edge/v1/verify?smtp=false&email=${query}`));
    }),
    { numRuns: 300 },
  );
});
