import { describe, expect, it } from "vitest";
import { mapInOrder } from "./in-order";

/** A promise settled from outside, so a test decides the order tasks finish in. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("mapInOrder", () => {
  it("yields results in the items' order whatever order they finish in", async () => {
    const tasks = new Map(["a", "b", "c"].map((item) => [item, deferred<string>()]));
    const results: string[] = [];
    const consuming = (async () => {
      for await (const result of mapInOrder(["a", "b", "c"], 3, (item) => tasks.get(item)!.promise)) results.push(result);
    })();
    tasks.get("c")!.resolve("C");
    tasks.get("b")!.resolve("B");
    await new Promise((resolve) => setImmediate(resolve));
    expect(results).toEqual([]);
    tasks.get("a")!.resolve("A");
    await consuming;
    expect(results).toEqual(["A", "B", "C"]);
  });

  it("runs at most `concurrency` tasks at once", async () => {
    let running = 0;
    let most = 0;
    const task = async (item: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return item * 2;
    };
    const results: number[] = [];
    for await (const result of mapInOrder([1, 2, 3, 4, 5, 6, 7], 2, task)) results.push(result);
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(most).toBe(2);
  });

  it("throws a failure in its item's place, after the results before it", async () => {
    const tasks = [deferred<string>(), deferred<string>()];
    const results: string[] = [];
    const consuming = (async () => {
      for await (const result of mapInOrder([0, 1], 2, (index) => tasks[index]!.promise)) results.push(result);
    })();
    // The second fails before the first is done: no unhandled rejection, and the first still comes out.
    tasks[1]!.reject(new Error("second failed"));
    await new Promise((resolve) => setImmediate(resolve));
    tasks[0]!.resolve("first");
    await expect(consuming).rejects.toThrow("second failed");
    expect(results).toEqual(["first"]);
  });
});
