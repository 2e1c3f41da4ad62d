import { addressesIn } from "./addresses-in-text";

/**
 * Recipients and their diagnostics in a bounce written for people (Postfix's, Exim's and
 * qmail's bodies, Exchange's, Sendmail's transcripts), where no `message/delivery-status` part
 * says them: the addresses named in the bounce's own words, before the returned message, each
 * with the lines that follow it.
 */

/** Where the returned message (or its headers) begins; nothing after it is the bounce's own text. */
const RETURNED_MESSAGE = new RegExp(
  [
    /^[ \t]*-+ ?(?:this is a copy of|below this line is a copy|original message|the original message|returned message|start of returned message|unsent message below|message headers follow|original message headers)/,
    /^[ \t]*(?:--- )?below this line is a copy/,
    // A header at the start of a line: the returned message's own headers begin.
    /^(?:received|return-path|message-id|dkim-signature|x-received|content-type: message\/rfc822|content-type: text\/rfc822-headers):/,
  ]
    .map((pattern) => pattern.source)
    .join("|"),
  "im",
);

/** Lines that name addresses which are not recipients (our sender, message ids, routing). */
const NOT_RECIPIENT_LINE =
  /^>?from \S+@|^\s*\(?generated from|^\s*(?:from|sender|reply-to|return-path|message-id|in-reply-to|references|envelope-from|x-postfix-sender|reporting-mta|x-original-sender|mail from|>+ ?mail from)\s*:/i;
const SYSTEM_LOCAL_PART = /^(?:mailer-daemon|postmaster|double-bounce|root|nobody|noreply|no-reply)$/i;
/** Message ids look like addresses; their local parts are long runs of hex, digits and dashes. */
const MESSAGE_ID_LOCAL_PART = /^[0-9a-f.$-]{20,}$/i;
export const MAX_TEXT_RECIPIENTS = 50;
const MAX_TEXT = 64 * 1024;
const MAX_SNIPPET = 600;

/**
 * The bounce's own words: the text before the returned message starts.
 *
 * @example
 * bounceOwnText("failed: a@example.org\n------ This is a copy of the message\nTo: b@example.org"); // "failed: a@example.org\n"
 */
export function bounceOwnText(text: string): string {
  const cut = text.slice(0, MAX_TEXT).replace(/\r\n?/g, "\n");
  const match = RETURNED_MESSAGE.exec(cut);
  return match ? cut.slice(0, match.index) : cut;
}

/**
 * The line holding `index` and the lines after it, up to a blank line or a line that starts
 * with another address (bounces that list one recipient a line).
 */
function snippetAt(text: string, index: number, address: string): string {
  const start = text.lastIndexOf("\n", index) + 1;
  const lines = text.slice(start, start + MAX_SNIPPET * 2).split("\n");
  const kept = [lines[0] ?? ""];
  for (const line of lines.slice(1, 8)) {
    const leading = /^\s*(?:\d{3}[ -])?<?([^\s<>@]+@[^\s<>]+?)>?(?:[\s:,.]|$)/.exec(line)?.[1];
    if (leading && leading.toLowerCase() !== address.toLowerCase()) break;
    // Sendmail's transcript names the next host the same way: "550 example.org (smtp)... Host unknown".
    if (/^\s*\d{3}[ -]\S+ \(\w+\)\.\.\./.test(line)) break;
    if (!line.trim()) {
      if (kept.length > 1) break;
      continue;
    }
    kept.push(line);
  }
  return kept.join("\n").slice(0, MAX_SNIPPET);
}

export interface TextRecipient {
  address: string;
  /** The lines that follow the address where the bounce names it. */
  snippet: string;
}

/**
 * The recipients a plain-text bounce names, each with its snippet, leaving out `exclude` (our
 * sender, the bounce's own addresses) and system mailboxes.
 *
 * @example
 * textRecipients("<kijitora@example.jp>: host mx said: 550 5.1.1 User unknown\n", new Set());
 * // [{ address: "kijitora@example.jp", snippet: "<kijitora@example.jp>: host mx said: 550 5.1.1 User unknown" }]
 */
export function textRecipients(text: string, exclude: ReadonlySet<string>): TextRecipient[] {
  const own = bounceOwnText(text);
  const found = new Map<string, { address: string; snippets: string[] }>();
  for (const { address, index } of addressesIn(own)) {
    const key = address.toLowerCase();
    const lineStart = own.lastIndexOf("\n", index) + 1;
    const lineEnd = own.indexOf("\n", index);
    const line = own.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    if (exclude.has(key) || SYSTEM_LOCAL_PART.test(key.split("@")[0] ?? "") || NOT_RECIPIENT_LINE.test(line)) continue;
    if (MESSAGE_ID_LOCAL_PART.test(key.split("@")[0] ?? "")) continue;
    const entry = found.get(key) ?? { address, snippets: [] };
    if (entry.snippets.length === 0 && found.size >= MAX_TEXT_RECIPIENTS) continue;
    entry.snippets.push(snippetAt(own, index, address));
    found.set(key, entry);
  }
  return [...found.values()].map(({ address, snippets }) => ({
    address,
    snippet: [...new Set(snippets)].join("\n").slice(0, MAX_SNIPPET * 2),
  }));
}
