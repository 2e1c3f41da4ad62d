import { describe, expect, it } from "vitest";
import type { VerifyResult } from "../../shared/contract/schemas";
import { cachedResult, rememberResult } from "./result-cache";

const decided = (reason: VerifyResult["reason"], verdict: VerifyResult["verdict"], performed = true): VerifyResult => ({
  email: "Ana@Shop-Example.net",
  normalized: `ana-${reason}-${performed}@shop-example.net`,
  verdict,
  reason,
  flags: { disposable: false, role: false, free: false, catch_all: false, gibberish: false },
  suggestion: null,
  score: 95,
  domain: { name: "shop-example.net", ascii: "shop-example.net", mx: [] },
  smtp: { performed, code: 250, prober: "local", duration_ms: 40 },
  duration_ms: 45,
  bounce: null,
});

describe("the result cache", () => {
  it("answers a decided result again for the same normalized address, as this request's input", async () => {
    const cache = await caches.open("results-test-1");
    const result = decided("accepted", "deliverable");
    await rememberResult(cache, result, 600);
    expect(await cachedResult(cache, "ANA@shop-example.net", result.normalized!)).toEqual({ ...result, email: "ANA@shop-example.net", duration_ms: 0 });
  });

  it("keeps nothing that may change soon, nothing the server did not decide, and nothing when turned off", async () => {
    const cache = await caches.open("results-test-2");
    const passing = [decided("greylisted", "unknown"), decided("timeout", "unknown"), decided("accepted", "deliverable", false)];
    for (const result of passing) await rememberResult(cache, result, 600);
    const off = decided("mailbox_not_found", "undeliverable");
    await rememberResult(cache, off, 0);
    for (const result of [...passing, off]) expect(await cachedResult(cache, result.email, result.normalized!)).toBeUndefined();
  });
});
