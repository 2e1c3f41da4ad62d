import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";

it("serves an OpenAPI 3.1 document generated from the request and result schemas", async () => {
  const response = await SELF.fetch("http://edge/openapi.json");
  expect(response.status).toBe(200);
  const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths["/v1/verify"]!)).toEqual(expect.arrayContaining(["get", "post"]));
  expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["VerifyResult", "VerifyRequest", "Error", "Flags"]));
});
