import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * infra/prober/install.sh in a throwaway root (--root DIR --dry-run: it writes its files there
 * and prints the system commands it would run), its systemd unit checked by systemd-analyze
 * (which needs no running systemd), and the Dockerfile read for what it must hold (Docker cannot
 * run here).
 */
const here = import.meta.dirname;
let root: string;
let bundle: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "mailvet-install-"));
  bundle = join(root, "prober.mjs.build");
  writeFileSync(bundle, "// the bundle\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function install(env: Record<string, string> = {}, args: string[] = [bundle]) {
  const run = spawnSync("bash", [join(here, "install.sh"), "--root", root, "--dry-run", ...args], {
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const mode = (path: string) => (statSync(join(root, path)).mode & 0o777).toString(8);

describe("install.sh --root DIR --dry-run", () => {
  it("writes the bundle, the settings (0600), the unit and the journal limits, and says what it would run", () => {
    const { status, stdout } = install({
      MAILVET_PROBER_SECRET: "hop-secret-0123456789abcdef",
      MAILVET_PROBER_URL: "https://prober-eu1.example.net",
      MAILVET_HELO_NAME: "probe-eu1.example.net",
    });
    expect(status).toBe(0);
    expect(readFileSync(join(root, "opt/mailvet-prober/prober.mjs"), "utf8")).toBe("// the bundle\n");
    expect(mode("opt/mailvet-prober/prober.mjs")).toBe("644");
    expect(mode("etc/mailvet-prober/env")).toBe("600");
    expect(
      readFileSync(join(root, "etc/mailvet-prober/env"), "utf8")
        .split("\n")
        .filter((line) => !line.startsWith("#")),
    ).toEqual([
      "MAILVET_PROBER_SECRET=hop-secret-0123456789abcdef",
      "MAILVET_PROBER_PORT=8788",
      "MAILVET_PROBER_LISTEN=127.0.0.1",
      "MAILVET_PROBER_URL=https://prober-eu1.example.net",
      "MAILVET_HELO_NAME=probe-eu1.example.net",
      "",
    ]);
    expect(readFileSync(join(root, "etc/systemd/system/mailvet-prober.service"), "utf8")).toBe(readFileSync(join(here, "mailvet-prober.service"), "utf8"));
    expect(readFileSync(join(root, "etc/systemd/journald.conf.d/mailvet-prober.conf"), "utf8")).toMatch(/SystemMaxUse=1G/);
    expect(existsSync(join(root, "etc/systemd/system/mailvet-prober.service.d/bind-port.conf"))).toBe(false);
    const commands = stdout
      .split("\n")
      .filter((line) => line.startsWith("would run: "))
      .map((line) => line.slice("would run: ".length).split(" ").slice(0, 3).join(" "));
    expect(commands).toEqual([
      "useradd --system --user-group",
      "apt-get install -y",
      "sh -c cd",
      "systemctl restart systemd-journald",
      "systemctl daemon-reload",
      "systemctl enable mailvet-prober.service",
      "systemctl restart mailvet-prober.service",
    ]);
    expect(stdout).toContain("https://nodejs.org/dist/v22.23.3/SHASUMS256.txt");
  });

  it("keeps the settings and the secret on a second run, and makes one when none is given", () => {
    expect(install().stdout).toContain("made a new hop secret");
    const first = readFileSync(join(root, "etc/mailvet-prober/env"), "utf8");
    expect(first).toMatch(/^MAILVET_PROBER_SECRET=[0-9a-f]{64}$/m);
    expect(install({ MAILVET_PROBER_SECRET: "another-secret-0123456789" }).status).toBe(0);
    expect(readFileSync(join(root, "etc/mailvet-prober/env"), "utf8")).toBe(first);
  });

  it("gives a port below 1024 the capability to bind it, and takes it back for a higher one", () => {
    install({ MAILVET_PROBER_PORT: "443" });
    const dropIn = join(root, "etc/systemd/system/mailvet-prober.service.d/bind-port.conf");
    expect(readFileSync(dropIn, "utf8")).toContain("AmbientCapabilities=CAP_NET_BIND_SERVICE");
    install({ MAILVET_PROBER_PORT: "8443" });
    expect(existsSync(dropIn)).toBe(false);
  });

  it.each([
    ["no bundle", [], /usage: install.sh/],
    ["a bundle that is not there", ["/nonexistent/prober.mjs"], /no bundle at \/nonexistent\/prober.mjs \(build it with npm run build:prober\)/],
  ])("refuses %s", (_, args, message) => {
    const { status, stderr } = install({}, args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("refuses a port that is not a number", () => {
    expect(install({ MAILVET_PROBER_PORT: "http" }).stderr).toContain("MAILVET_PROBER_PORT must be a port number");
  });
});

describe("the systemd unit", () => {
  /** The unit with its /opt paths moved into the throwaway root, where a Node binary stands. */
  function unitInRoot(): string {
    mkdirSync(join(root, "opt/mailvet-prober/node/bin"), { recursive: true });
    copyFileSync(process.execPath, join(root, "opt/mailvet-prober/node/bin/node"));
    const unit = join(root, "mailvet-prober.service");
    writeFileSync(unit, readFileSync(join(here, "mailvet-prober.service"), "utf8").replaceAll("/opt/mailvet-prober", join(root, "opt/mailvet-prober")));
    return unit;
  }

  it("passes systemd-analyze verify without a warning", () => {
    const run = spawnSync("systemd-analyze", ["verify", unitInRoot()], { encoding: "utf8" });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("is rated OK by systemd-analyze security (exposure below 2 of 10)", () => {
    const report = execFileSync("systemd-analyze", ["security", "--offline=yes", unitInRoot()], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const exposure = Number(/Overall exposure level for .*: (\d+\.\d+)/.exec(report)?.[1]);
    expect(exposure).toBeLessThan(2);
  });

  it("holds the hardening the README promises", () => {
    const unit = readFileSync(join(here, "mailvet-prober.service"), "utf8");
    for (const line of [
      "NoNewPrivileges=yes",
      "ProtectSystem=strict",
      "ProtectHome=yes",
      "PrivateTmp=yes",
      "CapabilityBoundingSet=",
      "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
      "User=mailvet-prober",
      "EnvironmentFile=/etc/mailvet-prober/env",
    ])
      expect(unit.split("\n")).toContain(line);
  });
});

describe("the Dockerfile (linted: Docker cannot run here)", () => {
  const dockerfile = readFileSync(join(here, "Dockerfile"), "utf8");
  const instructions = dockerfile.split("\n").filter((line) => /^[A-Z]+ /.test(line));

  it("runs the bundle alone on node:22-slim, as a user that is not root", () => {
    expect(instructions[0]).toBe("FROM node:22-slim");
    expect(instructions).toContain("USER node");
    expect(instructions.filter((line) => line.startsWith("COPY "))).toEqual(["COPY --chown=root:root --chmod=0444 dist/prober.mjs /app/prober.mjs"]);
    expect(instructions.at(-1)).toBe('CMD ["node", "/app/prober.mjs"]');
    expect(instructions.join("\n")).not.toMatch(/npm (ci|install)|node_modules/);
  });

  it("listens on all addresses inside the container, on the port it exposes", () => {
    expect(dockerfile).toMatch(/MAILVET_PROBER_LISTEN=0\.0\.0\.0/);
    expect(dockerfile).toMatch(/MAILVET_PROBER_PORT=8788/);
    expect(instructions).toContain("EXPOSE 8788");
  });
});
