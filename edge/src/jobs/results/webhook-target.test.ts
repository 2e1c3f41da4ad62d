import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import type { DnsResolver, LookupOutcome } from "../../../../shared/dns";
import { createApp } from "../../app";
import { webhookRefusal } from "./webhook-target";

/** A resolver that answers from a table: name → addresses (none: NXDOMAIN). */
function tableResolver(table: Record<string, string[]>): DnsResolver {
  return {
    async lookup(name, type) {
      const addresses = (table[name] ?? []).filter((address) => address.includes(":") === (type === "AAAA"));
      if (!(name in table)) return { kind: "nxdomain", ttl: 60 } as LookupOutcome<typeof type>;
      if (addresses.length === 0) return { kind: "nodata", ttl: 60 } as LookupOutcome<typeof type>;
      return { kind: "records", ttl: 60, records: addresses.map((address) => ({ type, address })) } as LookupOutcome<typeof type>;
    },
    stats: () => ({ lookups: 0, cacheHits: 0, upstreamQueries: 0 }),
  };
}

const resolver = tableResolver({
  "hooks.example.net": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
  "rebind.example.net": ["93.184.215.14", "10.0.0.5"],
  "metadata.example.net": ["169.254.169.254"],
  "v6-local.example.net": ["fd00::1"],
});
const strict = { allowPrivate: false, resolver };

describe("webhookRefusal", () => {
  it.each([
    ["http://127.0.0.1:9/hook", /must be https/],
    ["http://hooks.example.net/hook", /must be https/],
    ["https://127.0.0.1/hook", /127\.0\.0\.1 is loopback/],
    ["https://[::1]:8443/hook", /::1 is loopback/],
    ["https://169.254.169.254/latest/meta-data/", /link-local/],
    ["https://[::ffff:10.0.0.1]/hook", /IPv4-mapped: private/],
    ["https://0x7f.1/hook", /127\.0\.0\.1 is loopback/],
    ["https://2130706433/hook", /127\.0\.0\.1 is loopback/],
    ["https://192.168.1.1/hook", /private/],
    ["https://localhost/hook", /this machine/],
    ["https://api.localhost/hook", /this machine/],
    ["https://rebind.example.net/hook", /resolves to 10\.0\.0\.5, which is private/],
    ["https://metadata.example.net/hook", /169\.254\.169\.254, which is link-local/],
    ["https://v6-local.example.net/hook", /fd00::1, which is unique local/],
    ["https://nowhere.example.net/hook", /has no address/],
    ["https://user:secret@hooks.example.net/hook", /user name or password/],
    ["ftp://hooks.example.net/hook", /must be https/],
  ])("refuses %s", async (url, reason) => {
    expect(await webhookRefusal(url, strict)).toMatch(reason);
  });

  it.each(["https://hooks.example.net/hook", "https://93.184.215.14:8443/hook?x=1", "https://[2606:4700::1111]/hook"])("allows %s", async (url) => {
    expect(await webhookRefusal(url, strict)).toBeNull();
  });

  it("lets tests and local use reach loopback over http, and nothing but http(s)", async () => {
    const local = { allowPrivate: true, resolver };
    expect(await webhookRefusal("http://127.0.0.1:9/hook", local)).toBeNull();
    expect(await webhookRefusal("ftp://127.0.0.1/hook", local)).toMatch(/http\(s\)/);
  });
});

describe("POST /v1/jobs with a hostile webhook_url", () => {
  const app = createApp();
  const strictEnv = { ...env, MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE: "0" };
  const post = (body: unknown) =>
    app.fetch(
      new Request("http://edge/v1/jobs", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
      strictEnv,
      createExecutionContext(),
    );

  it.each([
    ["loopback over http", "http://127.0.0.1:9/hook", /must be https/],
    ["cloud metadata", "https://169.254.169.254/latest/meta-data/", /link-local/],
    ["an IPv6 loopback", "https://[::1]/hook", /loopback/],
  ])("refuses %s with a 400 that says why, and keeps nothing of the job", async (_, webhook_url, reason) => {
    const before = (await env.JOBS_BUCKET.list()).objects.length;
    const response = await post({ emails: ["ann@example-shop.com"], webhook_url });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "invalid_request",
      message: expect.stringMatching(reason),
    });
    expect((await env.JOBS_BUCKET.list()).objects.length).toBe(before);
  });

  it.skipIf(inject("dnsPeerUrl") === null)("refuses a name that resolves to loopback (the local DNS peer)", async () => {
    const response = await post({ emails: ["ann@example-shop.com"], webhook_url: "https://a-only.mailvet-fixture.net/hook" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/resolves to 127\.0\.0\.21, which is loopback/);
  });
});
