import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ProbeResponseSchema } from "../../shared/contract/probe";
import { createDohResolver, resolveMailDomain } from "../../shared/dns";
import { HOP_HEADERS, signRequest, verifySignedResponse } from "../../shared/hop";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type ManagedProcess, startProcess, waitForHealthy } from "../../infra/local/processes";

/**
 * The prober as it is shipped: `npm run build:prober` makes dist/prober.mjs, which is copied
 * alone into an empty folder outside the repo and started there with a plain Node 22 (this
 * one) and no node_modules anywhere above it, then asked a signed probe against the Postfix farm.
 */
const dnsPeer = inject("dnsPeerUrl");
const PROBER_PORT = "19788";
const SECRET = "bundle-e2e-hop-secret-0123456789";
const repoRoot = join(import.meta.dirname, "../..");

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("the bundled prober, from a folder without the repo", () => {
  let farm: MtaFarm;
  let prober: ManagedProcess;
  let folder: string;

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [join(repoRoot, "tools/prober/build.mjs")], { cwd: repoRoot });
    folder = await mkdtemp(join(tmpdir(), "mailvet-prober-bundle-"));
    await copyFile(join(repoRoot, "dist/prober.mjs"), join(folder, "prober.mjs"));
    farm = await startMtaFarm();
    const env = {
      MAILVET_DOH_URL: dnsPeer!,
      ...farmProberEnv(farm),
      MAILVET_PROBER_PORT: PROBER_PORT,
      MAILVET_PROBER_SECRET: SECRET,
    };
    prober = startProcess("prober-bundle", process.execPath, ["prober.mjs"], env, folder);
    await waitForHealthy(`http://127.0.0.1:${PROBER_PORT}/healthz`, prober, 60_000);
  }, 120_000);
  afterAll(async () => {
    await prober?.stop();
    await farm?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("runs from a folder that holds the bundle alone", async () => {
    expect(await readdir(folder)).toEqual(["prober.mjs"]);
  });

  it("answers a signed probe with the farm's replies, and signs its answer", async () => {
    const domain = "ok.mailvet-mta.net";
    const facts = await resolveMailDomain(createDohResolver({ upstreams: [dnsPeer!] }), domain);
    if (facts.kind !== "mx") throw new Error(`${domain}: no MX (${facts.kind})`);
    const addresses = ["alice@ok.mailvet-mta.net", "nobody@ok.mailvet-mta.net"].map((address) => ({ address, smtputf8: false }));
    const body = JSON.stringify({ domain, mx: facts.mx, addresses, budget_ms: 30_000 });
    const url = `http://127.0.0.1:${PROBER_PORT}/v1/probe`;
    const signed = await signRequest(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body }), [SECRET]);
    const response = await fetch(signed);
    expect(response.status).toBe(200);
    const answer = await verifySignedResponse(response, { secrets: [SECRET], requestNonce: signed.headers.get(HOP_HEADERS.nonce)! });
    const { results } = ProbeResponseSchema.parse(JSON.parse(new TextDecoder().decode(answer)));
    expect(results.map(({ address, reason }) => `${address} ${reason}`)).toEqual([
      "alice@ok.mailvet-mta.net accepted",
      "nobody@ok.mailvet-mta.net mailbox_not_found",
    ]);
  });

  it("refuses an unsigned probe", async () => {
    const response = await fetch(`http://127.0.0.1:${PROBER_PORT}/v1/probe`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
  });
});
