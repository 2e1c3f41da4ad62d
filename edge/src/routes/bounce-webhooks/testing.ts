/** What the bounce webhook tests share: an env with the owners' secrets, and a look at what was stored. Tests only. */
import { env } from "cloudflare:workers";
import { SENDGRID_TEST_PUBLIC_KEY } from "../../webhooks/testing";

export const TOPIC = "arn:aws:sns:eu-west-1:123456789012:ses-bounces";
export const MAILGUN_KEY = "key-0123456789abcdef0123";
export const POSTMARK = { username: "postmark-hook", password: "pa55-word-0123456789" };
export const RESEND_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** The edge's env with one API key (owner `key:acme`) and every provider set up for it. */
export function webhookEnv() {
  const hooks = {
    acme: {
      ses: { topics: [TOPIC] },
      sendgrid: { publicKey: SENDGRID_TEST_PUBLIC_KEY },
      mailgun: { signingKey: MAILGUN_KEY },
      postmark: POSTMARK,
      resend: { secret: RESEND_SECRET },
    },
  };
  return {
    ...env,
    MAILVET_API_KEYS: JSON.stringify([{ id: "acme", key: "acme-secret-key-0123456789", scopes: ["verify"] }]),
    MAILVET_BOUNCE_WEBHOOKS: JSON.stringify(hooks),
  };
}

/** What acme's suppression list holds for an address: its kind, or null. */
export async function storedKind(address: string): Promise<string | null> {
  return (await env.JOBS_DB.prepare("SELECT kind FROM suppression WHERE owner = 'key:acme' AND address_key = ?").bind(address).first<string>("kind")) ?? null;
}

export const nowSeconds = () => String(Math.floor(Date.now() / 1000));
export const staleSeconds = () => String(Math.floor(Date.now() / 1000) - 600);
