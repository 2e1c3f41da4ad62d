import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";

const EDGE_PORT = 18_887;
const PROBER_PORT = 18_888;
const repoRoot = new URL("../../", import.meta.url).pathname;

/** Whether something still listens on a loopback port. */
async function portInUse(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, "127.0.0.1");
  const [outcome] = await Promise.race([once(server, "listening").then(() => ["free"]), once(server, "error").then(() => ["busy"])]);
  server.close();
  return outcome === "busy";
}

function npmStart(env: Record<string, string>) {
  const child = spawn("npm", ["start"], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

describe("npm start", () => {
  const started = npmStart({ MAILVET_EDGE_PORT: String(EDGE_PORT), MAILVET_PROBER_PORT: String(PROBER_PORT) });
  afterAll(() => {
    started.child.kill("SIGKILL");
  });

  it("serves /v1/verify on the edge and /healthz on the prober, then stops both on Ctrl-C", async () => {
    await expect.poll(() => started.output(), { timeout: 90_000, interval: 250 }).toMatch(/Mailvet is up/);

    const verify = await fetch(`http://127.0.0.1:${EDGE_PORT}/v1/verify?email=${encodeURIComponent("Ana.Silva@Example-Shop.com")}&smtp=false`);
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ normalized: "Ana.Silva@example-shop.com", verdict: "unknown", reason: "smtp_skipped" });
    expect((await fetch(`http://127.0.0.1:${PROBER_PORT}/healthz`)).status).toBe(200);

    // Ctrl-C reaches the whole foreground process group; npm passes SIGINT on to the script.
    started.child.kill("SIGINT");
    const [code] = await once(started.child, "exit");
    expect(code).toBe(0);
    expect(await portInUse(EDGE_PORT)).toBe(false);
    expect(await portInUse(PROBER_PORT)).toBe(false);
  }, 120_000);

  it("refuses a bad setting at start-up, naming the variable", async () => {
    const bad = npmStart({ MAILVET_EDGE_PORT: "not-a-port" });
    const [code] = await once(bad.child, "exit");
    expect(code).not.toBe(0);
    expect(bad.output()).toMatch(/MAILVET_EDGE_PORT: must be a port number/);
  }, 60_000);
});
