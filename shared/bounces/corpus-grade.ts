import type { ParsedBounceMessage } from "./parse-message";

/** One line of the corpus's `expected.jsonl` (the fields the grade reads). */
export interface LabelledMessage {
  file: string;
  kind: "hard" | "soft" | "complaint" | "not_bounce";
  doubtful?: boolean;
  recipients: {
    address: string;
    address_also?: string[];
    status: string | null;
    status_match: "exact" | "class" | "none";
    status_also?: string[];
    kind: "hard" | "soft" | "complaint";
    doubtful?: boolean;
  }[];
}

export interface CorpusGrade {
  hardPrecision: number;
  hardPrecisionNonDoubtful: number;
  hardRecall: number;
  recipientRecall: number;
  recipientPrecision: number;
  messageKindAccuracy: number;
  falseHard: string[];
  temporaryCalledHard: string[];
  notBounceCalledBounce: string[];
  statusMisses: string[];
  summary: string;
}

function messageKind(parsed: ParsedBounceMessage): LabelledMessage["kind"] {
  if (parsed.type === "not_bounce") return "not_bounce";
  if (parsed.type === "complaint") return "complaint";
  return parsed.bounces.some((bounce) => bounce.kind === "hard") ? "hard" : "soft";
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/**
 * Grades parsed messages against the corpus labels the way its README describes: message kind,
 * recipients matched case-insensitively (also against `address_also`), status, and hard
 * precision, where every reported hard recipient that is not an expected hard one counts false.
 *
 * @example
 * const grade = gradeCorpus(labelled, await Promise.all(raws.map((raw) => parseBounceMessage(raw, now))));
 * console.log(grade.summary); // "messages 308 | kind acc ... | HARD PRECISION ..."
 */
export function gradeCorpus(labelled: readonly LabelledMessage[], parsed: readonly ParsedBounceMessage[]): CorpusGrade {
  let truePositiveHard = 0;
  let reportedHard = 0;
  let reportedHardNonDoubtful = 0;
  let truePositiveHardNonDoubtful = 0;
  let expectedHard = 0;
  let expectedRecipients = 0;
  let foundRecipients = 0;
  let reportedRecipients = 0;
  let rightKind = 0;
  const falseHard: string[] = [];
  const temporaryCalledHard: string[] = [];
  const notBounceCalledBounce: string[] = [];
  const statusMisses: string[] = [];
  labelled.forEach((entry, index) => {
    const result = parsed[index]!;
    if (messageKind(result) === entry.kind) rightKind++;
    if (entry.kind === "not_bounce" && (result.type !== "not_bounce" || result.bounces.length > 0)) notBounceCalledBounce.push(entry.file);
    const matched = new Set<number>();
    for (const bounce of result.bounces) {
      reportedRecipients++;
      const at = entry.recipients.findIndex((expected) =>
        [expected.address, ...(expected.address_also ?? [])].some((address) => address.toLowerCase() === bounce.recipient.toLowerCase()),
      );
      const expected = at >= 0 ? entry.recipients[at] : undefined;
      if (expected) matched.add(at);
      if (bounce.kind === "hard") {
        reportedHard++;
        const doubtful = Boolean(expected?.doubtful ?? entry.doubtful);
        if (!doubtful) reportedHardNonDoubtful++;
        if (expected?.kind === "hard") {
          truePositiveHard++;
          if (!doubtful) truePositiveHardNonDoubtful++;
        } else falseHard.push(`${entry.file} ${bounce.recipient} (${bounce.status ?? "-"} ${bounce.reason})`);
        if (expected?.status?.startsWith("4.") || bounce.status?.startsWith("4.")) temporaryCalledHard.push(entry.file);
      }
      if (expected && expected.kind !== "complaint" && expected.status_match !== "none") {
        const accepted = [expected.status, ...(expected.status_also ?? [])];
        const right = expected.status_match === "exact" ? accepted.includes(bounce.status) : bounce.status?.[0] === expected.status?.[0];
        if (!right) statusMisses.push(`${entry.file} ${bounce.status ?? "-"} ≠ ${accepted.join("|")}`);
      }
    }
    expectedRecipients += entry.recipients.length;
    foundRecipients += matched.size;
    expectedHard += entry.recipients.filter((expected) => expected.kind === "hard").length;
  });
  const hardPrecision = reportedHard ? truePositiveHard / reportedHard : 1;
  const hardPrecisionNonDoubtful = reportedHardNonDoubtful ? truePositiveHardNonDoubtful / reportedHardNonDoubtful : 1;
  const hardRecall = expectedHard ? truePositiveHard / expectedHard : 1;
  const recipientRecall = expectedRecipients ? foundRecipients / expectedRecipients : 1;
  const recipientPrecision = reportedRecipients ? foundRecipients / reportedRecipients : 1;
  const messageKindAccuracy = labelled.length ? rightKind / labelled.length : 1;
  const summary = [
    `messages ${labelled.length} | kind acc ${percent(messageKindAccuracy)} | rcpt P/R ${percent(recipientPrecision)}/${percent(recipientRecall)}`,
    `HARD PRECISION ${percent(hardPrecision)} (non-doubtful ${percent(hardPrecisionNonDoubtful)}) | hard recall ${percent(hardRecall)} (${truePositiveHard}/${expectedHard})`,
    `false-hard: ${falseHard.join(", ") || "none"}`,
    `status misses: ${statusMisses.length}`,
  ].join("\n");
  return {
    hardPrecision,
    hardPrecisionNonDoubtful,
    hardRecall,
    recipientRecall,
    recipientPrecision,
    messageKindAccuracy,
    falseHard,
    temporaryCalledHard,
    notBounceCalledBounce,
    statusMisses,
    summary,
  };
}
