import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { readPayload } from "../../webhooks/events";
import { isFresh } from "../../webhooks/replay-guard";
import { sesEvents } from "../../webhooks/ses-events";
import { isOnSnsHost, verifySnsSignature } from "../../webhooks/sns";
import { ownerHooks, parseJson, refused, storeDelivery, webhookRoute } from "./delivery";

const route = webhookRoute(
  "ses",
  "Amazon SES through SNS",
  "An SNS HTTPS subscription of the owner's topics (`ses.topics`) carrying SES bounce and complaint notifications. Each message's signature (SignatureVersion 1 or 2) is checked with the certificate at SigningCertURL, fetched only over https from the SNS host of the topic's region; a SubscriptionConfirmation is confirmed by visiting its SubscribeURL on that same host.",
);

const snsMessage = z.object({
  Type: z.enum(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]),
  MessageId: z.string().min(1).max(100),
  TopicArn: z.string(),
  Message: z.string(),
  Timestamp: z.string(),
  SignatureVersion: z.string(),
  Signature: z.string(),
  SigningCertURL: z.string(),
  Subject: z.string().nullish(),
  SubscribeURL: z.string().optional(),
  Token: z.string().optional(),
});

/** Fetches from SNS (the signing certificate, the subscription URL); redirects are not followed off the checked host. */
export type SnsFetch = (url: string) => Promise<Response>;
const fetchFromSns: SnsFetch = (url) => fetch(url, { redirect: "error" });

/**
 * `POST /webhooks/bounces/ses/{owner}`, with the way it reaches SNS given (tests give a
 * certificate of their own).
 */
export function sesWebhookWith(fetchSns: SnsFetch) {
  const certificate = async (url: string) => {
    const response = await fetchSns(url);
    if (!response.ok) throw new Error(`SNS certificate: HTTP ${response.status}`);
    return response.text();
  };
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const { owner, hooks } = ownerHooks(c, "ses");
    // SNS posts JSON as text/plain.
    const message = readPayload(snsMessage, parseJson(await c.req.text()), "SNS");
    // Anyone's topic is signed by SNS: only the owner's own topics count, checked before any fetch.
    if (!hooks.topics.includes(message.TopicArn)) throw refused("this SNS topic is not one of the owner's");
    if (!(await verifySnsSignature(message, certificate))) throw refused("bad SNS signature");
    if (!isFresh(message.Timestamp, Date.now())) throw refused("stale SNS Timestamp (more than 5 minutes away)");
    if (message.Type === "SubscriptionConfirmation") {
      if (!message.SubscribeURL || !isOnSnsHost(message.SubscribeURL, message.TopicArn)) throw refused("the SubscribeURL is not on the topic's SNS host");
      const confirmed = await fetchSns(message.SubscribeURL);
      return c.json({ recorded: 0, skipped: 0, subscribed: confirmed.ok }, 200);
    }
    const events = message.Type === "Notification" ? sesEvents(parseJson(message.Message)) : [];
    return storeDelivery(c, { owner, provider: "ses", source: "ses", events, deliveryId: message.MessageId });
  });
}

export const sesWebhook = sesWebhookWith(fetchFromSns);
