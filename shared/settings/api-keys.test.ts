import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiKeysVariable } from "./api-keys";
import { parseSettings, SettingsError } from "./parse";

const HASH = "a".repeat(64);

describe("MAILVET_API_KEYS", () => {
  it("reads a plain list as keys with the verify and jobs scopes", () => {
    expect(apiKeysVariable.parse(" first-key-0123456789 , second-key-0123456789 ")).toEqual([
      { id: null, secret: { key: "first-key-0123456789" }, scopes: ["verify", "jobs"] },
      { id: null, secret: { key: "second-key-0123456789" }, scopes: ["verify", "jobs"] },
    ]);
  });

  it("reads the JSON form: ids, hashed or plain keys, scopes, widget origins", () => {
    const value = JSON.stringify([
      { id: "acme", sha256: HASH, scopes: ["verify", "jobs"] },
      { id: "ops", key: "ops-key-0123456789abcdef", scopes: ["admin", "jobs", "verify"] },
      { id: "shop-widget", key: "pk_shop_0123456789", scopes: ["verify"], origins: ["https://shop.example", "http://127.0.0.1:8080"] },
    ]);
    expect(apiKeysVariable.parse(value)).toEqual([
      { id: "acme", secret: { sha256: HASH }, scopes: ["verify", "jobs"] },
      { id: "ops", secret: { key: "ops-key-0123456789abcdef" }, scopes: ["admin", "jobs", "verify"] },
      { id: "shop-widget", secret: { key: "pk_shop_0123456789" }, scopes: ["verify"], origins: ["https://shop.example", "http://127.0.0.1:8080"] },
    ]);
  });

  it.each([
    ["a 1-character key", "k", /at least 16 characters/],
    ["one short key among long ones", "first-key-0123456789,short", /at least 16 characters/],
    ["a key with a space", "first key 0123456789", /without spaces/],
    ["malformed JSON", '[{"id":"a",', /must be JSON/],
    ["a short key in JSON", '[{"id":"a","key":"k","scopes":["verify"]}]', /at least 16 characters/],
    ["both key and hash", `[{"id":"a","key":"0123456789abcdef","sha256":"${HASH}","scopes":["verify"]}]`, /exactly one of/],
    ["neither key nor hash", '[{"id":"a","scopes":["verify"]}]', /exactly one of/],
    ["a bad hash", '[{"id":"a","sha256":"XYZ","scopes":["verify"]}]', /64 lower-case hex/],
    ["an unknown scope", `[{"id":"a","sha256":"${HASH}","scopes":["root"]}]`, /verify, jobs, admin and reputation/],
    ["no scope", `[{"id":"a","sha256":"${HASH}","scopes":[]}]`, /at least one scope/],
    ["a widget key with jobs", `[{"id":"w","sha256":"${HASH}","scopes":["verify","jobs"],"origins":["https://a.example"]}]`, /only have the verify scope/],
    ["an origin with a path", `[{"id":"w","sha256":"${HASH}","scopes":["verify"],"origins":["https://a.example/form"]}]`, /scheme and host/],
    ["two keys with one id", `[{"id":"a","sha256":"${HASH}","scopes":["verify"]},{"id":"a","sha256":"${"b".repeat(64)}","scopes":["jobs"]}]`, /its own id/],
  ])("refuses %s, naming the variable and never the key", (_, value, message) => {
    const parse = () => parseSettings({ MAILVET_API_KEYS: value }, ["MAILVET_API_KEYS"]);
    expect(parse).toThrow(SettingsError);
    expect(parse).toThrow(new RegExp(`MAILVET_API_KEYS: .*${message.source}`));
    try {
      parse();
    } catch (error) {
      expect((error as Error).message).not.toContain("0123456789");
    }
  });

  it("never throws on any text, and anything it accepts has keys of 16 characters or more", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.array(fc.string()).map((keys) => keys.join(",")),
        ),
        (text) => {
          const parsed = apiKeysVariable.safeParse(text);
          if (parsed.success) for (const { secret } of parsed.data) if ("key" in secret) expect(secret.key.length).toBeGreaterThanOrEqual(16);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
