import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { type VerifyResult, VerifyResultSchema } from "../../shared/contract/schemas";

/**
 * The suppression list end to end: the edge in workerd (D1 through miniflare), a prober and the
 * Postfix farm, behind API keys. An address the farm accepts comes back undeliverable/bounced from
 * /v1/verify and in a bulk job once it is on its owner's list, for that owner only, and the normal
 * verdict returns when the CLI takes it off.
 */
const dnsPeer = inject("dnsPeerUrl");
const repoRoot = new URL("../../", import.meta.url).pathname;
const KEYS = { sender: "suppressions-e2e-sender-0123456789", other: "suppressions-e2e-other-0123456789" };
const LISTED = "Alice@ok.mailvet-mta.net";

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("the suppression list, edge → prober → Postfix", () => {
  let farm: MtaFarm;
  let stack: LocalStack;

  beforeAll(async () => {
    farm = await startMtaFarm();
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: "19787",
        MAILVET_PROBER_PORT: "19788",
        MAILVET_DOH_URL: dnsPeer!,
        ...farmProberEnv(farm),
        MAILVET_API_KEYS: JSON.stringify([
          { id: "sender", key: KEYS.sender, scopes: ["verify", "jobs"] },
          { id: "other", key: KEYS.other, scopes: ["verify", "jobs"] },
        ]),
        MAILVET_PROBER_HOST_RATE: "1000",
        MAILVET_JOB_DOMAIN_RATE: "1000",
      },
      { freshState: true },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await farm?.stop();
  });

  const call = (key: string, path: string, init: RequestInit = {}) =>
    fetch(`${stack.edgeUrl}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const verify = async (key: string, email: string): Promise<VerifyResult> => {
    const response = await call(key, `/v1/verify?email=${encodeURIComponent(email)}`);
    expect(response.status).toBe(200);
    return VerifyResultSchema.parse(await response.json());
  };
  async function bulkResults(emails: string[]): Promise<{ email: string; verdict: string; reason: string }[]> {
    const created = await call(KEYS.sender, "/v1/jobs", { method: "POST", body: JSON.stringify({ emails }) });
    expect(created.status, await created.clone().text()).toBe(202);
    const { id } = (await created.json()) as { id: string };
    await expect
      .poll(async () => ((await (await call(KEYS.sender, `/v1/jobs/${id}`)).json()) as { status: string }).status, { timeout: 90_000, interval: 500 })
      .toBe("done");
    return ((await (await call(KEYS.sender, `/v1/jobs/${id}/results?format=json`)).json()) as { results: { email: string; verdict: string; reason: string }[] })
      .results;
  }
  async function mailvet(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [join(repoRoot, "cli/bin.mjs"), ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, MAILVET_API: stack.edgeUrl, MAILVET_API_KEY: KEYS.sender },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const [code] = await once(child, "close");
    return { code: code as number | null, stdout, stderr };
  }

  it("answers a listed address undeliverable/bounced in /v1/verify and a bulk job, and the normal verdict once removed", async () => {
    expect(await verify(KEYS.sender, LISTED)).toMatchObject({ verdict: "deliverable", reason: "accepted", bounce: null });

    const added = await mailvet(["suppressions", "add", LISTED, "--kind", "hard", "--status", "5.1.1", "--json"]);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ address: LISTED, kind: "hard", reason: "user_unknown", source: "manual" });

    // Any case of the address matches; the mail server is not asked.
    const listed = await verify(KEYS.sender, "alice@ok.mailvet-mta.net");
    expect(listed).toMatchObject({
      verdict: "undeliverable",
      reason: "bounced",
      score: 0,
      smtp: { performed: false },
      bounce: { kind: "hard", reason: "user_unknown", status: "5.1.1", source: "manual", retry_after: null },
    });
    expect(await verify(KEYS.other, LISTED)).toMatchObject({ verdict: "deliverable", reason: "accepted", bounce: null });

    const results = await bulkResults(["alice@ok.mailvet-mta.net", "bob@ok.mailvet-mta.net"]);
    expect(results.map(({ email, verdict, reason }) => [email, verdict, reason])).toEqual([
      ["alice@ok.mailvet-mta.net", "undeliverable", "bounced"],
      ["bob@ok.mailvet-mta.net", "deliverable", "accepted"],
    ]);

    const list = await mailvet(["suppressions", "list", "--json"]);
    expect(list.code, list.stderr).toBe(0);
    expect(
      list.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).address),
    ).toEqual([LISTED]);

    expect((await mailvet(["suppressions", "remove", "ALICE@ok.mailvet-mta.net"])).code).toBe(0);
    const again = await mailvet(["suppressions", "remove", LISTED]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("not on the suppression list");

    expect(await verify(KEYS.sender, LISTED)).toMatchObject({ verdict: "deliverable", reason: "accepted", bounce: null });
    const restored = await bulkResults(["alice@ok.mailvet-mta.net"]);
    expect(restored.map(({ verdict, reason }) => [verdict, reason])).toEqual([["deliverable", "accepted"]]);
  });

  it("counts what verification said in the owner's bounce report", async () => {
    const report = (await (await call(KEYS.sender, "/v1/suppressions/report")).json()) as { by_verdict: Record<string, { verified: number; hard: number }> };
    expect(report.by_verdict.deliverable?.verified).toBeGreaterThan(0);
  });
});
