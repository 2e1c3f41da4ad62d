import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localDataPoints } from "../../infra/local/analytics-points";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { parseSamples, sampleSum } from "../../prober/src/metrics/testing/prometheus-text";

/**
 * What the stack lets an operator see, after a known set of checks through the real path (edge
 * in workerd → signed hop → prober → Postfix): the edge's data points in its local Analytics
 * Engine stand-in (one per verification, one per job step), the prober's metrics, and one
 * request id in the edge's answer and the prober's log line.
 */
const dnsPeer = inject("dnsPeerUrl");
const METRICS_PORT = 19889;

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("seeing what the stack does", () => {
  let farm: MtaFarm;
  let stack: LocalStack;
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);

  beforeAll(async () => {
    farm = await startMtaFarm();
    // The stack prints its processes' lines here, `[prober] …` and `[edge] …`.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      printed.push(...String(chunk).split("\n"));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: "19887",
        MAILVET_PROBER_PORT: "19888",
        MAILVET_PROBER_METRICS_PORT: String(METRICS_PORT),
        MAILVET_DOH_URL: dnsPeer!,
        ...farmProberEnv(farm),
      },
      { freshState: true },
    );
  });
  afterAll(async () => {
    process.stdout.write = write;
    await stack?.stop();
    await farm?.stop();
  });

  async function verify(email: string, query = "", headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${stack.edgeUrl}/v1/verify?email=${encodeURIComponent(email)}${query}`, { headers });
    expect(response.status).toBe(200);
    return response;
  }

  it("writes one data point per verification, moves the prober's counters, and never records an address", async () => {
    await verify("alice@ok.mailvet-mta.net");
    await verify("nobody@ok.mailvet-mta.net");
    await verify("alice@policy.mailvet-mta.net");
    await verify("john..doe@ok.mailvet-mta.net", "&smtp=false");

    // Each point is inserted after its answer (waitUntil): wait until all four are there.
    await expect.poll(async () => (await localDataPoints(stack.statePath, "verification")).length, { timeout: 20_000 }).toBe(4);
    const points = await localDataPoints(stack.statePath, "verification");
    const summary = points.map(({ blobs, doubles }) => `${blobs[1]}/${blobs[2]} prober=${blobs[4]} region=${blobs[5]} smtp=${doubles[3]}`);
    expect(summary.sort()).toEqual(
      [
        "deliverable/accepted prober=local region=local smtp=1",
        "undeliverable/mailbox_not_found prober=local region=local smtp=1",
        "unknown/blocked prober=local region=local smtp=1",
        "undeliverable/invalid_syntax prober= region= smtp=0",
      ].sort(),
    );
    expect(JSON.stringify(points)).not.toMatch(/mailvet-mta|alice|nobody|john/);

    const samples = parseSamples(await (await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`)).text());
    expect(sampleSum(samples, "mailvet_prober_probes_total")).toBe(3);
    expect(sampleSum(samples, "mailvet_prober_addresses_total", { reason: "accepted", provider: "other" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_addresses_total", { reason: "mailbox_not_found" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_addresses_total", { reason: "blocked" })).toBe(1);
    expect(sampleSum(samples, "mailvet_prober_rcpt_replies_total", { class: "blocked" })).toBe(1);
  });

  it("writes one data point per job step, with the chunk's verdicts", async () => {
    const emails = ["alice@ok.mailvet-mta.net", "bob@ok.mailvet-mta.net", "ghost@ok.mailvet-mta.net"];
    const created = await fetch(`${stack.edgeUrl}/v1/jobs`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ emails }),
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    await expect
      .poll(async () => ((await (await fetch(`${stack.edgeUrl}/v1/jobs/${id}`)).json()) as { status: string }).status, { timeout: 60_000 })
      .toBe("done");

    const stepsOf = async () => (await localDataPoints(stack.statePath, "job_step")).filter(({ blobs }) => blobs[1] === id);
    await expect.poll(async () => (await stepsOf()).some(({ blobs }) => blobs[2] === "assemble"), { timeout: 20_000 }).toBe(true);
    const steps = await stepsOf();
    const verifySteps = steps.filter(({ blobs }) => blobs[2] === "verify" && blobs[3] === "ok");
    // doubles: duration, addresses, deliverable, undeliverable, risky, unknown, retried.
    const verdicts = verifySteps.reduce((sum, { doubles }) => sum.map((value, index) => value + doubles[index + 1]!), [0, 0, 0, 0, 0]);
    expect(verdicts).toEqual([3, 2, 1, 0, 0]);
    expect(verifySteps.every(({ blobs }) => blobs[4] === "local")).toBe(true);
    expect(steps.find(({ blobs }) => blobs[2] === "assemble")?.blobs[3]).toBe("ok");
    expect(JSON.stringify(steps)).not.toMatch(/mailvet-mta|alice|bob|ghost/);
  });

  it("follows one request id from the caller through the edge to the prober's log", async () => {
    const response = await verify("bob@ok.mailvet-mta.net", "", { "X-Request-Id": "obs-e2e-request-1" });
    expect(response.headers.get("X-Request-Id")).toBe("obs-e2e-request-1");
    const proberLine = () =>
      printed
        .filter((line) => line.startsWith("[prober] {"))
        .map((line) => JSON.parse(line.slice("[prober] ".length)) as Record<string, unknown>)
        .find((line) => line.request_id === "obs-e2e-request-1");
    await expect
      .poll(proberLine, { timeout: 10_000 })
      .toMatchObject({ level: "info", msg: "probe", domain: "ok.mailvet-mta.net", addresses: 1, reasons: { accepted: 1 } });
    expect(printed.filter((line) => line.includes("obs-e2e-request-1")).join("\n")).not.toContain("bob@");
  });
});
