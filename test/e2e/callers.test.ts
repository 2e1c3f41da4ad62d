import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type VerifyResult, VerifyResultSchema } from "../../shared/contract/schemas";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";

/**
 * One caller must not starve the others: a caller checking 4 addresses a second at a
 * healthy domain keeps getting right answers while a second caller keeps 40 checks of a tarpit
 * domain in flight with timeout_ms=30000, which alone would fill the prober (32 sessions) for
 * 30 s. All real: the edge in workerd, one prober, the Postfix farm and its tarpit. Nothing here
 * is timed; the test counts right answers.
 */
const dnsPeer = inject("dnsPeerUrl");
const GOOD_KEY = "good-caller-key-0123456789";
const ATTACKER_KEY = "tarpit-caller-key-0123456789";
const ATTACKER_IN_FLIGHT = 40;
const GOOD_CHECKS = 40;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("a caller at a tarpit cannot starve the others", () => {
  let farm: MtaFarm;
  let stack: LocalStack;

  beforeAll(async () => {
    farm = await startMtaFarm();
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: "19687",
        MAILVET_PROBER_PORT: "19688",
        MAILVET_DOH_URL: dnsPeer!,
        ...farmProberEnv(farm),
        MAILVET_API_KEYS: JSON.stringify([
          { id: "good", key: GOOD_KEY, scopes: ["verify"] },
          { id: "attacker", key: ATTACKER_KEY, scopes: ["verify"] },
        ]),
        // Every check of the good caller reaches the mail server, and its domain's pace is not
        // what is measured here.
        MAILVET_RESULT_CACHE_TTL: "0",
        MAILVET_PROBER_DOMAIN_RATE: "1000",
      },
      { freshState: true },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await farm?.stop();
  });

  async function verify(key: string, email: string, timeoutMs: number, signal?: AbortSignal): Promise<VerifyResult> {
    const url = `${stack.edgeUrl}/v1/verify?timeout_ms=${timeoutMs}&email=${encodeURIComponent(email)}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${key}` }, ...(signal && { signal }) });
    expect(response.status).toBe(200);
    return VerifyResultSchema.parse(await response.json());
  }

  /** What the farm says of the good caller's addresses: alice exists, the others do not. */
  const expected = (index: number) =>
    index % 2 === 0 ? { email: "alice@ok.mailvet-mta.net", reason: "accepted" } : { email: `nobody${index}@ok.mailvet-mta.net`, reason: "mailbox_not_found" };

  it("keeps answering the first caller right while the second holds 40 checks at a tarpit", async () => {
    const stop = new AbortController();
    const attackerReasons: string[] = [];
    // The attacker: 40 loops, each with one 30 s check of the tarpit in flight at all times.
    const attacker = Array.from({ length: ATTACKER_IN_FLIGHT }, async (_, loop) => {
      for (let round = 0; !stop.signal.aborted; round++) {
        try {
          const result = await verify(ATTACKER_KEY, `victim${loop}-${round}@tarpit.mailvet-mta.net`, 30_000, stop.signal);
          attackerReasons.push(result.reason);
          // A check refused at once comes back at once; the attacker does not spin the CPU.
          if (result.reason !== "timeout") await sleep(200);
        } catch (error) {
          if (!stop.signal.aborted) throw error;
        }
      }
    });
    // The prober is full of the attacker's checks once it refuses the attacker.
    await expect.poll(() => attackerReasons.includes("error"), { timeout: 60_000, interval: 100 }).toBe(true);

    const good: Promise<VerifyResult>[] = [];
    for (let index = 0; index < GOOD_CHECKS; index++) {
      good.push(verify(GOOD_KEY, expected(index).email, 10_000));
      await sleep(250);
    }
    const results = await Promise.all(good);
    stop.abort();
    await Promise.all(attacker);

    const right = results.filter((result, index) => result.reason === expected(index).reason).length;
    const reasons = results.map((result) => result.reason);
    // Alone, such a caller gets every answer right; starved (before per-caller limits), it got 3 of 240.
    expect(right, `good caller's reasons: ${reasons.join(",")}`).toBeGreaterThanOrEqual(GOOD_CHECKS - 2);
    expect(reasons).not.toContain("error");
    // The attacker was refused past its share, and only it: its refusals came back as errors.
    expect(attackerReasons.filter((reason) => reason === "error").length).toBeGreaterThan(0);

    // Afterwards the service answers as before.
    expect((await fetch(`${stack.proberUrl}/healthz`)).status).toBe(200);
    expect(await verify(GOOD_KEY, "alice@ok.mailvet-mta.net", 10_000)).toMatchObject({ verdict: "deliverable", reason: "accepted" });
  });
});
