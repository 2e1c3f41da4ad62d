import type { VerifyResult } from "../shared/contract/schemas";
import { type Paint, printable } from "./paint";
import { REASON_TEXT } from "./reason-text";

function flagsLine(flags: VerifyResult["flags"]): string {
  const set = Object.entries(flags)
    .filter(([, on]) => on)
    .map(([name]) => name.replace("_", "-"));
  return set.length ? set.join(", ") : "none";
}

function mailHostsLine(domain: NonNullable<VerifyResult["domain"]>): string {
  if (domain.mx.length === 0) return "none found";
  return domain.mx.map((mx) => `${printable(mx.host)} (${mx.preference})`).join(", ");
}

function smtpLine(smtp: VerifyResult["smtp"]): string {
  if (!smtp.performed) return "not asked";
  const reply = [smtp.code, smtp.enhanced, smtp.message && printable(smtp.message)].filter(Boolean).join(" ") || "no reply";
  const where = [smtp.host && `from ${printable(smtp.host)}`, smtp.duration_ms !== undefined && `in ${smtp.duration_ms} ms`].filter(Boolean).join(" ");
  const why = [where, smtp.rule && `rule ${printable(smtp.rule)}`].filter(Boolean).join(", ");
  return why ? `${reply} (${why})` : reply;
}

/**
 * One verification result for people: the address and its verdict, then a line per fact
 * (reason in plain words, flags, a suggestion, mail hosts, the mail server's reply, time).
 *
 * @example
 * formatResult(result, plain);
 * // "ann@example.org: deliverable (score 95)\n  reason      the mail server accepts mail for this mailbox (accepted)\n  …"
 */
export function formatResult(result: VerifyResult, paint: Paint): string {
  const lines: [string, string][] = [
    ["reason", `${REASON_TEXT[result.reason]} (${result.reason})`],
    ["flags", flagsLine(result.flags)],
  ];
  if (result.suggestion) lines.push(["suggestion", `did you mean ${printable(result.suggestion)}?`]);
  if (result.domain) lines.push(["mail hosts", mailHostsLine(result.domain)]);
  lines.push(["smtp", smtpLine(result.smtp)], ["time", `${result.duration_ms} ms`]);
  const head = `${printable(result.email)}: ${paint(result.verdict, result.verdict)} (score ${result.score})`;
  return [head, ...lines.map(([label, text]) => `  ${label.padEnd(12)}${text}`)].join("\n");
}
