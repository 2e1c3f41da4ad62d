/**
 * The fields of an RFC 3464 `message/delivery-status` body (and RFC 6533's
 * `message/global-delivery-status`, the same in UTF-8): one group of per-message fields, then
 * one group per recipient, groups separated by blank lines, lines folded as in headers.
 */

/** Field names in lower case, each with its values in order (ARF repeats `Original-Rcpt-To`). */
export type DsnFieldGroup = ReadonlyMap<string, readonly string[]>;

export interface DsnFields {
  message: DsnFieldGroup;
  recipients: DsnFieldGroup[];
}

/** RFC 3464's per-message fields. */
const PER_MESSAGE = new Set(["reporting-mta", "dsn-gateway", "received-from-mta", "arrival-date", "original-envelope-id"]);

/** Bounds so a hostile report cannot make us do much work. */
const MAX_GROUPS = 200;
const MAX_CHARS = 256 * 1024;

function parseGroup(lines: string[]): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: string[] | null = null;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      last[last.length - 1] = `${last.at(-1)} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    last = fields.get(name) ?? [];
    last.push(line.slice(colon + 1).trim());
    fields.set(name, last);
  }
  return fields;
}

/**
 * The header fields at the start of a message or headers part, up to the first blank line.
 *
 * @example
 * field(headerBlock("To: a@example.org\nSubject: hi\n\nbody"), "to"); // "a@example.org"
 */
export function headerBlock(text: string): DsnFieldGroup {
  const head = text.slice(0, MAX_CHARS).replace(/\r\n?/g, "\n");
  const end = head.search(/\n[ \t]*\n/);
  return parseGroup((end < 0 ? head : head.slice(0, end)).split("\n"));
}

/**
 * The first value of a field, or undefined.
 *
 * @example
 * field(parseDsnFields("Action: failed").message, "action"); // "failed"
 */
export function field(group: DsnFieldGroup, name: string): string | undefined {
  return group.get(name)?.[0];
}

const RECIPIENT_FIELD = /^(final|original)-recipient\s*:/i;

/** AOL writes recipient groups without blank lines between them: a repeated recipient field starts the next. */
function splitAtNextRecipient(lines: string[]): string[][] {
  const out: string[][] = [[]];
  const seen = new Set<string>();
  for (const line of lines) {
    const name = RECIPIENT_FIELD.exec(line)?.[1]?.toLowerCase();
    if (name && seen.has(name)) {
      out.push([]);
      seen.clear();
    }
    if (name) seen.add(name);
    out.at(-1)!.push(line);
  }
  return out;
}

/**
 * Splits a delivery-status body into its field groups. A group naming a recipient
 * (`Final-Recipient` or `Original-Recipient`) is a recipient group; the first other group holds
 * the per-message fields. Some MTAs leave out the blank line after the message group, or put a
 * recipient's fields before its `Final-Recipient`, so a group is read whole.
 *
 * @example
 * parseDsnFields("Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n")
 *   .recipients[0].get("status"); // ["5.1.1"]
 */
export function parseDsnFields(body: string): DsnFields {
  const groups = body
    .slice(0, MAX_CHARS)
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .slice(0, MAX_GROUPS)
    .map((group) => group.split("\n"));
  let message: Map<string, string[]> | null = null;
  const recipients: Map<string, string[]>[] = [];
  for (const lines of groups.flatMap(splitAtNextRecipient)) {
    const fields = parseGroup(lines);
    if (!fields.has("final-recipient") && !fields.has("original-recipient")) {
      if (!message && fields.size > 0) message = fields;
      continue;
    }
    // A group with both kinds of field (no blank line after the message fields) serves as both.
    if (!message && [...fields.keys()].some((name) => PER_MESSAGE.has(name))) message = fields;
    recipients.push(fields);
  }
  return { message: message ?? new Map(), recipients };
}

/**
 * The address of a DSN address field (`rfc822; a@example.org`, RFC 6533's `utf-8; ...`), with
 * RFC 6533 `\x{...}` escapes decoded, angle brackets dropped, and RFC 3461 xtext (`+2B`)
 * decoded when asked (`Original-Recipient` carries the ORCPT parameter, which is xtext).
 *
 * @example
 * dsnAddress("rfc822; <a+2Bb@example.org>", true); // "a+b@example.org"
 * dsnAddress("utf-8; j\\x{F6}rg@example.de"); // "jörg@example.de"
 */
export function dsnAddress(value: string | undefined, xtext = false): string | null {
  if (!value) return null;
  const semicolon = value.indexOf(";");
  const type = semicolon >= 0 ? value.slice(0, semicolon).trim().toLowerCase() : "rfc822";
  let address = (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim().replace(/^<|>$/g, "").trim();
  address = address.replace(/\\x\{([0-9a-f]{1,6})\}/gi, (_, hex: string) => safeCodePoint(Number.parseInt(hex, 16)));
  if (xtext && type !== "utf-8") address = address.replace(/\+([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address : null;
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "";
}

/**
 * A DSN text field without its type prefix: `smtp; 550 5.1.1 User unknown` → `550 5.1.1 User unknown`.
 *
 * @example
 * dsnText("smtp; 550 5.1.1 User unknown"); // "550 5.1.1 User unknown"
 */
export function dsnText(value: string | undefined): string | null {
  if (!value) return null;
  const text = value.replace(/^(?:smtp|x-[\w-]+|unix|mail|local)\s*;\s*/i, "").trim();
  return text || null;
}
