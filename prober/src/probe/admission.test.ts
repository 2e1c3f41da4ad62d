import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAdmission, type Leave } from "./admission";

describe("createAdmission", () => {
  it("admits up to the cap and refuses beyond it at once", () => {
    const admission = createAdmission(2);
    const first = admission.enter("a");
    expect(admission.enter("b")).toBeTypeOf("function");
    expect(admission.enter("c")).toBe("full");
    (first as Leave)();
    (first as Leave)(); // twice is harmless: it must not free a second place
    expect(admission.inFlight).toBe(1);
    expect(admission.enter("c")).toBeTypeOf("function");
    expect(admission.enter("d")).toBe("full");
  });

  it("refuses everything once closed, and says when the last request has left", async () => {
    const admission = createAdmission(5);
    const leave = admission.enter("a") as Leave;
    admission.close();
    expect(admission.closed).toBe(true);
    expect(admission.enter("b")).toBe("closed");
    let idle = false;
    const waiting = admission.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    leave();
    await waiting;
    expect(idle).toBe(true);
    await admission.idle();
  });

  it("keeps half the sessions from a caller alone, so another gets in at once", () => {
    const admission = createAdmission(32);
    const greedy = Array.from({ length: 40 }, () => admission.enter("greedy"));
    expect(greedy.filter((entry) => typeof entry === "function")).toHaveLength(16);
    expect(greedy.filter((entry) => entry === "caller_share")).toHaveLength(24);
    expect(admission.enter("polite")).toBeTypeOf("function");
  });

  it("gives the greedy caller nothing more while it holds more than its share, and the others room", () => {
    const admission = createAdmission(32);
    for (let i = 0; i < 16; i++) admission.enter("greedy");
    // Two callers now: a third of 32 each, and a third kept free.
    const polite = Array.from({ length: 12 }, () => admission.enter("polite"));
    expect(polite.filter((entry) => typeof entry === "function")).toHaveLength(10);
    expect(admission.enter("greedy")).toBe("caller_share");
    expect(admission.enter("third")).toBeTypeOf("function");
  });

  it("frees a caller's share as its probes leave", () => {
    const admission = createAdmission(4);
    const first = admission.enter("a") as Leave;
    const second = admission.enter("a") as Leave;
    expect(admission.enter("a")).toBe("caller_share");
    first();
    second();
    expect(admission.inFlight).toBe(0);
    expect(admission.enter("a")).toBeTypeOf("function");
  });

  it("never admits more than the cap, nor more than a caller's share, in any order of enter and leave", () => {
    const step = fc.oneof(fc.record({ enter: fc.constantFrom("a", "b", "c", "d", "") }), fc.record({ leave: fc.nat(40) }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(step, { maxLength: 200 }), (max, steps) => {
        const admission = createAdmission(max);
        const inside: { caller: string; leave: Leave }[] = [];
        for (const action of steps) {
          if ("enter" in action) {
            const entry = admission.enter(action.enter);
            if (typeof entry === "function") inside.push({ caller: action.enter, leave: entry });
          } else if (inside.length > 0) {
            inside.splice(action.leave % inside.length, 1)[0]!.leave();
          }
          expect(admission.inFlight).toBe(inside.length);
          expect(inside.length).toBeLessThanOrEqual(max);
          // Nobody ever holds more than half the sessions, or the one session a prober of one has.
          const counts = new Map<string, number>();
          for (const { caller } of inside) counts.set(caller, (counts.get(caller) ?? 0) + 1);
          for (const count of counts.values()) expect(count).toBeLessThanOrEqual(Math.max(1, Math.floor(max / 2)));
        }
      }),
      { numRuns: 500 },
    );
  });
});
