import type { ProviderHint } from "../bounce-row";

/** Which column of a bounce export holds what; -1 where the export has no such column. */
export interface BounceColumns {
  recipient: number;
  status: number;
  code: number;
  text: number;
  type: number;
  time: number;
  /** The ESP whose export this is, told by its headers; its type words are read as its hints. */
  provider: ProviderHint["provider"] | null;
}

/** A header as compared: lower case, without spaces, underscores, dashes and dots. */
const squash = (header: string) => header.toLowerCase().replace(/[\s_.-]+/g, "");

// Header spellings of the ESPs' exports: SendGrid (email, created, reason, status), Mailgun
// (address, code, error, created_at), Postmark (Email, Type, TypeCode, BouncedAt, Details;
// suppressions: Email Address, Reason, Origin, Created At), SES (EmailAddress, Reason,
// LastUpdateTime), and plain lists (recipient, diagnostic, kind, date).
const SPELLINGS: Record<Exclude<keyof BounceColumns, "provider">, string[]> = {
  recipient: ["email", "emailaddress", "address", "recipient", "to", "mail"],
  status: ["status", "statuscode", "enhancedcode", "enhancedstatuscode", "dsnstatus"],
  code: ["code", "smtpcode", "replycode", "responsecode"],
  text: ["diagnostic", "diagnosticcode", "details", "error", "reason", "description", "message", "response", "bouncereason"],
  type: ["type", "bouncetype", "kind", "event", "category"],
  time: ["created", "createdat", "bouncedat", "timestamp", "lastupdatetime", "date", "time", "bouncedate"],
};

function providerOf(headers: Set<string>): BounceColumns["provider"] {
  if (headers.has("lastupdatetime")) return "ses";
  if (headers.has("typecode") || headers.has("bouncedat") || headers.has("origin")) return "postmark";
  if (headers.has("address") && (headers.has("error") || headers.has("code"))) return "mailgun";
  if (headers.has("email") && headers.has("created")) return "sendgrid";
  return null;
}

/**
 * The columns of a bounce export, found by its header row; null when no column names the
 * recipient (then it is no bounce export).
 *
 * @example
 * findBounceColumns(["address", "code", "error", "created_at"]); // { recipient: 0, code: 1, text: 2, time: 3, provider: "mailgun", … }
 */
export function findBounceColumns(header: readonly string[]): BounceColumns | null {
  const squashed = header.map(squash);
  const find = (names: string[]) => {
    for (const name of names) {
      const index = squashed.indexOf(name);
      if (index >= 0) return index;
    }
    return -1;
  };
  const columns = Object.fromEntries(Object.entries(SPELLINGS).map(([field, names]) => [field, find(names)])) as Omit<BounceColumns, "provider">;
  if (columns.recipient < 0) return null;
  return { ...columns, provider: providerOf(new Set(squashed)) };
}
