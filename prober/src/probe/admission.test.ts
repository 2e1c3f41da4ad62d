import { describe, expect, it } from "vitest";
import { createAdmission } from "./admission";

describe("createAdmission", () => {
  it("admits up to the cap and refuses beyond it at once", () => {
    const admission = createAdmission(2);
    const first = admission.enter();
    expect(admission.enter()).toBeTypeOf("function");
    expect(admission.enter()).toBeNull();
    first!();
    first!(); // twice is harmless: it must not free a second place
    expect(admission.inFlight).toBe(1);
    expect(admission.enter()).toBeTypeOf("function");
    expect(admission.enter()).toBeNull();
  });

  it("refuses everything once closed, and says when the last request has left", async () => {
    const admission = createAdmission(5);
    const leave = admission.enter()!;
    admission.close();
    expect(admission.closed).toBe(true);
    expect(admission.enter()).toBeNull();
    let idle = false;
    const waiting = admission.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    leave();
    await waiting;
    expect(idle).toBe(true);
    await admission.idle();
  });
});
