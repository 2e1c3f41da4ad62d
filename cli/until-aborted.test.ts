import { describe, expect, it } from "vitest";
import { untilAborted } from "./until-aborted";

describe("untilAborted", () => {
  it("settles as the work does while the signal is quiet", async () => {
    const signal = new AbortController().signal;
    await expect(untilAborted(Promise.resolve(7), signal)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error("refused")), signal)).rejects.toThrow("refused");
  });

  it("rejects with the abort reason when the work never settles", async () => {
    const interrupt = new AbortController();
    const pending = untilAborted(new Promise<never>(() => {}), interrupt.signal);
    interrupt.abort(new DOMException("stopped", "AbortError"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError", message: "stopped" });
  });

  it("rejects at once for a signal that has already fired", async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    await expect(untilAborted(new Promise<never>(() => {}), interrupt.signal)).rejects.toMatchObject({ name: "AbortError" });
  });
});
