import { describe, expect, it } from "vitest";
import { beforeDeadline, createDeadline, pause } from "./deadline";

describe("createDeadline", () => {
  it("keeps a margin of the budget for answering", () => {
    const deadline = createDeadline(1000);
    expect(deadline.remainingMs()).toBeLessThanOrEqual(900);
    expect(deadline.remainingMs()).toBeGreaterThan(0);
    expect(deadline.expired).toBe(false);
  });

  it("fires when its time is up", async () => {
    const deadline = createDeadline(100);
    await new Promise((resolve) => deadline.signal.addEventListener("abort", resolve));
    expect(deadline.expired).toBe(true);
    expect(deadline.remainingMs()).toBe(0);
  });

  it("fires at once when the prober stops", () => {
    const stop = new AbortController();
    const deadline = createDeadline(60_000, stop.signal);
    stop.abort();
    expect(deadline.expired).toBe(true);
  });
});

describe("pause", () => {
  it("resolves true after the time, false when the signal fires first", async () => {
    expect(await pause(1, new AbortController().signal)).toBe(true);
    const stop = new AbortController();
    const waiting = pause(60_000, stop.signal);
    stop.abort();
    expect(await waiting).toBe(false);
    expect(await pause(0, stop.signal)).toBe(false);
  });
});

describe("beforeDeadline", () => {
  it("gives the value when it comes first, undefined when the signal does", async () => {
    expect(await beforeDeadline(Promise.resolve(7), new AbortController().signal)).toBe(7);
    const stop = new AbortController();
    const never = beforeDeadline(new Promise<number>(() => {}), stop.signal);
    stop.abort();
    expect(await never).toBeUndefined();
  });

  it("passes a rejection on", async () => {
    await expect(beforeDeadline(Promise.reject(new Error("boom")), new AbortController().signal)).rejects.toThrow("boom");
  });
});
