import type { VerifyResult } from "../../shared/contract/schemas";
import type { Reason } from "../../shared/contract/taxonomy";
import { sha256Base64url } from "../../shared/encoding/sha256";

/**
 * Results a mail server decided, and that hold for a while: repeated form submissions of the
 * same address are answered from here instead of probing again. Timeouts, greylisting and other
 * passing states are not kept, so the next request tries afresh.
 */
const LASTING_REASONS = new Set<Reason>(["accepted", "catch_all", "mailbox_not_found", "mailbox_disabled", "mailbox_full"]);

const CACHE_BASE = "https://result-cache.mailvet.invalid/v1/";

/** The cache key names the address by its SHA-256, so no address appears in a cache URL. */
async function keyOf(normalized: string): Promise<string> {
  return `${CACHE_BASE}${await sha256Base64url(new TextEncoder().encode(normalized))}`;
}

/**
 * A cached result for a normalized address, answered as if fresh for this request's input.
 *
 * @example
 * const hit = await cachedResult(caches.default, "Ana@example.org", "ana@example.org");
 */
export async function cachedResult(cache: Cache, email: string, normalized: string): Promise<VerifyResult | undefined> {
  const response = await cache.match(await keyOf(normalized));
  if (!response) return undefined;
  const result = (await response.json()) as VerifyResult;
  return { ...result, email, duration_ms: 0 };
}

/**
 * Keeps a result for `ttlSeconds` when the mail server decided it and it lasts.
 *
 * @example
 * context.waitUntil(rememberResult(caches.default, result, 600));
 */
export async function rememberResult(cache: Cache, result: VerifyResult, ttlSeconds: number): Promise<void> {
  if (ttlSeconds <= 0 || result.normalized === null || !result.smtp.performed || !LASTING_REASONS.has(result.reason)) return;
  const headers = { "content-type": "application/json", "cache-control": `max-age=${ttlSeconds}` };
  await cache.put(await keyOf(result.normalized), new Response(JSON.stringify(result), { headers }));
}
