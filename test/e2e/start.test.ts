import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, inject, it } from "vitest";
import { assertPortFree } from "../../infra/local/processes";

const EDGE_PORT = 18_887;
const PROBER_PORT = 18_888;
const repoRoot = new URL("../../", import.meta.url).pathname;

/** Whether any process of a process group is still running. */
function groupAlive(processGroup: number): boolean {
  try {
    process.kill(-processGroup, 0);
    return true;
  } catch {
    return false;
  }
}

function npmStart(env: Record<string, string>) {
  // Its own process group, like a foreground job in a terminal, so Ctrl-C can reach all of it.
  const child = spawn("npm", ["start"], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

const dnsPeer = inject("dnsPeerUrl");

describe.skipIf(dnsPeer === null)("npm start", () => {
  const started = npmStart({ MAILVET_EDGE_PORT: String(EDGE_PORT), MAILVET_PROBER_PORT: String(PROBER_PORT), MAILVET_DOH_URL: dnsPeer! });
  afterAll(() => {
    if (groupAlive(started.child.pid!)) process.kill(-started.child.pid!, "SIGKILL");
  });

  it("serves /v1/verify on the edge and /healthz on the prober, then stops both on Ctrl-C", async () => {
    await expect.poll(() => started.output(), { timeout: 90_000, interval: 250 }).toMatch(/Mailvet is up/);

    const verify = await fetch(`http://127.0.0.1:${EDGE_PORT}/v1/verify?email=${encodeURIComponent("Ana.Silva@Multi-MX.mailvet-fixture.net")}&smtp=false`);
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ normalized: "Ana.Silva@multi-mx.mailvet-fixture.net", verdict: "unknown", reason: "smtp_skipped" });
    expect((await fetch(`http://127.0.0.1:${PROBER_PORT}/healthz`)).status).toBe(200);

    // What Ctrl-C does: SIGINT to every process of the foreground group.
    process.kill(-started.child.pid!, "SIGINT");
    // npm itself quits on SIGINT; what matters is that everything it started stops too.
    await expect.poll(() => groupAlive(started.child.pid!), { timeout: 30_000, interval: 200 }).toBe(false);
    expect(started.output()).not.toMatch(/stopped unexpectedly/);
    await assertPortFree(EDGE_PORT, "edge");
    await assertPortFree(PROBER_PORT, "prober");
  }, 120_000);

  it("refuses a bad setting at start-up, naming the variable", async () => {
    const bad = npmStart({ MAILVET_EDGE_PORT: "not-a-port" });
    const [code] = await once(bad.child, "exit");
    expect(code).not.toBe(0);
    expect(bad.output()).toMatch(/MAILVET_EDGE_PORT: must be a port number/);
  }, 60_000);
});
