import type { DoctorCheck } from "../../../shared/contract/doctor";
import type { DnsResolver } from "../../../shared/dns";
import type { EgressPolicy } from "../probe/egress";
import { SmtpConnection } from "../smtp/connection";
import { SmtpError } from "../smtp/smtp-error";
import { Transcript } from "../smtp/transcript";
import { passed, problem } from "./check";

/** "Within a few seconds": a server on an open port connects and greets well inside this. */
export const CANARY_TIMEOUT_MS = 5000;

export interface Port25 {
  readonly check: DoctorCheck;
  /** This prober's address on the connection to the canary: its egress IP, as seen from itself. */
  readonly localAddress: string | null;
}

const OPEN_IT =
  'Ask your hosting provider to open outbound port 25; most block it (AWS: its port-25 request form; Hetzner Cloud: a support request; OVH: open unless its anti-spam closed it; GCP, DigitalOcean and most Azure subscriptions: not at all, so use another host). See the README\'s "Operating probers".';

/**
 * The `port-25` check: connects to the canary MX (MAILVET_DOCTOR_CANARY_MX) on the SMTP port and
 * reads its greeting. 220 passes; any other greeting (a 554) is a block of this prober by that
 * server, not a closed port; no connection, or a connection that is refused, is a closed port.
 *
 * @example
 * const { check, localAddress } = await checkPort25({ canaryMx: "mx.example.net", resolver, egress });
 */
export async function checkPort25(options: { canaryMx: string | undefined; resolver: Pick<DnsResolver, "lookup">; egress: EgressPolicy }): Promise<Port25> {
  const { canaryMx, resolver, egress } = options;
  if (canaryMx === undefined)
    return {
      localAddress: null,
      check: problem(
        "port-25",
        "unknown",
        "No canary MX is set, so outbound port 25 was not tried.",
        "Set MAILVET_DOCTOR_CANARY_MX to a mail server that greets you (one of your own, or a big provider's MX).",
      ),
    };
  const ip = await canaryAddress(canaryMx, resolver, egress);
  if (typeof ip !== "string")
    return {
      localAddress: null,
      check: problem("port-25", "unknown", `The canary MX ${canaryMx} ${ip.why}.`, "Set MAILVET_DOCTOR_CANARY_MX to a mail server with a public address."),
    };
  const at = `${canaryMx} (${ip}) port ${egress.port}`;
  const details = { canary: canaryMx, ip, port: egress.port };
  let connection: SmtpConnection | undefined;
  try {
    connection = await SmtpConnection.open({ ip, port: egress.port, connectTimeoutMs: CANARY_TIMEOUT_MS, transcript: new Transcript() });
    const localAddress = connection.localAddress;
    const greeting = await connection.read("CONNECT", "connect", CANARY_TIMEOUT_MS, "ETIMEDOUT_GREETING");
    connection.send(["QUIT"]);
    const said = `${greeting.code} ${greeting.text}`.slice(0, 200);
    if (greeting.code === 220) return { localAddress, check: passed("port-25", `Outbound port 25 is open: ${at} greeted with 220.`, details) };
    return {
      localAddress,
      check: problem(
        "port-25",
        "fail",
        `Port 25 is open, but ${at} refused this prober at the greeting: "${said}". That is a block of this IP, not a closed port.`,
        `Check the block lists below and the reply's words; ask ${canaryMx}'s operator why, or move the prober to a clean IP.`,
        { ...details, reply: said },
      ),
    };
  } catch (error) {
    if (!(error instanceof SmtpError)) throw error;
    if (error.code === "ETIMEDOUT_GREETING")
      return {
        localAddress: connection?.localAddress ?? null,
        check: problem(
          "port-25",
          "warn",
          `Connected to ${at}, but it sent no greeting within ${CANARY_TIMEOUT_MS / 1000} s.`,
          "Try another canary MX; a server that never greets may be a tarpit or a firewall in between.",
          details,
        ),
      };
    return {
      localAddress: null,
      check: problem("port-25", "fail", `Outbound port 25 looks closed: ${at}: ${error.message}.`, OPEN_IT, { ...details, error: error.code }),
    };
  } finally {
    connection?.destroy();
  }
}

async function canaryAddress(host: string, resolver: Pick<DnsResolver, "lookup">, egress: EgressPolicy): Promise<string | { why: string }> {
  const outcome = await resolver.lookup(host, "A");
  if (outcome.kind === "dns_error") return { why: `could not be looked up: ${outcome.detail}` };
  const addresses = outcome.kind === "records" ? outcome.records.map((record) => record.address) : [];
  if (addresses.length === 0) return { why: "has no IPv4 address" };
  const allowed = addresses.find((address) => egress.refusal(address) === null);
  return allowed ?? { why: `resolves only to addresses the prober may not reach (${egress.refusal(addresses[0]!)})` };
}
