import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { skipWithoutMtaFarm, startMtaFarm, type MtaFarm } from "../../../infra/local/mta/peer";
import { type DoctorReport, DoctorReportSchema } from "../../../shared/contract/doctor";
import type {} from "../../../shared/dns/testing/provided-context";
import { signRequest, verifySignedResponse } from "../../../shared/hop";
import { HOP_HEADERS } from "../../../shared/hop/hop-headers";
import { createProberApp } from "../app";
import { createProbeService } from "../probe/service";
import { readProberSettings } from "../settings";
import { createDoctor } from "./create-doctor";

const KEY = "prober-test-key-0123456789abcdef";
const peer = inject("dnsPeerUrl");
const dnsServer = inject("dnsPeerServer");

/** A prober on the local stack whose names the local DNS peer holds (infra/local/dns/mailvet-doctor.net.zone). */
const goodEnv = (farm: MtaFarm): Record<string, string> => ({
  MAILVET_PROBER_SECRET: KEY,
  MAILVET_DOH_URL: peer!,
  MAILVET_SMTP_PORT: String(farm.port),
  MAILVET_ALLOW_PRIVATE_TARGETS: "1",
  MAILVET_HELO_NAME: "probe.mailvet-doctor.net",
  MAILVET_MAIL_FROM: "verify@mailvet-doctor.net",
  MAILVET_DOCTOR_CANARY_MX: "mx1.mailvet-mta.net",
  MAILVET_BLOCKLIST_RESOLVER: dnsServer!,
});

const statuses = (report: DoctorReport) => report.checks.map((check) => `${check.id} ${check.status}`);

/** The whole doctor against the real Postfix farm and the local DNS peer. */
describe.skipIf(peer === null || dnsServer === null || skipWithoutMtaFarm())("the prober's doctor", () => {
  let farm: MtaFarm;
  beforeAll(async () => {
    farm = await startMtaFarm();
  }, 30_000);
  afterAll(() => farm?.stop());
  const doctorOf = (env: Record<string, string>) => {
    const settings = readProberSettings(env);
    return createDoctor(settings, createProbeService(settings).blockReplies);
  };

  it("passes a prober with a forward-confirmed PTR equal to its HELO, SPF, an open port 25 and no listing", async () => {
    const report = await doctorOf(goodEnv(farm))();
    expect(statuses(report)).toEqual([
      "egress pass",
      "port-25 pass",
      "ptr pass",
      "helo pass",
      "mail-from pass",
      "spf pass",
      "blocklists pass",
      "block-replies pass",
    ]);
    expect(report).toMatchObject({ status: "pass", egress: { ipv4: ["127.0.0.1"], ipv6: [] }, helo: "probe.mailvet-doctor.net" });
  });

  it("fails a prober whose egress IP has no PTR, whose SPF leaves it out, and whose canary blocks it at the greeting", async () => {
    const report = await doctorOf({ ...goodEnv(farm), MAILVET_EGRESS_IPS: "127.0.0.61", MAILVET_DOCTOR_CANARY_MX: "mx-blocked.mailvet-mta.net" })();
    expect(statuses(report)).toEqual([
      "egress pass",
      "port-25 fail",
      "ptr fail",
      "helo pass",
      "mail-from pass",
      "spf fail",
      "blocklists pass",
      "block-replies pass",
    ]);
    expect(report.status).toBe("fail");
  });

  it("fails a listed egress IP and a HELO of a big provider; unknown without a canary or a resolver of its own", async () => {
    const env = { ...goodEnv(farm), MAILVET_EGRESS_IPS: "127.0.0.2", MAILVET_HELO_NAME: "gmail.com", MAILVET_MAIL_FROM: "verify@nospf.mailvet-doctor.net" };
    expect(statuses(await doctorOf(env)())).toEqual([
      "egress pass",
      "port-25 pass",
      "ptr fail",
      "helo fail",
      "mail-from pass",
      "spf fail",
      "blocklists fail",
      "block-replies pass",
    ]);
    const { MAILVET_DOCTOR_CANARY_MX: _canary, MAILVET_BLOCKLIST_RESOLVER: _resolver, ...bare } = goodEnv(farm);
    const report = await doctorOf(bare)();
    expect(statuses(report)).toEqual(["egress unknown", "port-25 unknown", "helo pass", "mail-from pass", "block-replies pass"]);
    expect(report.status).toBe("unknown");
  });

  it("answers a signed GET /v1/doctor with the report, signed back; unsigned is 401", async () => {
    const settings = readProberSettings(goodEnv(farm));
    const service = createProbeService(settings);
    const app = createProberApp({ secrets: [KEY], host: "prober", service, doctor: createDoctor(settings, service.blockReplies) });
    const request = await signRequest(new Request("http://prober/v1/doctor"), [KEY]);
    const response = await app.request(request);
    expect(response.status).toBe(200);
    const body = await verifySignedResponse(response, { secrets: [KEY], requestNonce: request.headers.get(HOP_HEADERS.nonce)! });
    expect(DoctorReportSchema.parse(JSON.parse(new TextDecoder().decode(body))).status).toBe("pass");
    expect((await app.request("http://prober/v1/doctor")).status).toBe(401);
  });

  it("prints the report readably from the prober's command, exit 0 when every check passes, 1 when one fails, --json as the route", {
    timeout: 60_000,
  }, async () => {
    const run = (env: Record<string, string>, args: string[] = []) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "prober/src/doctor-command.ts", ...args], { env: { PATH: process.env.PATH, ...env } }).then(
        ({ stdout }) => ({ stdout, code: 0 }),
        (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
      );
    const good = await run(goodEnv(farm));
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(
      "  ok   ptr            127.0.0.1 has the PTR name probe.mailvet-doctor.net, which resolves back to it (forward-confirmed).\n",
    );
    const bad = await run({ ...goodEnv(farm), MAILVET_DOCTOR_CANARY_MX: "mx-dead.mailvet-mta.net" }, ["--json"]);
    expect(bad.code).toBe(1);
    expect(DoctorReportSchema.parse(JSON.parse(bad.stdout)).checks[1]).toMatchObject({
      id: "port-25",
      status: "fail",
      fix: expect.stringMatching(/^Ask your hosting provider to open outbound port 25/),
    });
  });
});
