import { describe, expect, it } from "vitest";
import { createCoalescer } from "./coalesce";

describe("createCoalescer", () => {
  it("shares one running task per key, and runs it again once it has settled", async () => {
    const coalesce = createCoalescer<number>();
    let runs = 0;
    const task = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return runs;
    };
    expect(await Promise.all([coalesce("k", task), coalesce("k", task), coalesce("other", task)])).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
    expect(await coalesce("k", task)).toBe(3);
  });

  it("lets a failed task be tried again", async () => {
    const coalesce = createCoalescer<string>();
    await expect(coalesce("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await coalesce("k", async () => "up")).toBe("up");
  });
});
