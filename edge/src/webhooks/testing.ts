/**
 * Signs webhook deliveries the way each provider does, with keys made for the tests
 * (fixtures/: an RSA certificate standing in for SNS's, a P-256 key standing in for SendGrid's).
 * Tests only.
 */
import sendGridKeyPem from "./fixtures/sendgrid-test-key.pem?raw";
import sendGridPublicKey from "./fixtures/sendgrid-test-public-key.txt?raw";
import snsCertificatePem from "./fixtures/sns-test-cert.pem?raw";
import snsKeyPem from "./fixtures/sns-test-key.pem?raw";
import { pemToDer } from "./base64";
import { hmacSha256, toBase64, toHex } from "./hmac";
import { type SnsMessage, snsStringToSign } from "./sns";

export { snsCertificatePem };
export const SENDGRID_TEST_PUBLIC_KEY = sendGridPublicKey.trim();

function privateKey(pem: string, algorithm: Parameters<typeof crypto.subtle.importKey>[2]): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", pemToDer(pem, "PRIVATE KEY")!, algorithm, false, ["sign"]);
}

/** An SNS delivery signed with the test certificate's key (SignatureVersion 1 or 2). */
export async function signSns(unsigned: Omit<SnsMessage, "Signature" | "SignatureVersion">, version: "1" | "2" = "2"): Promise<SnsMessage> {
  const message = { ...unsigned, SignatureVersion: version, Signature: "" };
  const key = await privateKey(snsKeyPem, { name: "RSASSA-PKCS1-v1_5", hash: version === "1" ? "SHA-1" : "SHA-256" });
  const signature = new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(snsStringToSign(message))));
  return { ...message, Signature: toBase64(signature) };
}

/** The DER form of a WebCrypto `r‖s` ECDSA signature, as SendGrid sends it. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const value = bytes[start]! & 0x80 ? [0, ...bytes.subarray(start)] : [...bytes.subarray(start)];
    return [0x02, value.length, ...value];
  };
  const body = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}

/** The SendGrid signature header for a timestamp and body, signed with the test key. */
export async function signSendGrid(timestamp: string, body: string): Promise<string> {
  const key = await privateKey(sendGridKeyPem, { name: "ECDSA", namedCurve: "P-256" });
  const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, new TextEncoder().encode(timestamp + body)));
  return toBase64(rawToDer(raw));
}

/** Mailgun's `signature` object for a token at a time. */
export async function signMailgun(signingKey: string, timestamp: string, token: string) {
  return { timestamp, token, signature: toHex(await hmacSha256(signingKey, timestamp + token)) };
}

/** The svix-* headers of a delivery signed with a `whsec_` secret. */
export async function signSvix(secret: string, id: string, timestamp: string, body: string): Promise<Record<string, string>> {
  const key = Uint8Array.from(atob(secret.replace(/^whsec_/, "")), (char) => char.charCodeAt(0));
  return { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${toBase64(await hmacSha256(key, `${id}.${timestamp}.${body}`))}` };
}
