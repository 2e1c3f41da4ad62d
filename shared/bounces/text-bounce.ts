import { headerAddresses } from "./arf";
import type { Bounce } from "./bounce";
import { bounceRecord, isoTime } from "./bounce-record";
import { field, headerBlock } from "./dsn-fields";
import type { MessageParts } from "./message-parts";
import { bounceOwnText, MAX_TEXT_RECIPIENTS, textRecipients } from "./plain-text";

/**
 * The bounced recipients of a bounce written for people: Exim's `X-Failed-Recipients`, else
 * the addresses its own words name, else the `To` of the returned message when it names one.
 */

/** Addresses that name our side or the bounce's own routing, never a bounced recipient. */
function notRecipients(parts: MessageParts, attached: ReadonlyMap<string, readonly string[]>): Set<string> {
  const values = ["from", "to", "sender", "reply-to", "return-path", "delivered-to"].map((name) => parts.headers.get(name));
  values.push(...["from", "sender", "reply-to", "return-path"].map((name) => field(attached, name)));
  return new Set(values.flatMap(headerAddresses).map((address) => address.toLowerCase()));
}

/** What a bounce written for people says happened: a delay warning, a permanent failure, or neither. */
function bounceAction(own: string): "delayed" | "failed" | null {
  if (/warning (?:message )?only|has been delayed|not (?:been )?delivered yet|will be retried|still being retried|will (?:keep )?(?:try|retry)/i.test(own))
    return "delayed";
  return /permanent(?:ly)? (?:error|fatal|failure)|failed permanently|permanently failed|this is a permanent/i.test(own) ? "failed" : null;
}

/**
 * Reads a bounce that has no delivery status report. Each recipient is classified by the lines
 * that follow its address; a lone recipient whose lines say nothing by the whole bounce.
 *
 * @example
 * textBounces(await messageParts(raw), new Date()); // [{ recipient: "a@example.org", kind: "hard", ... }]
 */
export function textBounces(parts: MessageParts, receivedAt: Date): Bounce[] {
  const attached = headerBlock(parts.attachedMessage ?? "");
  const at = isoTime(parts.date, receivedAt);
  const failed = headerAddresses(parts.headers.get("x-failed-recipients")).slice(0, MAX_TEXT_RECIPIENTS);
  const exclude = notRecipients(parts, attached);
  // A broken MIME structure can hide the bounce's text; the raw body still has it.
  let text = parts.text;
  let found = textRecipients(text, exclude);
  if (found.length === 0 && parts.rawBody) {
    text = parts.rawBody;
    found = textRecipients(text, exclude);
  }
  const own = bounceOwnText(text);
  const named =
    failed.length > 0 ? failed.map((address) => found.find((item) => item.address.toLowerCase() === address.toLowerCase()) ?? { address, snippet: "" }) : found;
  if (named.length === 0) {
    const returned = text.slice(own.length);
    const to = headerAddresses(field(attached, "to") ?? /^to:(.*)$/im.exec(returned)?.[1]);
    if (to.length === 1 && to[0]) named.push({ address: to[0], snippet: "" });
  }
  const action = bounceAction(own);
  return named.map(({ address, snippet }) => {
    const record = bounceRecord(address, { text: snippet, action }, "email", at);
    // A lone recipient's reason may stand anywhere in the bounce ("Could not be delivered because of 550 5.1.1 ...").
    return record.reason === "unclassified" && named.length === 1 ? bounceRecord(address, { text: own, action }, "email", at) : record;
  });
}
