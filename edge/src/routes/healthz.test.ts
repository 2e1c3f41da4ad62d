import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";

it("answers /healthz without revealing anything", async () => {
  const response = await SELF.fetch("http://edge/healthz");
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});
