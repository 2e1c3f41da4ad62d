import { describe, expect, it } from "vitest";
import { matchesBasicAuth } from "./basic-auth";
import { verifyMailgunSignature } from "./mailgun";
import { verifySendGridSignature } from "./sendgrid";
import { isOnSnsHost, type SnsMessage, snsStringToSign, verifySnsSignature } from "./sns";
import { verifySvixSignature } from "./svix";
import { SENDGRID_TEST_PUBLIC_KEY, signMailgun, signSendGrid, signSns, signSvix, snsCertificatePem } from "./testing";

const TOPIC = "arn:aws:sns:eu-west-1:123456789012:ses-bounces";
let certificateNumber = 0;
/** A URL of its own per test: certificates are cached by URL. */
const certificateUrl = () => `https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test${++certificateNumber}.pem`;

const notification = (url: string) => ({
  Type: "Notification",
  MessageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
  TopicArn: TOPIC,
  Subject: "Amazon SES Email Event Notification",
  Message: '{"eventType":"Bounce"}\nsecond line',
  Timestamp: "2026-12-04T00:00:00.000Z",
  SigningCertURL: url,
});

describe("SNS", () => {
  it("builds the string to sign, leaving out a missing Subject", () => {
    const text = snsStringToSign({ ...notification("x"), Subject: undefined, SignatureVersion: "2", Signature: "" } as SnsMessage);
    expect(text).toBe(
      `Message\n{"eventType":"Bounce"}\nsecond line\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nTimestamp\n2026-12-04T00:00:00.000Z\nTopicArn\n${TOPIC}\nType\nNotification\n`,
    );
  });

  it.each(["1", "2"] as const)("accepts SignatureVersion %s signed by the certificate, fetched once", async (version) => {
    const url = certificateUrl();
    const fetched: string[] = [];
    const fetcher = async (at: string) => (fetched.push(at), snsCertificatePem);
    const message = await signSns(notification(url), version);
    expect(await verifySnsSignature(message, fetcher)).toBe(true);
    expect(await verifySnsSignature(message, fetcher)).toBe(true);
    expect(fetched).toEqual([url]);
  });

  it("refuses a changed message, or a version whose hash differs", async () => {
    const url = certificateUrl();
    const message = await signSns(notification(url), "2");
    expect(await verifySnsSignature({ ...message, Message: "{}" }, async () => snsCertificatePem)).toBe(false);
    expect(await verifySnsSignature({ ...message, SignatureVersion: "1" }, async () => snsCertificatePem)).toBe(false);
    expect(await verifySnsSignature({ ...message, SignatureVersion: "3" }, async () => snsCertificatePem)).toBe(false);
  });

  it("never fetches a certificate from anywhere but the topic region's SNS host over https", async () => {
    const fetched: string[] = [];
    for (const url of [
      "http://sns.eu-west-1.amazonaws.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com/cert.pem",
      "https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem",
      "https://evil.example/sns.eu-west-1.amazonaws.com/cert.pem",
      "https://user@sns.eu-west-1.amazonaws.com/cert.pem",
      "https://sns.eu-west-1.amazonaws.com:8443/cert.pem",
    ]) {
      const message = await signSns(notification(url), "2");
      expect(await verifySnsSignature(message, async (at) => (fetched.push(at), snsCertificatePem))).toBe(false);
    }
    expect(fetched).toEqual([]);
    expect(isOnSnsHost("https://sns.eu-west-1.amazonaws.com/x", "arn:aws:sns:eu-west-1:1:short-account")).toBe(false);
  });

  it("counts a certificate that cannot be fetched as unsigned, and fetches it again next time", async () => {
    const url = certificateUrl();
    const message = await signSns(notification(url), "2");
    expect(await verifySnsSignature(message, async () => Promise.reject(new Error("down")))).toBe(false);
    expect(await verifySnsSignature(message, async () => snsCertificatePem)).toBe(true);
  });
});

describe("SendGrid", () => {
  const body = new TextEncoder().encode('[{"event":"bounce"}]\r\n');
  it("accepts the ECDSA signature of timestamp and raw body, and nothing else", async () => {
    const signature = await signSendGrid("1800000000", '[{"event":"bounce"}]\r\n');
    expect(await verifySendGridSignature(SENDGRID_TEST_PUBLIC_KEY, signature, "1800000000", body)).toBe(true);
    expect(await verifySendGridSignature(SENDGRID_TEST_PUBLIC_KEY, signature, "1800000001", body)).toBe(false);
    expect(await verifySendGridSignature(SENDGRID_TEST_PUBLIC_KEY, signature, "1800000000", body.subarray(1))).toBe(false);
    expect(await verifySendGridSignature(SENDGRID_TEST_PUBLIC_KEY, "not base64!", "1800000000", body)).toBe(false);
    expect(await verifySendGridSignature(SENDGRID_TEST_PUBLIC_KEY, null, "1800000000", body)).toBe(false);
  });
});

describe("Mailgun", () => {
  it("accepts the HMAC of timestamp and token under the signing key", async () => {
    const signed = await signMailgun("key-0123456789abcdef", "1800000000", "a".repeat(50));
    expect(await verifyMailgunSignature("key-0123456789abcdef", signed)).toBe(true);
    expect(await verifyMailgunSignature("key-other", signed)).toBe(false);
    expect(await verifyMailgunSignature("key-0123456789abcdef", { ...signed, token: "b".repeat(50) })).toBe(false);
  });
});

describe("Svix (Resend)", () => {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  it("accepts any v1 signature that matches, from a rotated list", async () => {
    const headers = await signSvix(secret, "msg_1", "1800000000", "{}");
    const signed = { id: "msg_1", timestamp: "1800000000", signature: `v1,bm90IGl0 ${headers["svix-signature"]}` };
    expect(await verifySvixSignature(secret, signed, "{}")).toBe(true);
    expect(await verifySvixSignature(secret, { ...signed, id: "msg_2" }, "{}")).toBe(false);
    expect(await verifySvixSignature(secret, signed, "{ }")).toBe(false);
    expect(await verifySvixSignature("whsec_b3RoZXI=", signed, "{}")).toBe(false);
    expect(await verifySvixSignature(secret, { ...signed, signature: null }, "{}")).toBe(false);
  });
});

describe("basic auth", () => {
  it("matches the exact user and password only", () => {
    const header = `Basic ${btoa("postmark:pa55-word-0123456789")}`;
    expect(matchesBasicAuth(header, "postmark", "pa55-word-0123456789")).toBe(true);
    expect(matchesBasicAuth(header, "postmark", "pa55-word-012345678")).toBe(false);
    expect(matchesBasicAuth("Basic %%%", "postmark", "x")).toBe(false);
    expect(matchesBasicAuth(undefined, "postmark", "x")).toBe(false);
  });
});
