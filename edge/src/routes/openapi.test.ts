import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** The document itself is served by the app but does not describe itself. */
const UNDESCRIBED = new Set(["GET /openapi.json"]);

async function openApiDocument(): Promise<OpenApiDocument> {
  const response = await SELF.fetch("http://edge/openapi.json");
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApiDocument;
}

/** Every route the app answers, as "METHOD /path/{param}" (middleware is registered as ALL). */
function servedRoutes(): string[] {
  const routes = createApp()
    .routes.filter(({ method }) => method !== "ALL")
    .map(({ method, path }) => `${method} ${path.replace(/:(\w+)/g, "{$1}")}`);
  return [...new Set(routes)].filter((route) => !UNDESCRIBED.has(route)).sort();
}

describe("/openapi.json", () => {
  it("is an OpenAPI 3.1 document generated from the request and result schemas", async () => {
    const doc = await openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["VerifyResult", "VerifyRequest", "Error", "Flags", "JobEmails", "JobCreated", "JobStatus"]),
    );
  });

  it("describes every route the app serves, and nothing else", async () => {
    const doc = await openApiDocument();
    const described = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const served = servedRoutes();
    // Guards against a filter that drops everything: the app has both kinds of route.
    expect(served).toEqual(expect.arrayContaining(["GET /v1/verify", "POST /v1/verify", "POST /v1/jobs", "DELETE /v1/jobs/{id}"]));
    expect(described.sort()).toEqual(served);
  });

  it("gives every operation its responses, each with a description and, where it has a body, a schema", async () => {
    const doc = await openApiDocument();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        const responses = Object.entries(operation.responses ?? {});
        expect(responses.length, where).toBeGreaterThan(0);
        expect(
          responses.some(([status]) => status.startsWith("2")),
          `${where} has a success response`,
        ).toBe(true);
        for (const [status, response] of responses) {
          expect(response.description, `${where} ${status}`).toBeTruthy();
          for (const [type, media] of Object.entries(response.content ?? {})) expect(media.schema, `${where} ${status} ${type}`).toBeDefined();
        }
        // Every /v1 route can refuse bad input, a missing key, a key without its scope and the rate limit; it says so.
        if (path.startsWith("/v1/")) expect(Object.keys(operation.responses ?? {}), where).toEqual(expect.arrayContaining(["400", "401", "403", "429"]));
      }
    }
  });
});
