import fc from "fast-check";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { writeId } from "./write-id";

const toml = `# top
[[env.staging.kv_namespaces]]
binding = "OTHER"
id = "keep"

[[env.staging.kv_namespaces]]
binding = "LISTS"
id = "created-by-npm-run-deploy" # comment

[[env.production.kv_namespaces]]
binding = "LISTS"
id = "created-by-npm-run-deploy"
`;

describe("writeId", () => {
  it("writes the id into the block of that environment and binding only", () => {
    const written = writeId(toml, { env: "staging", table: "kv_namespaces", binding: "LISTS", key: "id" }, "abc123");
    const config = parse(written) as { env: Record<string, { kv_namespaces: { binding: string; id: string }[] }> };
    expect(config.env.staging!.kv_namespaces).toEqual([
      { binding: "OTHER", id: "keep" },
      { binding: "LISTS", id: "abc123" },
    ]);
    expect(config.env.production!.kv_namespaces[0]!.id).toBe("created-by-npm-run-deploy");
    expect(written).toContain('id = "abc123" # comment');
  });

  it("refuses a block that is not there", () => {
    expect(() => writeId(toml, { env: "staging", table: "d1_databases", binding: "JOBS_DB", key: "database_id" }, "x")).toThrow(
      /no \[\[env.staging.d1_databases\]\]/,
    );
  });

  it("round-trips any id TOML can hold in a basic string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme-ascii" }), fc.constantFrom("$&", "$1", 'a"b')), (id) => {
        const written = writeId(toml, { env: "production", table: "kv_namespaces", binding: "LISTS", key: "id" }, id);
        const config = parse(written) as { env: Record<string, { kv_namespaces: { id: string }[] }> };
        expect(config.env.production!.kv_namespaces[0]!.id).toBe(id);
      }),
    );
  });
});
