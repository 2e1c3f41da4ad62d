/**
 * Splits an mbox file into its messages. Each message starts with a `From ` separator line
 * (`From MAILER-DAEMON Fri Jul  8 12:08:34 2011`), which is dropped; lines of the body that were
 * escaped as `>From ` are unescaped by one `>` (mboxrd; for mboxo files this restores the
 * single `>From ` it added too). Line endings are kept as they are.
 */

/** A separator line: `From `, a sender, and the asctime date with its hh:mm. */
const SEPARATOR = /^From \S*.*\d{1,2}:\d{2}/;
const ESCAPED_FROM = /^>(>*From )/gm;

/** More messages than this in one file are left out. */
export const MAX_MBOX_MESSAGES = 10_000;

/**
 * The messages of an mbox file, in order, without their separator lines; text before the first
 * separator is ignored, and a text with no separator is taken as one message.
 *
 * @example
 * splitMbox("From a@example.org Thu Jan  1 00:00:00 2026\nSubject: one\n\n>From here\n\nFrom b@example.org Thu Jan  1 00:00:01 2026\nSubject: two\n");
 * // ["Subject: one\n\nFrom here\n", "Subject: two\n"]
 */
export function splitMbox(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  const messages: string[] = [];
  let current: string[] | null = null;
  let previousBlank = true;
  for (const line of lines) {
    if (previousBlank && SEPARATOR.test(line)) {
      if (current) messages.push(finish(current));
      if (messages.length >= MAX_MBOX_MESSAGES) return messages;
      current = [];
    } else current?.push(line);
    previousBlank = /^\r?\n$/.test(line);
  }
  if (current) messages.push(finish(current));
  else if (text.trim()) messages.push(text);
  return messages;
}

/** A message's lines, with the blank line that ends it in the mbox dropped and `>From ` unescaped. */
function finish(lines: string[]): string {
  if (lines.length > 0 && /^\r?\n$/.test(lines.at(-1)!)) lines.pop();
  return lines.join("").replace(ESCAPED_FROM, "$1");
}
