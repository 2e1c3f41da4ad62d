import { describe, expect, it } from "vitest";
import { createNonceStore } from "./nonce-store";

const T0 = 1_700_000_000_000;

describe("createNonceStore", () => {
  it("takes a nonce once", () => {
    const nonces = createNonceStore();
    expect(nonces.remember("a", T0 + 60_000, T0)).toEqual({ kind: "fresh" });
    expect(nonces.remember("a", T0 + 60_000, T0 + 1)).toEqual({ kind: "replayed" });
    expect(nonces.remember("b", T0 + 60_000, T0 + 1)).toEqual({ kind: "fresh" });
  });

  it("keeps a nonce until its window has passed, and forgets it after", () => {
    const nonces = createNonceStore();
    nonces.remember("a", T0 + 60_000, T0);
    expect(nonces.remember("a", T0 + 60_000, T0 + 60_000)).toEqual({ kind: "replayed" });
    expect(nonces.remember("a", T0 + 60_000, T0 + 61_000)).toEqual({ kind: "fresh" });
  });

  it("when full of live nonces, refuses new ones rather than forget any, and says when to retry", () => {
    const nonces = createNonceStore({ maxEntries: 2 });
    nonces.remember("a", T0 + 30_000, T0);
    nonces.remember("b", T0 + 60_000, T0);
    expect(nonces.remember("c", T0 + 60_000, T0 + 10_000)).toEqual({ kind: "full", retryAfterMs: 21_000 });
    expect(nonces.remember("a", T0 + 30_000, T0 + 10_000)).toEqual({ kind: "replayed" });
    expect(nonces.remember("b", T0 + 60_000, T0 + 10_000)).toEqual({ kind: "replayed" });
    // Once "a" has expired its slot is free, and "b" is still remembered.
    expect(nonces.remember("c", T0 + 90_000, T0 + 31_000)).toEqual({ kind: "fresh" });
    expect(nonces.remember("b", T0 + 60_000, T0 + 31_000)).toEqual({ kind: "replayed" });
  });

  it("admits no more than expire when asked for more than it can hold", () => {
    const nonces = createNonceStore({ maxEntries: 1_000 });
    let refused = 0;
    for (let i = 0; i < 100_000; i++) {
      const now = T0 + i * 10;
      if (nonces.remember(`n${i}`, now + 60_000, now).kind === "full") refused++;
    }
    // 1,000 nonces live for 60 s at 100 requests a second: about 9 in 10 must wait.
    expect(refused).toBeGreaterThan(80_000);
    expect(refused).toBeLessThan(100_000 - 1_000);
  });
});
