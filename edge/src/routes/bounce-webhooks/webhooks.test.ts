import { OpenAPIHono } from "@hono/zod-openapi";
import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { handleError } from "../../../../shared/http/error-handler";
import { createApp } from "../../app";
import type { AppEnv } from "../../env";
import mailgunPermanent from "../../webhooks/fixtures/mailgun-failed-permanent.json";
import postmarkHard from "../../webhooks/fixtures/postmark-bounce-hard.json";
import resendComplained from "../../webhooks/fixtures/resend-email-complained.json";
import sesPermanent from "../../webhooks/fixtures/ses-bounce-permanent.json";
import { signMailgun, signSendGrid, signSns, signSvix, snsCertificatePem } from "../../webhooks/testing";
import { sesWebhookWith } from "./ses";
import { MAILGUN_KEY, nowSeconds, POSTMARK, RESEND_SECRET, staleSeconds, storedKind, TOPIC, webhookEnv } from "./testing";

const app = createApp();

async function post(path: string, body: string, headers: Record<string, string> = {}, on: { fetch: typeof app.fetch } = app) {
  const response = await on.fetch(
    new Request(`http://edge${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }),
    webhookEnv(),
    createExecutionContext(),
  );
  return { status: response.status, body: (await response.json()) as { recorded?: number; error?: { message: string } } };
}

describe("SendGrid", () => {
  const batch = (email: string) =>
    JSON.stringify([{ email, timestamp: 1800000000, event: "bounce", type: "bounce", status: "5.1.1", reason: "550 5.1.1 no such user" }]);
  const signed = async (body: string, timestamp = nowSeconds()) => ({
    "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
    "X-Twilio-Email-Event-Webhook-Signature": await signSendGrid(timestamp, body),
  });

  it("stores a signed batch; refuses a bad signature, a replay and a stale one with 401, storing nothing", async () => {
    const body = batch("sg-good@example.com");
    const headers = await signed(body);
    expect(await post("/webhooks/bounces/sendgrid/acme", body, headers)).toMatchObject({ status: 200, body: { recorded: 1 } });
    expect(await storedKind("sg-good@example.com")).toBe("hard");
    expect((await post("/webhooks/bounces/sendgrid/acme", body, headers)).status).toBe(401);

    const forged = batch("sg-forged@example.com");
    expect((await post("/webhooks/bounces/sendgrid/acme", forged, headers)).status).toBe(401);
    const stale = batch("sg-stale@example.com");
    expect((await post("/webhooks/bounces/sendgrid/acme", stale, await signed(stale, staleSeconds()))).status).toBe(401);
    expect(await storedKind("sg-forged@example.com")).toBeNull();
    expect(await storedKind("sg-stale@example.com")).toBeNull();
  });

  it("refuses an owner that has no webhook, whatever the signature", async () => {
    const body = batch("sg-other@example.com");
    expect((await post("/webhooks/bounces/sendgrid/someone-else", body, await signed(body))).status).toBe(401);
    expect((await post("/webhooks/bounces/sendgrid/__proto__", body, await signed(body))).status).toBe(401);
  });
});

describe("Mailgun", () => {
  const body = async (recipient: string, token: string, timestamp = nowSeconds()) =>
    JSON.stringify({
      ...mailgunPermanent,
      signature: await signMailgun(MAILGUN_KEY, timestamp, token),
      "event-data": { ...mailgunPermanent["event-data"], recipient },
    });

  it("stores a signed event; refuses a bad signature, a replayed token and a stale one with 401", async () => {
    const good = await body("mg-good@example.com", "token-good-0001");
    expect(await post("/webhooks/bounces/mailgun/acme", good)).toMatchObject({ status: 200, body: { recorded: 1 } });
    expect(await storedKind("mg-good@example.com")).toBe("hard");
    expect(await post("/webhooks/bounces/mailgun/acme", good)).toMatchObject({ status: 401, body: { error: { message: expect.stringContaining("replay") } } });

    // Mailgun signs the timestamp and token only, not the event: a forger lacks the key.
    const forged = JSON.parse(await body("mg-victim@example.com", "token-forged-01"));
    forged.signature = await signMailgun("key-not-the-owners-0000", forged.signature.timestamp, forged.signature.token);
    expect((await post("/webhooks/bounces/mailgun/acme", JSON.stringify(forged))).status).toBe(401);
    expect((await post("/webhooks/bounces/mailgun/acme", await body("mg-stale@example.com", "token-stale-01", staleSeconds()))).status).toBe(401);
    expect(await storedKind("mg-victim@example.com")).toBeNull();
    expect(await storedKind("mg-stale@example.com")).toBeNull();
  });
});

describe("Postmark", () => {
  const auth = (password: string) => ({ authorization: `Basic ${btoa(`${POSTMARK.username}:${password}`)}` });
  it("stores with the URL's basic auth, and refuses any other with 401", async () => {
    const body = JSON.stringify({ ...postmarkHard, Email: "pm-good@example.com" });
    expect(await post("/webhooks/bounces/postmark/acme", body, auth(POSTMARK.password))).toMatchObject({ status: 200, body: { recorded: 1 } });
    expect(await storedKind("pm-good@example.com")).toBe("hard");
    const forged = JSON.stringify({ ...postmarkHard, Email: "pm-forged@example.com" });
    expect((await post("/webhooks/bounces/postmark/acme", forged, auth(`${POSTMARK.password}x`))).status).toBe(401);
    expect((await post("/webhooks/bounces/postmark/acme", forged)).status).toBe(401);
    expect(await storedKind("pm-forged@example.com")).toBeNull();
  });
});

describe("Resend (Svix)", () => {
  const complaint = (recipient: string) => JSON.stringify({ ...resendComplained, data: { ...resendComplained.data, to: [recipient] } });

  it("stores a signed event; refuses a bad signature, a replayed svix-id and a stale one with 401", async () => {
    const body = complaint("rs-good@example.com");
    const headers = await signSvix(RESEND_SECRET, "msg_good_0001", nowSeconds(), body);
    expect(await post("/webhooks/bounces/resend/acme", body, headers)).toMatchObject({ status: 200, body: { recorded: 1 } });
    expect(await storedKind("rs-good@example.com")).toBe("complaint");
    expect((await post("/webhooks/bounces/resend/acme", body, headers)).status).toBe(401);

    const forged = complaint("rs-forged@example.com");
    expect((await post("/webhooks/bounces/resend/acme", forged, { ...headers, "svix-id": "msg_forged_01" })).status).toBe(401);
    const stale = complaint("rs-stale@example.com");
    expect((await post("/webhooks/bounces/resend/acme", stale, await signSvix(RESEND_SECRET, "msg_stale_01", staleSeconds(), stale))).status).toBe(401);
    expect(await storedKind("rs-forged@example.com")).toBeNull();
    expect(await storedKind("rs-stale@example.com")).toBeNull();
  });
});

describe("Amazon SES through SNS", () => {
  const CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-route-test.pem";
  const SUBSCRIBE_URL = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=x&Token=t";
  const visited: string[] = [];
  const sns = new OpenAPIHono<AppEnv>().route(
    "/",
    sesWebhookWith(async (url) => {
      visited.push(url);
      return new Response(url === CERT_URL ? snsCertificatePem : "<ConfirmSubscriptionResponse/>");
    }),
  );
  sns.onError(handleError);

  const notification = (recipient: string, id: string, timestamp = new Date().toISOString()) => {
    const bounce = { ...sesPermanent.bounce, bouncedRecipients: [{ ...sesPermanent.bounce.bouncedRecipients[0]!, emailAddress: recipient }] };
    return signSns({
      Type: "Notification",
      MessageId: id,
      TopicArn: TOPIC,
      Subject: "Amazon SES Email Event Notification",
      Message: JSON.stringify({ ...sesPermanent, bounce }),
      Timestamp: timestamp,
      SigningCertURL: CERT_URL,
    });
  };

  it("stores a signed notification; refuses a bad signature, a replay, a stale one and another topic with 401", async () => {
    const good = JSON.stringify(await notification("ses-good@example.com", "msg-good-0001"));
    expect(await post("/webhooks/bounces/ses/acme", good, {}, sns)).toMatchObject({ status: 200, body: { recorded: 1 } });
    expect(await storedKind("ses-good@example.com")).toBe("hard");
    expect((await post("/webhooks/bounces/ses/acme", good, {}, sns)).status).toBe(401);

    const forged = { ...(await notification("ses-forged@example.com", "msg-forged-01")), Message: JSON.stringify(sesPermanent) };
    expect((await post("/webhooks/bounces/ses/acme", JSON.stringify(forged), {}, sns)).status).toBe(401);
    const stale = await notification("ses-stale@example.com", "msg-stale-01", new Date(Date.now() - 600_000).toISOString());
    expect((await post("/webhooks/bounces/ses/acme", JSON.stringify(stale), {}, sns)).status).toBe(401);
    const otherTopic = await signSns({
      ...(await notification("ses-other@example.com", "msg-other-01")),
      TopicArn: "arn:aws:sns:eu-west-1:999999999999:theirs",
    });
    expect((await post("/webhooks/bounces/ses/acme", JSON.stringify(otherTopic), {}, sns)).status).toBe(401);
    for (const address of ["nobody@example.com", "ses-stale@example.com", "ses-other@example.com"]) expect(await storedKind(address)).toBeNull();
  });

  it("confirms a subscription by visiting its SubscribeURL on the topic's SNS host only", async () => {
    const confirmation = {
      Type: "SubscriptionConfirmation",
      MessageId: "msg-sub-0001",
      TopicArn: TOPIC,
      Message: "You have chosen to subscribe…",
      Timestamp: new Date().toISOString(),
      SigningCertURL: CERT_URL,
      Token: "t",
    };
    visited.length = 0;
    expect(await post("/webhooks/bounces/ses/acme", JSON.stringify(await signSns({ ...confirmation, SubscribeURL: SUBSCRIBE_URL })), {}, sns)).toMatchObject({
      status: 200,
    });
    expect(visited).toContain(SUBSCRIBE_URL);

    visited.length = 0;
    const elsewhere = await signSns({ ...confirmation, MessageId: "msg-sub-0002", SubscribeURL: "https://evil.example/confirm" });
    expect((await post("/webhooks/bounces/ses/acme", JSON.stringify(elsewhere), {}, sns)).status).toBe(401);
    expect(visited).not.toContain("https://evil.example/confirm");
  });
});
