import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ProberStatus, ProbersResponseSchema } from "../../shared/contract/probers";
import { type VerifyResult, VerifyResultSchema } from "../../shared/contract/schemas";
import { RBL_LISTED_CLIENT, writeListedClients } from "../../infra/local/mta/listed-clients";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";

/**
 * Two probers in two regions, each with its own egress address; the farm's mx-rbl lists one of
 * them, as an RBL-blocked server does. All real: the edge in workerd with D1, both probers, the
 * DNS peer and Postfix. The listed prober is first in MAILVET_PROBERS, so without the review
 * it would get every request. Nothing here is timed: where the farm or the Cron must act first,
 * the test polls for the state it expects.
 */
const dnsPeer = inject("dnsPeerUrl");
const ADMIN_KEY = "prober-health-admin-key-0123456789";
const [EDGE_PORT, LISTED_PORT, CLEAN_PORT] = [19887, 19888, 19889];
const CLEAN_SOURCE = "127.0.0.62";
const RBL_DOMAINS = ["rbl-a", "rbl-b", "rbl-c"].map((name) => `${name}.mailvet-mta.net`);

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("probers blocked by a mail server's block list", () => {
  let farm: MtaFarm;
  let stack: LocalStack;

  beforeAll(async () => {
    farm = await startMtaFarm();
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: String(EDGE_PORT),
        MAILVET_PROBER_PORT: String(LISTED_PORT),
        MAILVET_DOH_URL: dnsPeer!,
        ...farmProberEnv(farm),
        MAILVET_PROBER_SOURCE_IP: RBL_LISTED_CLIENT,
        MAILVET_PROBERS: JSON.stringify([
          { id: "listed", region: "na", url: `http://127.0.0.1:${LISTED_PORT}` },
          { id: "clean", region: "eu", url: `http://127.0.0.1:${CLEAN_PORT}` },
        ]),
        MAILVET_API_KEYS: JSON.stringify([{ id: "ops", key: ADMIN_KEY, scopes: ["admin"] }]),
        // Every check reaches a prober: a cached answer would say nothing of the routing.
        MAILVET_RESULT_CACHE_TTL: "0",
      },
      { freshState: true, testScheduled: true, moreProbers: [{ MAILVET_PROBER_PORT: String(CLEAN_PORT), MAILVET_PROBER_SOURCE_IP: CLEAN_SOURCE }] },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await farm?.stop();
  });

  const authorization = { authorization: `Bearer ${ADMIN_KEY}` };

  async function verify(email: string): Promise<VerifyResult> {
    const response = await fetch(`${stack.edgeUrl}/v1/verify?email=${encodeURIComponent(email)}`, { headers: authorization });
    expect(response.status).toBe(200);
    return VerifyResultSchema.parse(await response.json());
  }

  async function prober(id: string): Promise<ProberStatus> {
    const response = await fetch(`${stack.edgeUrl}/v1/probers`, { headers: authorization });
    expect(response.status).toBe(200);
    return ProbersResponseSchema.parse(await response.json()).probers.find((entry) => entry.id === id)!;
  }

  it("answers right through the other prober, marks the listed one degraded, and uses it again once the block is lifted", async () => {
    // The listed prober is asked first and blocked; the address is asked again of the other.
    for (const domain of RBL_DOMAINS) {
      expect(await verify(`alice@${domain}`)).toMatchObject({ verdict: "deliverable", reason: "accepted", smtp: { prober: "clean" } });
    }
    expect(await prober("listed")).toMatchObject({ health: "degraded", block_domains: 3, findings: [{ code: "block_replies" }] });
    expect(await prober("clean")).toMatchObject({ health: "healthy", block_domains: 0 });

    // Degraded, it gets no work while the other can answer: not even at a domain that never blocked it.
    expect(await verify("alice@ok.mailvet-mta.net")).toMatchObject({ reason: "accepted", smtp: { prober: "clean" } });
    expect(await verify("nobody@rbl-a.mailvet-mta.net")).toMatchObject({ reason: "mailbox_not_found", smtp: { prober: "clean" } });

    // The block is lifted; the Cron's trial probe sees it, and the listed prober is used again.
    await writeListedClients(farm.runDir, []);
    await expect
      .poll(
        async () => {
          await fetch(`${stack.edgeUrl}/__scheduled?cron=${encodeURIComponent("7 * * * *")}`);
          return (await prober("listed")).health;
        },
        { timeout: 90_000, interval: 1_000 },
      )
      .toBe("healthy");
    const listed = await prober("listed");
    // The report route is the doctor's; a prober without it is kept as unreachable, which degrades nothing.
    expect(listed.last_report).not.toBeNull();
    expect(listed.trend.length).toBeGreaterThan(0);
    await expect.poll(async () => (await verify("alice@ok.mailvet-mta.net")).smtp.prober, { timeout: 60_000, interval: 1_000 }).toBe("listed");
    expect(await verify("bob@rbl-b.mailvet-mta.net")).toMatchObject({ reason: "accepted", smtp: { prober: "listed" } });
  });
});
