import PostalMime, { type Email } from "postal-mime";

/** The parts of a received message that say what it reports. */
export interface MessageParts {
  /** Top-level header values by lower-case name (first occurrence). */
  headers: ReadonlyMap<string, string>;
  subject: string;
  date: string | null;
  /** The human-readable text (plain parts, or text made from HTML, and text attachments). */
  text: string;
  /** The raw body after the top-level headers, for messages whose MIME structure is broken. */
  rawBody: string;
  /** The `message/delivery-status` or `message/global-delivery-status` body, if any. */
  deliveryStatus: string | null;
  /** The `message/feedback-report` body, if any. */
  feedbackReport: string | null;
  /** The headers (and maybe body) of the returned or reported message, if attached. */
  attachedMessage: string | null;
}

/** Bigger messages are cut: every part that matters comes in the first megabytes. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8");

function partText(content: ArrayBuffer | Uint8Array | string): string {
  return typeof content === "string" ? content : utf8.decode(content);
}

function firstHeaders(email: Email): Map<string, string> {
  const headers = new Map<string, string>();
  for (const header of email.headers) if (!headers.has(header.key)) headers.set(header.key, header.value);
  return headers;
}

function bytesOf(raw: string | Uint8Array | ArrayBuffer): Uint8Array {
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  return bytes.byteLength > MAX_MESSAGE_BYTES ? bytes.subarray(0, MAX_MESSAGE_BYTES) : bytes;
}

const MAX_RAW_BODY = 256 * 1024;

function rawBody(bytes: Uint8Array): string {
  const text = utf8.decode(bytes.subarray(0, MAX_RAW_BODY));
  const end = text.search(/\r?\n\r?\n/);
  return end < 0 ? "" : text.slice(end).trim();
}

/**
 * Parses a raw message with postal-mime and picks out its report parts; null when it is not a
 * message at all. A report part that a broken MTA labelled `text/plain` is left in `text`.
 *
 * @example
 * (await messageParts("Subject: hi\r\n\r\nhello"))?.subject; // "hi"
 */
export async function messageParts(raw: string | Uint8Array | ArrayBuffer): Promise<MessageParts | null> {
  const bytes = bytesOf(raw);
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer", forceRfc822Attachments: true, maxNestingDepth: 64 });
  } catch {
    return null;
  }
  const parts: MessageParts = {
    headers: firstHeaders(email),
    subject: email.subject ?? "",
    date: email.date ?? null,
    text: email.text ?? "",
    rawBody: rawBody(bytes),
    deliveryStatus: null,
    feedbackReport: null,
    attachedMessage: null,
  };
  for (const attachment of email.attachments) {
    const type = attachment.mimeType;
    if (/^message\/(?:global-)?delivery-status$/.test(type)) parts.deliveryStatus ??= partText(attachment.content);
    else if (type === "message/feedback-report") parts.feedbackReport ??= partText(attachment.content);
    else if (/^(?:message\/(?:rfc822|global|global-headers|partial)|text\/rfc822-headers)$/.test(type)) parts.attachedMessage ??= partText(attachment.content);
    else if (type.startsWith("text/")) parts.text += `\n\n${partText(attachment.content)}`;
  }
  return parts;
}
