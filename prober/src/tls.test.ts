import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../shared/hop";
import { freeLoopbackPort } from "../../infra/local/dns/free-port";
import { type ManagedProcess, startProcess } from "../../infra/local/processes";
import { readProberSettings } from "./settings";

const KEY = "prober-tls-test-key-0123456789abcdef";
const folder = mkdtempSync(join(tmpdir(), "mailvet-prober-tls-"));
const certFile = join(folder, "cert.pem");
const keyFile = join(folder, "key.pem");
// A self-signed certificate for 127.0.0.1, made for this run.
execFileSync(
  "openssl",
  ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"].concat([
    "-addext",
    "subjectAltName=IP:127.0.0.1",
    "-keyout",
    keyFile,
    "-out",
    certFile,
  ]),
  { stdio: "ignore" },
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the prober serving https with a certificate from its settings", { timeout: 60_000 }, () => {
  let prober: ManagedProcess;
  let base: string;
  const trusting = new Agent({ connect: { ca: readFileSync(certFile, "utf8") } });

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    base = `https://127.0.0.1:${port}`;
    prober = startProcess("prober-tls", process.execPath, ["--import", "tsx", "prober/src/main.ts"], {
      PATH: process.env.PATH,
      MAILVET_PROBER_PORT: String(port),
      MAILVET_PROBER_SECRET: KEY,
      MAILVET_PROBER_URL: base,
      MAILVET_PROBER_TLS_CERT: certFile,
      MAILVET_PROBER_TLS_KEY: keyFile,
    });
    // waitForHealthy's fetch would not trust this certificate: the same wait, with an agent that does.
    let exited = false;
    void prober.exited.then(() => (exited = true));
    while (
      !(await fetch(`${base}/healthz`, { dispatcher: trusting }).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (exited) throw new Error("the prober exited before it answered over https");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(() => prober?.stop());

  it("answers over https with that certificate", async () => {
    const response = await fetch(`${base}/healthz`, { dispatcher: trusting });
    expect(response.status).toBe(200);
  });

  it("checks the hop signature over https, for its https URL", async () => {
    const signed = await signRequest(new Request(`${base}/v1/probe`, { method: "POST", body: "{}" }), ["another-key-0123456789abcdef"]);
    const response = await fetch(signed.url, { method: "POST", headers: [...signed.headers], body: await signed.text(), dispatcher: trusting });
    expect(response.status).toBe(401);
  });

  it("is not reachable over plain http", async () => {
    await expect(fetch(base.replace("https:", "http:") + "/healthz")).rejects.toThrow();
  });
});

describe("the TLS settings", () => {
  it("read both files", () => {
    const settings = readProberSettings({ MAILVET_PROBER_SECRET: KEY, MAILVET_PROBER_TLS_CERT: certFile, MAILVET_PROBER_TLS_KEY: keyFile });
    expect(settings.tls?.cert).toContain("BEGIN CERTIFICATE");
  });

  it("refuse one without the other", () => {
    expect(() => readProberSettings({ MAILVET_PROBER_SECRET: KEY, MAILVET_PROBER_TLS_CERT: certFile })).toThrow("set both to serve https, or neither");
  });

  it("refuse a file that cannot be read, naming the variable", () => {
    expect(() =>
      readProberSettings({ MAILVET_PROBER_SECRET: KEY, MAILVET_PROBER_TLS_CERT: certFile, MAILVET_PROBER_TLS_KEY: join(folder, "none.pem") }),
    ).toThrow(/MAILVET_PROBER_TLS_KEY: cannot read .*none\.pem: ENOENT/);
  });

  it("listen on loopback unless told otherwise", () => {
    expect(readProberSettings({ MAILVET_PROBER_SECRET: KEY }).listen).toBe("127.0.0.1");
    expect(() => readProberSettings({ MAILVET_PROBER_SECRET: KEY, MAILVET_PROBER_LISTEN: "example.net" })).toThrow(
      "MAILVET_PROBER_LISTEN: must be an IP address",
    );
  });
});
