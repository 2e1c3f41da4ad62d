import { type DoctorCheck, type DoctorReport, DoctorReportSchema } from "../../../shared/contract/doctor";
import type { DnsResolver } from "../../../shared/dns";
import type { ReputationResolver } from "../../../shared/reputation";
import type { EgressPolicy } from "../probe/egress";
import type { BlockReplyWindow } from "./block-replies";
import { checkBlockReplies } from "./block-reply-check";
import { checkBlocklists } from "./blocklists";
import { worstStatus } from "./check";
import { egressIps } from "./egress-ips";
import { checkHelo } from "./helo-name";
import { checkMailFrom, checkSpf } from "./mail-from";
import { checkPort25 } from "./port-25";
import { checkReverseDns } from "./reverse-dns";

export interface DoctorTools {
  readonly heloName: string;
  readonly mailFrom: string;
  /** MAILVET_EGRESS_IPS; empty to discover. */
  readonly egressIps: readonly string[];
  readonly canaryMx: string | undefined;
  readonly allowPrivateTargets: boolean;
  readonly spamhausDqsKey: string | undefined;
  /** The prober's DoH resolver: PTR, forward names, MX, SPF, the canary's address. */
  readonly resolver: Pick<DnsResolver, "lookup">;
  /** The operator's own resolver for the block lists, or null when none is set. */
  readonly blocklistResolver: ReputationResolver | null;
  readonly egress: EgressPolicy;
  readonly blockReplies: BlockReplyWindow;
}

/**
 * Runs every check of the doctor and makes its report (shared/contract/doctor.ts): egress IPs,
 * port 25, then per egress IP its reverse DNS, SPF and block lists, the HELO name, the MAIL FROM
 * domain, and the last hour's block replies. Never rejects on what it finds: a check that
 * cannot ask is `unknown`.
 *
 * @example
 * const report = await runDoctor(tools);
 * report.status; // "pass", "warn", "fail" or "unknown"
 */
export async function runDoctor(tools: DoctorTools): Promise<DoctorReport> {
  const at = new Date().toISOString();
  const port25 = await checkPort25(tools);
  const egress = egressIps({ configured: tools.egressIps, discovered: port25.localAddress, allowPrivate: tools.allowPrivateTargets });
  const ips = [...egress.ipv4, ...egress.ipv6];
  const perIp = await Promise.all(
    ips.map(async (ip) => {
      const [reverse, spf, lists] = await Promise.all([
        checkReverseDns(ip, tools.resolver),
        checkSpf({ ip, mailFrom: tools.mailFrom, helo: tools.heloName }, tools.resolver),
        checkBlocklists(ip, tools.blocklistResolver, { spamhausDqsKey: tools.spamhausDqsKey }),
      ]);
      return { ip, reverse, spf, lists };
    }),
  );
  const ptrNames = Object.fromEntries(perIp.map(({ ip, reverse }) => [ip, reverse.name]));
  const blockReplies = tools.blockReplies.counts();
  const checks: DoctorCheck[] = [
    egress.check,
    port25.check,
    ...perIp.map(({ reverse }) => reverse.check),
    checkHelo(tools.heloName, ptrNames),
    await checkMailFrom(tools.mailFrom, tools.resolver),
    ...perIp.map(({ spf }) => spf),
    ...perIp.map(({ lists }) => lists),
    checkBlockReplies(blockReplies),
  ];
  return DoctorReportSchema.parse({
    prober: { id: null, region: null },
    at,
    egress: { ipv4: egress.ipv4, ipv6: egress.ipv6 },
    helo: tools.heloName,
    mail_from: tools.mailFrom,
    checks,
    block_replies: blockReplies.slice(0, 200),
    status: worstStatus(checks.map((check) => check.status)),
  });
}
