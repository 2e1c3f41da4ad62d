import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ProbeResponse, ProbeResponseSchema } from "../../shared/contract/probe";
import { createDohResolver, resolveMailDomain } from "../../shared/dns";
import { signRequest } from "../../shared/hop";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type ManagedProcess, waitForHealthy } from "../../infra/local/processes";
import { resolveLocalSettings, startProber } from "../../infra/local/stack";

/**
 * The prober against mail servers that defend themselves as real ones do (the farm's stock
 * Postfix and its defence listeners, infra/local/mta/master.cf), with batches such as a bulk
 * job sends: one request per domain, many addresses, asked the way the edge asks. Every address
 * must come back with the server's own answer for its mailbox (accepted or mailbox_not_found),
 * never timeout, deferred or greylisted, whatever the server's limits did to the sessions.
 */
const dnsPeer = inject("dnsPeerUrl");
const PROBER_PORT = "19688";
const SECRET = "defences-e2e-hop-secret-0123456789";

/** `known` mailboxes (user<n>) and `unknown` ones (nobody<n>) at `domain`, the unknown ones spread through the list as in a stale list. */
function batch(domain: string, known: number, unknown: number): { address: string; expected: string }[] {
  const total = known + unknown;
  let [k, u] = [0, 0];
  return Array.from({ length: total }, (_, i) =>
    Math.floor(((i + 1) * unknown) / total) > Math.floor((i * unknown) / total)
      ? { address: `nobody${u++}@${domain}`, expected: "mailbox_not_found" }
      : { address: `user${k++}@${domain}`, expected: "accepted" },
  );
}

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("the prober through real servers' defences", () => {
  let farm: MtaFarm;
  let prober: ManagedProcess;
  const resolver = createDohResolver({ upstreams: [dnsPeer!] });

  beforeAll(async () => {
    farm = await startMtaFarm();
    const { proberEnv } = resolveLocalSettings({
      MAILVET_DOH_URL: dnsPeer!,
      ...farmProberEnv(farm),
      MAILVET_PROBER_PORT: PROBER_PORT,
      MAILVET_PROBER_SECRET: SECRET,
    });
    prober = startProber(proberEnv);
    await waitForHealthy(`http://127.0.0.1:${PROBER_PORT}/healthz`, prober, 60_000);
  });
  afterAll(async () => {
    await prober?.stop();
    await farm?.stop();
  });

  /** One signed probe, as the edge sends it: the domain's MX from DNS, every address at once. */
  async function probe(domain: string, addresses: string[]): Promise<ProbeResponse> {
    const facts = await resolveMailDomain(resolver, domain);
    if (facts.kind !== "mx") throw new Error(`${domain}: no MX (${facts.kind})`);
    const body = JSON.stringify({ domain, mx: facts.mx, addresses: addresses.map((address) => ({ address, smtputf8: false })), budget_ms: 60_000 });
    const url = `http://127.0.0.1:${PROBER_PORT}/v1/probe`;
    const response = await fetch(await signRequest(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body }), [SECRET]));
    expect(response.status, await response.clone().text()).toBe(200);
    return ProbeResponseSchema.parse(await response.json());
  }

  /** Every address's reason, and the same list as it should be: on failure the diff shows which ones went wrong and how. */
  async function expectServersAnswers(domain: string, list: { address: string; expected: string }[]): Promise<void> {
    const { results } = await probe(
      domain,
      list.map(({ address }) => address),
    );
    const got = results.map(
      ({ address, reason, code, enhanced }) =>
        `${address} ${reason}${reason === "accepted" || reason === "mailbox_not_found" ? "" : ` (${code ?? "-"} ${enhanced ?? ""})`}`,
    );
    expect(got).toEqual(list.map(({ address, expected }) => `${address} ${expected}`));
  }

  it("a stock Postfix (mx1): 50 addresses of which 25 unknown, past its 20-error limit", async () => {
    await expectServersAnswers("b0.mailvet-mta.net", batch("b0.mailvet-mta.net", 25, 25));
  });

  it("mx-errorlimit, which hangs up after 5 errors: 30 addresses of which 20 unknown", async () => {
    await expectServersAnswers("errorlimit.mailvet-mta.net", batch("errorlimit.mailvet-mta.net", 10, 20));
  });

  it("mx-tarpit5xx, which holds each 550 for 3 s: 30 addresses of which 10 unknown", async () => {
    await expectServersAnswers("tarpit5xx.mailvet-mta.net", batch("tarpit5xx.mailvet-mta.net", 20, 10));
  });

  it("mx-rcptcap, which takes 10 recipients per transaction: 25 addresses of which 5 unknown", async () => {
    await expectServersAnswers("rcptcap.mailvet-mta.net", batch("rcptcap.mailvet-mta.net", 20, 5));
  });

  it("mx-connlimit, which greets one session per client at a time: 10 requests at once, 3 addresses each", async () => {
    const domain = "connlimit.mailvet-mta.net";
    const lists = Array.from({ length: 10 }, (_, request) => [
      { address: `user${request}@${domain}`, expected: "accepted" },
      { address: `nobody${request}@${domain}`, expected: "mailbox_not_found" },
      { address: `user${request + 10}@${domain}`, expected: "accepted" },
    ]);
    await Promise.all(lists.map((list) => expectServersAnswers(domain, list)));
  });

  it("mx-connlimit under its two names (one address): 5 requests at once to each domain", async () => {
    const lists = ["connlimit", "connlimit-alias"].flatMap((label) =>
      Array.from({ length: 5 }, (_, request) => ({
        domain: `${label}.mailvet-mta.net`,
        list: [
          { address: `user${request + 20}@${label}.mailvet-mta.net`, expected: "accepted" },
          { address: `nobody${request + 20}@${label}.mailvet-mta.net`, expected: "mailbox_not_found" },
        ],
      })),
    );
    await Promise.all(lists.map(({ domain, list }) => expectServersAnswers(domain, list)));
  });

  it("mx-greylist-default (postgrey's stock 300 s): greylisted, the server's own answer, with no wait of its own", async () => {
    const { results } = await probe("greylist-default.mailvet-mta.net", ["alice@greylist-default.mailvet-mta.net"]);
    expect(results).toMatchObject([{ reason: "greylisted", code: 450, enhanced: "4.2.0" }]);
  });
});
