import { describe, expect, it } from "vitest";
import { createHostSlots } from "./host-slots";

const open = () => new AbortController().signal;
const mx = (host: string, ip: string) => ({ host, ip });

describe("createHostSlots", () => {
  it("gives out up to the limit per MX name, and more for other names on other addresses", async () => {
    const slots = createHostSlots(2);
    expect(await slots.acquire(mx("mx.example.org", "192.0.2.1"), 5, open())).toBeTypeOf("function");
    expect(await slots.acquire(mx("MX.example.org.", "192.0.2.2"), 5, open())).toBeTypeOf("function");
    expect(slots.tryAcquire(mx("mx.example.org", "192.0.2.3"), 5)).toBeNull();
    expect(await slots.acquire(mx("mx2.example.org", "192.0.2.4"), 5, open())).toBeTypeOf("function");
    expect(slots.active({ host: "mx.example.org" })).toBe(2);
  });

  it("limits one address however many names point at it", async () => {
    const slots = createHostSlots(10);
    expect(slots.tryAcquire(mx("a.example.org", "192.0.2.7"), 2)).toBeTypeOf("function");
    expect(slots.tryAcquire(mx("b.example.net", "192.0.2.7"), 2)).toBeTypeOf("function");
    expect(slots.tryAcquire(mx("c.example.com", "192.0.2.7"), 2)).toBeNull();
    expect(slots.active({ ip: "192.0.2.7" })).toBe(2);
    expect(slots.active({ host: "c.example.com" })).toBe(0);
  });

  it("honours a limit an address learned lower while sessions are open", async () => {
    const slots = createHostSlots(10);
    const first = (await slots.acquire(mx("mx.example.org", "192.0.2.7"), 3, open()))!;
    const second = (await slots.acquire(mx("mx.example.org", "192.0.2.7"), 3, open()))!;
    let granted = false;
    const third = slots.acquire(mx("mx.example.org", "192.0.2.7"), 1, open()).then((slot) => ((granted = true), slot));
    first();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(granted).toBe(false);
    second();
    expect(await third).toBeTypeOf("function");
  });

  it("hands a released slot to the first waiter", async () => {
    const slots = createHostSlots(1);
    const release = (await slots.acquire(mx("mx.example.org", "192.0.2.1"), 5, open()))!;
    const order: string[] = [];
    const first = slots.acquire(mx("mx.example.org", "192.0.2.1"), 5, open()).then((slot) => (order.push("first"), slot));
    const second = slots.acquire(mx("mx.example.org", "192.0.2.1"), 5, open()).then((slot) => (order.push("second"), slot));
    release();
    release(); // twice is harmless: it must not free a second slot
    (await first)!();
    await second;
    expect(order).toEqual(["first", "second"]);
    expect(slots.active({ host: "mx.example.org" })).toBe(1);
  });

  it("gives up waiting when the signal fires, and forgets places with nothing open", async () => {
    const slots = createHostSlots(1);
    const release = (await slots.acquire(mx("mx.example.org", "192.0.2.1"), 5, open()))!;
    const stop = new AbortController();
    const waiting = slots.acquire(mx("mx.example.org", "192.0.2.2"), 5, stop.signal);
    stop.abort();
    expect(await waiting).toBeNull();
    expect(slots.active({ ip: "192.0.2.2" })).toBe(0);
    release();
    expect(slots.active({ host: "mx.example.org" })).toBe(0);
    expect(await slots.acquire(mx("mx.example.org", "192.0.2.1"), 5, stop.signal)).toBeNull();
  });
});
