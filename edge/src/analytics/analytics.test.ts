import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import type { Env } from "../env";
import { analyticsOf } from "./analytics";

interface Row {
  index1: string;
  blobs: string;
  doubles: string;
}

const localEnv = (): Env => ({ ...env, MAILVET_ANALYTICS_LOCAL: "1" });

async function points(kind: string): Promise<{ blobs: string[]; doubles: number[] }[]> {
  const { results } = await env.JOBS_DB.prepare("SELECT index1, blobs, doubles FROM analytics_points WHERE index1 = ? ORDER BY id").bind(kind).all<Row>();
  return results.map((row) => ({ blobs: JSON.parse(row.blobs) as string[], doubles: JSON.parse(row.doubles) as number[] }));
}

beforeEach(async () => {
  await env.JOBS_DB.prepare("DELETE FROM analytics_points").run();
});

describe("analyticsOf", () => {
  it("writes one point per /v1/verify answer, with verdict, reason and timings, and never the address or its domain", async () => {
    const ctx = createExecutionContext();
    const app = createApp();
    const headers = { "X-Request-Id": "req-analytics-1" };
    const invalid = await app.request("/v1/verify?email=john..doe@secret-domain.org&smtp=false", { headers }, localEnv(), ctx);
    const reserved = await app.request("/v1/verify?email=someone@shop.test&smtp=false", {}, localEnv(), ctx);
    expect([invalid.status, reserved.status]).toEqual([200, 200]);
    expect(invalid.headers.get("X-Request-Id")).toBe("req-analytics-1");
    await waitOnExecutionContext(ctx);
    const written = await points("verification");
    expect(written.map(({ blobs }) => blobs.slice(0, 3))).toEqual([
      ["verification", "undeliverable", "invalid_syntax"],
      ["verification", "undeliverable", "invalid_domain"],
    ]);
    expect(written[0]!.blobs[7]).toBe("req-analytics-1");
    expect(written[0]!.doubles).toHaveLength(4);
    expect(written[0]!.doubles[2]).toBe(0); // the score
    const text = JSON.stringify(written);
    expect(text).not.toContain("secret-domain");
    expect(text).not.toContain("shop.test");
    expect(text).not.toContain("john");
  });

  it("writes a job step's point with its chunk's verdicts", async () => {
    const ctx = createExecutionContext();
    const chunk = { addresses: 3, verdicts: { deliverable: 1, undeliverable: 1, risky: 0, unknown: 1 }, retried: 1, probers: "eu1" };
    analyticsOf(localEnv(), (promise) => ctx.waitUntil(promise)).jobStep({ job: "job-1", step: "verify", outcome: "ok", durationMs: 42, chunk });
    await waitOnExecutionContext(ctx);
    expect(await points("job_step")).toEqual([{ blobs: ["job_step", "job-1", "verify", "ok", "eu1"], doubles: [42, 3, 1, 1, 0, 1, 1] }]);
  });

  it("writes to the Analytics Engine binding, not D1, unless told to write locally", async () => {
    const ctx = createExecutionContext();
    const written: AnalyticsEngineDataPoint[] = [];
    const dataset: AnalyticsEngineDataset = { writeDataPoint: (point) => void written.push(point!) };
    analyticsOf({ ...env, ANALYTICS: dataset }, (promise) => ctx.waitUntil(promise)).jobStep({
      job: "job-2",
      step: "assemble",
      outcome: "retry",
      durationMs: 5,
    });
    await waitOnExecutionContext(ctx);
    expect(written).toEqual([{ indexes: ["job_step"], blobs: ["job_step", "job-2", "assemble", "retry", ""], doubles: [5, 0, 0, 0, 0, 0, 0] }]);
    expect(await points("job_step")).toEqual([]);
  });

  it("never fails the caller when the dataset throws", () => {
    const dataset: AnalyticsEngineDataset = {
      writeDataPoint: () => {
        throw new Error("quota");
      },
    };
    expect(() => analyticsOf({ ...env, ANALYTICS: dataset }, () => {}).jobStep({ job: "j", step: "forget", outcome: "ok", durationMs: 1 })).not.toThrow();
  });
});
