/**
 * Bounce feedback, the message side: every bounce becomes a `Bounce` record. `classifyBounce`
 * decides hard or soft from one table; `parseBounceMessage` reads a received DSN, complaint or
 * bounce (and refuses auto-replies); `splitMbox` splits an uploaded mbox; the signed VERP return
 * path lets the email() handler accept a bounce only for mail we sent. Runs in workerd and Node.
 *
 * @example
 * const tag = await verifyReturnPath(message.to, secrets);
 * const parsed = tag ? await parseBounceMessage(await new Response(message.raw).arrayBuffer(), new Date()) : null;
 * const ours = [];
 * for (const bounce of parsed?.bounces ?? []) if (await recipientMatches(tag!.recipientHash, bounce.recipient)) ours.push(bounce);
 */
export { type Bounce, type BounceKind, type BounceReason, type BounceSource, DIAGNOSTIC_MAX_CHARS } from "./bounce";
export { type BounceClassification, type BounceInput, classifyBounce, type ProviderHint } from "./classify";
export { MAX_MBOX_MESSAGES, splitMbox } from "./mbox";
export { type ParsedBounceMessage, parseBounceMessage } from "./parse-message";
export { makeReturnPath, recipientMatches, verifyReturnPath } from "./return-path";
