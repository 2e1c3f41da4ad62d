import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { sha256Hex } from "./key-table";

const app = createApp();
const SECRET_KEY = "acme-secret-key-0123456789";
const VERIFY_ONLY_KEY = "verify-only-key-0123456789";
const WIDGET_KEY = "pk_widget_0123456789abcdef";

async function keyedEnv() {
  const keys = [
    // Stored hashed: the setting holds the key's SHA-256 only.
    { id: "acme", sha256: await sha256Hex(SECRET_KEY), scopes: ["verify", "jobs"] },
    { id: "verifier", key: VERIFY_ONLY_KEY, scopes: ["verify"] },
    { id: "shop-widget", key: WIDGET_KEY, scopes: ["verify"], origins: ["https://shop.example"] },
  ];
  return { ...env, MAILVET_API_KEYS: JSON.stringify(keys) };
}

async function call(path: string, headers: Record<string, string>, init: RequestInit = {}) {
  const response = await app.fetch(new Request(`http://edge${path}`, { ...init, headers }), await keyedEnv(), createExecutionContext());
  const body = response.headers.get("content-type")?.includes("json") ? ((await response.json()) as { error?: { code: string; message: string } }) : null;
  return { status: response.status, error: body?.error };
}

const VERIFY = "/v1/verify?email=a@example-shop.com&smtp=false";

describe("API keys with scopes", () => {
  it("takes a key stored as its SHA-256 and refuses anything else with 401", async () => {
    expect((await call(VERIFY, { authorization: `Bearer ${SECRET_KEY}` })).status).toBe(200);
    expect((await call(VERIFY, { authorization: `Bearer ${SECRET_KEY}x` })).status).toBe(401);
    expect((await call(VERIFY, { authorization: `Bearer ${await sha256Hex(SECRET_KEY)}` })).status).toBe(401);
    expect((await call(VERIFY, {})).status).toBe(401);
  });

  it("refuses a route outside the key's scopes with 403, and starts no job", async () => {
    const refused = await call(
      "/v1/jobs",
      { authorization: `Bearer ${VERIFY_ONLY_KEY}`, "content-type": "application/json" },
      { method: "POST", body: JSON.stringify({ emails: ["a@example-shop.com"] }) },
    );
    expect(refused).toMatchObject({ status: 403, error: { code: "forbidden", message: expect.stringMatching(/jobs scope/) } });
    expect((await env.JOBS_BUCKET.list()).objects).toHaveLength(0);
    expect((await call(VERIFY, { authorization: `Bearer ${VERIFY_ONLY_KEY}` })).status).toBe(200);
  });

  it("lets a widget key verify from its own origins only, and never start jobs", async () => {
    expect((await call(VERIFY, { authorization: `Bearer ${WIDGET_KEY}`, origin: "https://shop.example" })).status).toBe(200);
    expect(await call(VERIFY, { authorization: `Bearer ${WIDGET_KEY}`, origin: "https://evil.example" })).toMatchObject({
      status: 403,
      error: { message: expect.stringMatching(/evil\.example/) },
    });
    expect(await call(VERIFY, { authorization: `Bearer ${WIDGET_KEY}` })).toMatchObject({ status: 403, error: { message: expect.stringMatching(/Origin/) } });
    const job = await call(
      "/v1/jobs",
      { authorization: `Bearer ${WIDGET_KEY}`, origin: "https://shop.example", "content-type": "application/json" },
      { method: "POST", body: JSON.stringify({ emails: ["a@example-shop.com"] }) },
    );
    expect(job.status).toBe(403);
  });
});
