import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { skipWithoutMtaFarm, startMtaFarm, type MtaFarm } from "../../../infra/local/mta/peer";
import { createDohResolver, createMemoryCache } from "../../../shared/dns";
import type {} from "../../../shared/dns/testing/provided-context";
import { createEgressPolicy } from "../probe/egress";
import { checkPort25 } from "./port-25";

const peer = inject("dnsPeerUrl");

/** Against the real Postfix farm (infra/local/mta) and the local DNS peer. */
describe.skipIf(peer === null || skipWithoutMtaFarm())("checkPort25", () => {
  let farm: MtaFarm;
  beforeAll(async () => {
    farm = await startMtaFarm();
  }, 30_000);
  afterAll(() => farm?.stop());
  const resolver = createDohResolver({ upstreams: [peer!], cache: createMemoryCache() });
  const check = (canaryMx: string | undefined) =>
    checkPort25({ canaryMx, resolver, egress: createEgressPolicy({ smtpPort: farm.port, allowPrivateTargets: true }) });

  it("passes a canary that greets with 220, and learns the prober's egress address", async () => {
    const { check: result, localAddress } = await check("mx1.mailvet-mta.net");
    expect(result).toMatchObject({ status: "pass", summary: `Outbound port 25 is open: mx1.mailvet-mta.net (127.0.0.41) port ${farm.port} greeted with 220.` });
    expect(localAddress).toBe("127.0.0.1");
  });

  it("reads a 554 at the greeting as a block of this IP, not a closed port", async () => {
    const { check: result } = await check("mx-blocked.mailvet-mta.net");
    expect(result.status).toBe("fail");
    expect(result.summary).toMatch(
      /^Port 25 is open, but mx-blocked\.mailvet-mta\.net \(127\.0\.0\.44\) port \d+ refused this prober at the greeting: "554 .*Access denied"\. That is a block of this IP, not a closed port\.$/,
    );
  });

  it("reads a refused connection as port 25 closed, and says to ask the provider", async () => {
    const { check: result } = await check("mx-dead.mailvet-mta.net");
    expect(result).toMatchObject({ status: "fail", summary: expect.stringMatching(/^Outbound port 25 looks closed: mx-dead/) });
    expect(result.fix).toMatch(/^Ask your hosting provider to open outbound port 25/);
  });

  it("is unknown without a canary, or when the canary may not be reached", async () => {
    expect((await check(undefined)).check.status).toBe("unknown");
    const strict = await checkPort25({
      canaryMx: "mx1.mailvet-mta.net",
      resolver,
      egress: createEgressPolicy({ smtpPort: farm.port, allowPrivateTargets: false }),
    });
    expect(strict.check).toMatchObject({
      status: "unknown",
      summary: "The canary MX mx1.mailvet-mta.net resolves only to addresses the prober may not reach (loopback).",
    });
  });
});
