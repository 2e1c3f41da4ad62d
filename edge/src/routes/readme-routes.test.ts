import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import readme from "../../../README.md?raw";

/** Each `METHOD /path` at the start of a row of the README's route tables, the path's `{id}` kept and its query cut. */
function readmeRoutes(text: string): { method: string; path: string }[] {
  return [...text.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/[^`?\s]*)/gm)].map(([, method, path]) => ({ method: method!.toLowerCase(), path: path! }));
}

describe("the README's route tables", () => {
  it("name only routes the edge serves, as /openapi.json describes them", async () => {
    const document = (await (await SELF.fetch("http://edge.test/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = readmeRoutes(readme);
    expect(routes.length).toBeGreaterThan(5);
    // /openapi.json describes the API, not itself.
    const missing = routes.filter(({ method, path }) => path !== "/openapi.json" && document.paths[path]?.[method] === undefined);
    expect(missing).toEqual([]);
  });

  it("name every route /openapi.json describes", async () => {
    const document = (await (await SELF.fetch("http://edge.test/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const named = new Set(readmeRoutes(readme).map(({ method, path }) => `${method} ${path}`));
    const described = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(described.filter((route) => !named.has(route))).toEqual([]);
  });
});
