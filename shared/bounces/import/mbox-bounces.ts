import { splitMbox } from "../mbox";
import { parseBounceMessage } from "../parse-message";
import type { ImportResult } from "./import-result";

/**
 * The bounces of an mbox file of DSNs (and complaints), each message read as the email handler
 * reads one; messages that are no bounce are skipped with the reason. The file is the caller's
 * own mail, so no return path is asked for.
 *
 * @example
 * const { bounces, skipped } = await bouncesFromMbox(await request.text(), new Date());
 */
export async function bouncesFromMbox(text: string, now: Date): Promise<ImportResult> {
  const result: ImportResult = { bounces: [], skipped: [] };
  const messages = splitMbox(text);
  for (const [index, message] of messages.entries()) {
    const parsed = await parseBounceMessage(message, now);
    if (parsed.type === "not_bounce" || parsed.bounces.length === 0) result.skipped.push({ item: index + 1, reason: `not a bounce (${parsed.format})` });
    else result.bounces.push(...parsed.bounces.map((bounce) => ({ ...bounce, source: "mbox" as const })));
  }
  if (messages.length === 0) result.skipped.push({ item: 1, reason: "the file is empty" });
  return result;
}
