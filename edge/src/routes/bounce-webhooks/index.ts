import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../../../../shared/http/api-error";
import type { AppEnv } from "../../env";
import { mailgunWebhook } from "./mailgun";
import { postmarkWebhook } from "./postmark";
import { resendWebhook } from "./resend";
import { sendGridWebhook } from "./sendgrid";
import { sesWebhook } from "./ses";

/** A SendGrid batch is at most about 1 MB; the other providers send one event at a time. */
const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

/** The ESPs' bounce webhooks, each checked the way its provider signs (README "Bounce webhooks"). */
export const bounceWebhooks = new OpenAPIHono<AppEnv>()
  .use(
    "/webhooks/bounces/*",
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: () => {
        throw new ApiError(413, "payload_too_large", `a webhook delivery is at most ${MAX_WEBHOOK_BYTES} bytes`);
      },
    }),
  )
  .route("/", sesWebhook)
  .route("/", sendGridWebhook)
  .route("/", mailgunWebhook)
  .route("/", postmarkWebhook)
  .route("/", resendWebhook);
