import { certificateSpki } from "./der";
import { decodeBase64, pemToDer } from "./base64";

/** The fields of an Amazon SNS HTTP(S) delivery that its signature covers or that say how to check it. */
export interface SnsMessage {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  Subject?: string | null;
  SubscribeURL?: string;
  Token?: string;
}

/** Fetches the PEM text at an SNS certificate URL (already checked to be on the topic's SNS host). */
export type CertificateFetcher = (url: string) => Promise<string>;

const NOTIFICATION_FIELDS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] as const;
const CONFIRMATION_FIELDS = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"] as const;

/**
 * The text SNS signs: each covered field's name and value on lines of their own, in this order;
 * a Notification's Subject only when it has one.
 *
 * @example
 * snsStringToSign({ Type: "Notification", Message: "hi", … }); // "Message\nhi\nMessageId\n…\nType\nNotification\n"
 */
export function snsStringToSign(message: SnsMessage): string {
  const fields = message.Type === "Notification" ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  return fields
    .filter((field) => typeof message[field] === "string")
    .map((field) => `${field}\n${message[field]}\n`)
    .join("");
}

/**
 * The SNS host of a topic's region (`sns.us-east-1.amazonaws.com`), the only host its signing
 * certificate and subscription URLs may be on; null for a malformed ARN.
 *
 * @example
 * snsHostOf("arn:aws:sns:eu-west-1:123456789012:bounces"); // "sns.eu-west-1.amazonaws.com"
 */
export function snsHostOf(topicArn: string): string | null {
  const region = /^arn:aws:sns:([a-z]{2}(?:-[a-z]+)+-\d):\d{12}:[A-Za-z0-9_-]{1,256}$/.exec(topicArn)?.[1];
  return region ? `sns.${region}.amazonaws.com` : null;
}

/** Whether `url` is https on exactly the topic's SNS host (no port, no user name). */
export function isOnSnsHost(url: string, topicArn: string): boolean {
  const host = snsHostOf(topicArn);
  if (!host || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === "https:" && parsed.host === host && !parsed.username && !parsed.password;
}

/** Certificates by URL: SNS signs with the same one for months, so each is fetched once per isolate. */
const spkiByUrl = new Map<string, Promise<Uint8Array>>();
const MAX_CACHED_CERTIFICATES = 16;

function signingKey(url: string, fetchCertificate: CertificateFetcher): Promise<Uint8Array> {
  let spki = spkiByUrl.get(url);
  if (!spki) {
    if (spkiByUrl.size >= MAX_CACHED_CERTIFICATES) spkiByUrl.clear();
    spki = fetchCertificate(url).then((pem) => {
      const der = pemToDer(pem, "CERTIFICATE");
      if (!der) throw new Error("the SNS signing certificate is not PEM");
      return certificateSpki(der);
    });
    // A failed fetch is not kept: the next delivery tries again.
    spki.catch(() => spkiByUrl.delete(url));
    spkiByUrl.set(url, spki);
  }
  return spki;
}

const HASH_OF_VERSION: Record<string, string> = { "1": "SHA-1", "2": "SHA-256" };

/**
 * Whether an SNS delivery is signed by SNS for its topic: the certificate URL is https on the
 * topic region's SNS host, and the signature (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA)
 * matches the string to sign. A certificate that cannot be fetched or read counts as unsigned.
 *
 * @example
 * if (!(await verifySnsSignature(message, (url) => fetch(url).then((r) => r.text())))) reject();
 */
export async function verifySnsSignature(message: SnsMessage, fetchCertificate: CertificateFetcher): Promise<boolean> {
  const hash = HASH_OF_VERSION[message.SignatureVersion];
  const signature = decodeBase64(message.Signature);
  if (!hash || !signature || !isOnSnsHost(message.SigningCertURL, message.TopicArn)) return false;
  try {
    const spki = await signingKey(message.SigningCertURL, fetchCertificate);
    const key = await crypto.subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash }, false, ["verify"]);
    return await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, new TextEncoder().encode(snsStringToSign(message)));
  } catch {
    return false;
  }
}
