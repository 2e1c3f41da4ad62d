import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { JobStatus } from "./api-client";
import { PLAIN_EVERY_MS, progressBar, progressLine, progressReporter, type ProgressState } from "./progress";

const running: ProgressState = { status: "running", processed: 620, total: 1000, perSecond: 85, secondsLeft: 4.5 };

describe("progressBar", () => {
  it("shows status, percentage, a bar, rows, rate and ETA", () => {
    const line = progressBar(running, 100);
    expect(line).toBe(`running  62% [${"█".repeat(24)}${"░".repeat(16)}] 620/1,000 rows · 85 rows/s · ETA 0:05`);
  });

  it("fits the terminal: a shorter bar, then none", () => {
    expect(progressBar(running, 80).length).toBeLessThanOrEqual(80);
    expect(progressBar(running, 80)).toMatch(/\[█+░+\]/);
    expect(progressBar(running, 50)).not.toMatch(/█/);
    expect(progressBar(running, 50).length).toBeLessThan(50);
  });

  it("shows an unknown ETA while the pace is unknown, and none once done", () => {
    expect(progressBar({ status: "queued", processed: 0, total: 10, perSecond: undefined, secondsLeft: undefined }, 100)).toMatch(/0\/10 rows · ETA --:--$/);
    expect(progressBar({ status: "done", processed: 10, total: 10, perSecond: 5, secondsLeft: 0 }, 100)).toMatch(/100% \[█+\] 10\/10 rows · 5 rows\/s$/);
  });

  it("says how many rows wait for a server to be asked again, and within how long", () => {
    expect(progressBar({ ...running, waiting: { rows: 1_200, secondsLeft: 95 } }, 200)).toMatch(/ETA 0:05 · 1,200 rows retry within 1:35$/);
    expect(progressLine({ ...running, waiting: { rows: 0, secondsLeft: 0 } })).toBe("running: 62% (620/1,000 rows, 85 rows/s, ETA 0:05)");
  });

  it("shows an empty job as complete", () => {
    expect(progressBar({ status: "done", processed: 0, total: 0, perSecond: undefined, secondsLeft: undefined }, 100)).toMatch(/100% \[█+\]/);
  });
});

describe("progressLine", () => {
  it("says the same in a line for logs", () => {
    expect(progressLine(running)).toBe("running: 62% (620/1,000 rows, 85 rows/s, ETA 0:05)");
  });
});

describe("progressReporter", () => {
  const job = (processed: number, status: JobStatus["status"] = "running"): JobStatus => ({
    id: "j",
    status,
    total: 100,
    processed,
    counts: { deliverable: processed, undeliverable: 0, risky: 0, unknown: 0 },
    run: 1,
    waiting: { rows: 0, until: null },
  });

  function capture(isTTY: boolean) {
    const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 }) as unknown as NodeJS.WriteStream;
    let text = "";
    stream.on("data", (chunk) => (text += chunk));
    return { stream, text: () => text };
  }

  it("prints plain lines where stderr is not a terminal: the first, one per PLAIN_EVERY_MS while rows advance, the last", () => {
    const out = capture(false);
    let now = 0;
    const progress = progressReporter(out.stream, () => now);
    progress.update(job(0, "queued"));
    now = 1_000;
    progress.update(job(10));
    now = PLAIN_EVERY_MS;
    progress.update(job(50));
    now = 2 * PLAIN_EVERY_MS + 1;
    progress.update(job(50));
    now = 2 * PLAIN_EVERY_MS + 2;
    progress.update(job(100, "done"));
    progress.clear();
    expect(out.text().split("\n").filter(Boolean)).toEqual([
      "queued: 0% (0/100 rows, ETA --:--)",
      "running: 50% (50/100 rows, 5 rows/s, ETA 0:10)",
      "done: 100% (100/100 rows, 5 rows/s)",
    ]);
  });

  it("counts the wait for a retry from the status's time", () => {
    const out = capture(false);
    const progress = progressReporter(out.stream, () => Date.parse("2030-01-01T00:00:00Z"));
    progress.update({ ...job(40), waiting: { rows: 60, until: "2030-01-01T00:01:00Z" } });
    expect(out.text()).toBe("running: 40% (40/100 rows, ETA --:--, 60 rows retry within 1:00)\n");
  });

  it("redraws one line on a terminal and clears it at the end", () => {
    const out = capture(true);
    const progress = progressReporter(out.stream, () => 0);
    progress.update(job(10));
    progress.update(job(20));
    progress.clear();
    expect(out.text()).not.toContain("\n");
    expect(out.text()).toMatch(/^\rrunning {2}10% .*\x1b\[K\rrunning {2}20% .*\x1b\[K\r\x1b\[K$/);
  });
});
