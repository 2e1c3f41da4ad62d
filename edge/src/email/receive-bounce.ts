import { parseBounceMessage } from "../../../shared/bounces/parse-message";
import { recipientMatches, verifyReturnPath } from "../../../shared/bounces/return-path";
import { type Env, edgeSettings } from "../env";
import { recordBounces } from "../suppressions/store";

/** A bounce message larger than this is no DSN (they carry headers, not whole messages): rejected unread. */
export const MAX_BOUNCE_BYTES = 2 * 1024 * 1024;

/** What became of a received message, and why. `rejected` is refused at SMTP time; `dropped` is accepted and ignored. */
export type BounceOutcome = { action: "stored"; recorded: number; skipped: number } | { action: "rejected" | "dropped"; reason: string };

/** One received message: its envelope and raw bytes, as Email Routing gives them. */
export interface ReceivedMessage {
  to: string;
  rawSize: number;
  raw: ReadableStream<Uint8Array> | Uint8Array | string;
}

/**
 * Files the bounces of a message sent to a signed return path on the owner's suppression list.
 * A message to an unsigned or forged return path, or to another domain, is rejected; one that
 * is no bounce (an auto-reply, a challenge) is dropped; a bounce names only the recipient the
 * return path was made for, so any other recipient it names is left out.
 *
 * @example
 * await receiveBounce({ to: message.to, rawSize: message.rawSize, raw: message.raw }, env); // { action: "stored", recorded: 1, skipped: 0 }
 */
export async function receiveBounce(message: ReceivedMessage, env: Env, now = new Date()): Promise<BounceOutcome> {
  const { returnPathSecrets, returnPathDomain } = edgeSettings(env);
  if (returnPathSecrets.length === 0 || !returnPathDomain)
    return { action: "rejected", reason: "this address takes no bounces (no return-path secret or domain set)" };
  const domain = message.to.slice(message.to.lastIndexOf("@") + 1).toLowerCase();
  if (domain !== returnPathDomain.toLowerCase()) return { action: "rejected", reason: "not a return-path domain of this service" };
  const signed = await verifyReturnPath(message.to, returnPathSecrets);
  if (!signed) return { action: "rejected", reason: "not a signed return path: no mail of ours was sent from it" };
  if (message.rawSize > MAX_BOUNCE_BYTES) return { action: "rejected", reason: `a bounce is at most ${MAX_BOUNCE_BYTES} bytes` };
  const raw = message.raw instanceof ReadableStream ? new Uint8Array(await new Response(message.raw).arrayBuffer()) : message.raw;
  const parsed = await parseBounceMessage(raw, now);
  if (parsed.type === "not_bounce") return { action: "dropped", reason: `not a bounce (${parsed.format})` };
  const ours = [];
  for (const bounce of parsed.bounces) if (await recipientMatches(signed.recipientHash, bounce.recipient)) ours.push(bounce);
  if (ours.length === 0) return { action: "dropped", reason: "the bounce names no recipient this return path was made for" };
  const { recorded, skipped } = await recordBounces(env.JOBS_DB, signed.owner, ours, now);
  return { action: "stored", recorded, skipped: skipped + parsed.bounces.length - ours.length };
}
