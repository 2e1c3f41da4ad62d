import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { RATE_LIMIT_PERIOD_SECONDS } from "./rate-limit";

/** Small limits of the edge suite (vitest.config.ts), in place of wrangler.toml's. */
const CLIENT_LIMIT = 20;
const KEY_LIMIT = 40;
const small = env as unknown as Record<"SMALL_RATE_LIMIT_PER_KEY" | "SMALL_RATE_LIMIT_PER_CLIENT", RateLimit>;
const limitedEnv = { ...env, RATE_LIMIT_PER_KEY: small.SMALL_RATE_LIMIT_PER_KEY, RATE_LIMIT_PER_CLIENT: small.SMALL_RATE_LIMIT_PER_CLIENT };
const app = createApp();

// A request with no email: the cheapest one to count (it gets its 400 once it is let through).
const from = (ip: string, extra: Partial<typeof env> = {}, headers: Record<string, string> = {}) =>
  app.fetch(new Request("http://edge/v1/verify", { headers: { "CF-Connecting-IP": ip, ...headers } }), { ...limitedEnv, ...extra }, createExecutionContext());

/**
 * Sends requests until one is refused. The limiter's windows follow the wall clock, so a
 * window may end during the run; twice the limit and one more still overflow one of them.
 */
async function firstRefusal(send: () => Response | Promise<Response>, limit: number): Promise<{ response: Response; sent: number } | null> {
  for (let sent = 1; sent <= 2 * limit + 1; sent++) {
    const response = await send();
    if (response.status === 429) return { response, sent };
    expect(response.status).toBe(400);
    await response.body?.cancel();
  }
  return null;
}

describe("rate limits at the edge (the ratelimit binding, run by miniflare)", () => {
  it("answers 429 with a reason and Retry-After past a client's limit, and only to that client", async () => {
    const refused = await firstRefusal(() => from("203.0.113.7"), CLIENT_LIMIT);
    expect(refused?.sent).toBeGreaterThan(CLIENT_LIMIT);
    expect(refused!.response.headers.get("Retry-After")).toBe(String(RATE_LIMIT_PERIOD_SECONDS));
    expect(((await refused!.response.json()) as { error: unknown }).error).toEqual({
      code: "too_many_requests",
      message: expect.stringMatching(/this client address sent more requests than its limit/),
    });
    const other = await from("198.51.100.9");
    expect(other.status).toBe(400);
    await other.body?.cancel();
  });

  it("counts an IPv6 client by its /64", async () => {
    let host = 0;
    const refused = await firstRefusal(() => from(`2001:db8:aa:bb::${(++host).toString(16)}`), CLIENT_LIMIT);
    expect(refused).not.toBeNull();
    await refused!.response.body?.cancel();
    const nextSlash64 = await from("2001:db8:aa:bc::1");
    expect(nextSlash64.status).toBe(400);
    await nextSlash64.body?.cancel();
  });

  it("counts a secret key by the key, wherever its requests come from", async () => {
    const keyed = { MAILVET_API_KEYS: "limited-key-0123456789,other-key-0123456789" };
    let host = 0;
    const call = (key: string) => from(`192.0.2.${++host % 250}`, keyed, { authorization: `Bearer ${key}` });
    const refused = await firstRefusal(() => call("limited-key-0123456789"), KEY_LIMIT);
    expect(refused?.sent).toBeGreaterThan(KEY_LIMIT);
    expect(((await refused!.response.json()) as { error: { message: string } }).error.message).toMatch(/this API key/);
    const other = await call("other-key-0123456789");
    expect(other.status).toBe(400);
    await other.body?.cancel();
  });

  it("counts nothing with MAILVET_RATE_LIMIT=0", async () => {
    const unlimited = { MAILVET_RATE_LIMIT: "0" };
    for (let sent = 0; sent <= 2 * CLIENT_LIMIT + 1; sent++) {
      const response = await from("198.18.0.1", unlimited);
      expect(response.status).toBe(400);
      await response.body?.cancel();
    }
  });
});
