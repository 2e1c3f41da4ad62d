import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { ProbersDoctorSchema } from "../../shared/contract/doctor";

/**
 * `mailvet doctor` as an operator runs it: the real bin, through the edge (workerd), to a prober
 * whose names the local DNS peer holds (infra/local/dns/mailvet-doctor.net.zone, the reverse
 * zones), with the Postfix farm as its canary MX and the peer's plain DNS as its own resolver.
 */
const dnsPeer = inject("dnsPeerUrl");
const dnsServer = inject("dnsPeerServer");
const BIN = join(new URL("../../", import.meta.url).pathname, "cli/bin.mjs");
const ADMIN_KEY = "doctor-e2e-admin-key-0123456789";
const VERIFY_KEY = "doctor-e2e-verify-key-012345678";

function mailvet(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const run = { code: null as number | null, stdout: "", stderr: "" };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (run.stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (run.stderr += chunk));
  return once(child, "close").then(([code]) => ((run.code = code as number | null), run));
}

describe.skipIf(dnsPeer === null || dnsServer === null || skipWithoutMtaFarm())("mailvet doctor through the edge", () => {
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
        MAILVET_HELO_NAME: "probe.mailvet-doctor.net",
        MAILVET_MAIL_FROM: "verify@mailvet-doctor.net",
        MAILVET_DOCTOR_CANARY_MX: "mx1.mailvet-mta.net",
        MAILVET_BLOCKLIST_RESOLVER: dnsServer!,
        MAILVET_API_KEYS: JSON.stringify([
          { id: "ops", key: ADMIN_KEY, scopes: ["admin"] },
          { id: "shop", key: VERIFY_KEY, scopes: ["verify"] },
        ]),
      },
      { freshState: true },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await farm?.stop();
  });

  it("prints every check of the prober readably, and exits 0 when all pass", async () => {
    const run = await mailvet(["doctor"], { MAILVET_API: stack.edgeUrl, MAILVET_API_KEY: ADMIN_KEY });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^prober \S+ \(\S+\): PASS \(/);
    expect(run.stdout).toContain("  sends from 127.0.0.1 · HELO probe.mailvet-doctor.net · MAIL FROM verify@mailvet-doctor.net\n");
    expect(run.stdout).toMatch(/^ {2}ok {3}port-25 {8}Outbound port 25 is open: mx1\.mailvet-mta\.net \(127\.0\.0\.41\) port \d+ greeted with 220\.$/m);
    expect(run.stdout).toContain("  ok   spf            The SPF record of mailvet-doctor.net authorises 127.0.0.1 (ip4:127.0.0.1).\n");
  });

  it("answers --json as GET /v1/probers/doctor does", async () => {
    const run = await mailvet(["doctor", "--json"], { MAILVET_API: stack.edgeUrl, MAILVET_API_KEY: ADMIN_KEY });
    const answer = ProbersDoctorSchema.parse(JSON.parse(run.stdout));
    expect(answer.probers).toHaveLength(1);
    expect(answer.probers[0]!.report?.checks.map((check) => `${check.id} ${check.status}`)).toEqual([
      "egress pass",
      "port-25 pass",
      "ptr pass",
      "helo pass",
      "mail-from pass",
      "spf pass",
      "blocklists pass",
      "block-replies pass",
    ]);
  });

  it("is refused to a key without the admin scope (exit 3, the API's reason)", async () => {
    const run = await mailvet(["doctor"], { MAILVET_API: stack.edgeUrl, MAILVET_API_KEY: VERIFY_KEY });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("admin");
  });
});
