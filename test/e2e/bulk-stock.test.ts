import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";

/**
 * Bulk lists as a new user sends them, against the farm's Postfix with its stock
 * self-protection (10 errors, then a second per reply; 421 at 20; RSET as junk): a stale list
 * whose unknown mailboxes crowd one domain, duplicates cased differently, and, in the second
 * case, a greylisting domain whose 31 addresses are all but one unknown. Every row must come
 * back with the mail server's own answer for its mailbox (accepted or mailbox_not_found), never
 * timeout, deferred or greylisted, within the bounds: a minute without greylisting,
 * five with it (postgrey's delay here is 2 s; the job retries greylisting after a minute when,
 * as postgrey does, the server states no delay).
 */
const dnsPeer = inject("dnsPeerUrl");

interface Row {
  readonly email: string;
  readonly expected: "accepted" | "mailbox_not_found";
}

/** 400 unknown mailboxes at one domain, 1,600 real ones over 80 domains, and 50 of those again in upper case. */
function staleList(): Row[] {
  const unknown = Array.from({ length: 400 }, (_, n): Row => ({ email: `gone${n}@stale.bulk.mailvet-mta.net`, expected: "mailbox_not_found" }));
  const known = Array.from({ length: 1_600 }, (_, n): Row => ({ email: `user${n}@d${n % 80}.bulk.mailvet-mta.net`, expected: "accepted" }));
  const again = known.slice(0, 50).map((row): Row => ({ ...row, email: row.email.toUpperCase() }));
  // Interleaved, as a real list is: the stale domain's rows are spread through it.
  const rows: Row[] = [];
  for (let index = 0; index < known.length; index++) {
    rows.push(known[index]!);
    if (index % 4 === 0) rows.push(unknown[index / 4]!);
  }
  return [...rows, ...again];
}

/** The greylisting case: alice exists, 30 addresses do not. */
function greylistedList(): Row[] {
  return [
    { email: "alice@greylist.mailvet-mta.net", expected: "accepted" },
    ...Array.from({ length: 30 }, (_, n): Row => ({ email: `nobody${n}@greylist.mailvet-mta.net`, expected: "mailbox_not_found" })),
  ];
}

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("bulk lists through stock mail server defences", () => {
  let farm: MtaFarm;
  let stack: LocalStack;

  beforeAll(async () => {
    farm = await startMtaFarm({ greylistDelaySeconds: 2 });
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: "19587",
        MAILVET_PROBER_PORT: "19588",
        MAILVET_DOH_URL: dnsPeer!,
        ...farmProberEnv(farm),
        MAILVET_PROBER_SECRET: "bulk-stock-e2e-hop-secret-0123456789",
        // Every test domain is on one Postfix address, where on the internet they would be on
        // as many servers: the per-server rate starts higher here so the farm stands for many.
        // Everything else (sessions per server, errors per session, the job's lanes and
        // retries) is as shipped.
        MAILVET_PROBER_HOST_RATE: "100",
      },
      { freshState: true },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await farm?.stop();
  });

  /** Posts the list as CSV, waits for the job within `withinMs`, and returns each row's reason in order. */
  async function clean(rows: readonly Row[], withinMs: number): Promise<{ reasons: string[]; seconds: number }> {
    const started = performance.now();
    const csv = ["email", ...rows.map(({ email }) => email)].join("\r\n");
    const created = await fetch(`${stack.edgeUrl}/v1/jobs`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv });
    expect(created.status, await created.clone().text()).toBe(202);
    const { id } = (await created.json()) as { id: string };
    await expect
      .poll(async () => ((await (await fetch(`${stack.edgeUrl}/v1/jobs/${id}`)).json()) as { status: string }).status, { timeout: withinMs, interval: 500 })
      .toBe("done");
    const seconds = (performance.now() - started) / 1000;
    const response = await fetch(`${stack.edgeUrl}/v1/jobs/${id}/results?format=json`);
    const { results } = (await response.json()) as { results: { row: number; reason: string }[] };
    console.log(`bulk-stock: ${rows.length} rows done in ${seconds.toFixed(1)} s`);
    return { reasons: results.map(({ reason }) => reason), seconds };
  }

  it("a 2,050-row list, a fifth of it unknown at one domain: every row has the server's answer within a minute", async () => {
    const rows = staleList();
    const { reasons } = await clean(rows, 60_000);
    expect(reasons).toEqual(rows.map(({ expected }) => expected));
  }, 90_000);

  it("the same list with a greylisting domain in it: every row has the server's answer within five minutes", async () => {
    const rows = [...greylistedList(), ...staleList().map((row) => ({ ...row, email: row.email.replace(".bulk.", "-g.bulk.") }))];
    const { reasons } = await clean(rows, 300_000);
    expect(reasons).toEqual(rows.map(({ expected }) => expected));
  }, 330_000);
});
