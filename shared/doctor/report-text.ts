import type { DoctorReport } from "../contract/doctor";

const MARK: Record<DoctorReport["status"], string> = { pass: "ok  ", warn: "WARN", fail: "FAIL", unknown: "??  " };

/** Hanging-indent: the first line as is, the rest under the text column. */
const indentLines = (text: string, indent: string) => text.replace(/\n/g, `\n${indent}`);

/**
 * A prober's doctor report as a person reads it at a terminal: one line per check with what was
 * found, and under each that is not passing, what to fix; then the block replies per provider.
 * The prober's `doctor` command and `mailvet doctor` print the same.
 *
 * @example
 * process.stdout.write(reportText(report));
 * // prober eu1 (eu): FAIL
 * //   sends from 192.0.2.25 · HELO probe.example.net · MAIL FROM verify@example.net
 * //   ok   egress         The prober sends from 192.0.2.25 (MAILVET_EGRESS_IPS).
 * //   FAIL ptr            192.0.2.25 has no PTR record …
 * //                       fix: Ask whoever gives you 192.0.2.25 …
 */
export function reportText(report: DoctorReport): string {
  const name = report.prober.id === null ? "prober" : `prober ${report.prober.id}${report.prober.region === null ? "" : ` (${report.prober.region})`}`;
  const ips = [...report.egress.ipv4, ...report.egress.ipv6];
  const lines = [
    `${name}: ${report.status.toUpperCase()} (${report.at})`,
    `  sends from ${ips.length > 0 ? ips.join(", ") : "an unknown address"} · HELO ${report.helo} · MAIL FROM ${report.mail_from}`,
  ];
  const pad = " ".repeat(22);
  for (const check of report.checks) {
    lines.push(`  ${MARK[check.status]} ${check.id.padEnd(14)} ${indentLines(check.summary, pad)}`);
    if (check.fix !== null) lines.push(`${pad}fix: ${indentLines(check.fix, pad)}`);
  }
  if (report.block_replies.length > 0) {
    lines.push("  block replies in the last hour:");
    for (const entry of report.block_replies) {
      const sample = entry.sample === null ? "" : `  "${entry.sample}"`;
      lines.push(`    ${entry.provider}: ${entry.count} from ${entry.domains} ${entry.domains === 1 ? "domain" : "domains"}${sample}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
