import { describe, expect, it } from "vitest";
import { createHostSlots } from "./host-slots";

const open = () => new AbortController().signal;

describe("createHostSlots", () => {
  it("gives out up to the limit per host, and more for other hosts", async () => {
    const slots = createHostSlots(2);
    expect(await slots.acquire("mx.example.org", open())).toBeTypeOf("function");
    expect(await slots.acquire("MX.example.org.", open())).toBeTypeOf("function");
    expect(await slots.acquire("mx2.example.org", open())).toBeTypeOf("function");
    expect(slots.active("mx.example.org")).toBe(2);
  });

  it("hands a released slot to the first waiter", async () => {
    const slots = createHostSlots(1);
    const release = (await slots.acquire("mx.example.org", open()))!;
    const order: string[] = [];
    const first = slots.acquire("mx.example.org", open()).then((slot) => (order.push("first"), slot));
    const second = slots.acquire("mx.example.org", open()).then((slot) => (order.push("second"), slot));
    release();
    release(); // twice is harmless: it must not free a second slot
    (await first)!();
    await second;
    expect(order).toEqual(["first", "second"]);
    expect(slots.active("mx.example.org")).toBe(1);
  });

  it("gives up waiting when the signal fires, and forgets hosts with nothing open", async () => {
    const slots = createHostSlots(1);
    const release = (await slots.acquire("mx.example.org", open()))!;
    const stop = new AbortController();
    const waiting = slots.acquire("mx.example.org", stop.signal);
    stop.abort();
    expect(await waiting).toBeNull();
    release();
    expect(slots.active("mx.example.org")).toBe(0);
    expect(await slots.acquire("mx.example.org", stop.signal)).toBeNull();
  });
});
