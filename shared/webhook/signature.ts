import { timingSafeEqualText } from "../http/timing-safe";

const encoder = new TextEncoder();

/** The header a webhook's signature travels in. */
export const SIGNATURE_HEADER = "Mailvet-Signature";
/** How old a signed delivery may be before a receiver refuses it (a replay). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The Mailvet-Signature header for a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">`, keyed by the job's webhook secret. Any language verifies it with its HMAC
 * library; the timestamp inside the signed text makes an old delivery useless to replay.
 *
 * @example
 * await signWebhook("whsec_…", '{"event":"job.completed"}', 1_800_000_000); // "t=1800000000,v1=5f1c…"
 */
export async function signWebhook(secret: string, body: string, unixSeconds: number): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacHex(secret, `${unixSeconds}.${body}`)}`;
}

/**
 * Whether a webhook delivery is Mailvet's: the signature matches the body and the secret, and it
 * was made within `toleranceSeconds` of `nowSeconds`.
 *
 * @example
 * if (!(await verifyWebhookSignature(secret, request.headers.get("Mailvet-Signature"), body))) return new Response(null, { status: 401 });
 */
export async function verifyWebhookSignature(
  secret: string,
  header: string | null,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Promise<boolean> {
  const parts = new Map((header ?? "").split(",").map((part) => part.trim().split("=", 2) as [string, string | undefined]));
  const timestamp = Number(parts.get("t"));
  const signature = parts.get("v1");
  if (!Number.isSafeInteger(timestamp) || signature === undefined || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  return timingSafeEqualText(signature, await hmacHex(secret, `${timestamp}.${body}`));
}
