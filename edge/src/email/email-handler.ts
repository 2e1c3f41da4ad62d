import type { Env } from "../env";
import { receiveBounce } from "./receive-bounce";

/**
 * The Worker's `email()` handler, for Cloudflare Email Routing on the return-path domain: a
 * bounce is filed, a forged or unsigned one is rejected at SMTP time with the reason, and a
 * message that is no bounce is accepted and dropped. The log names the outcome, never an address.
 *
 * @example
 * export default { email: handleEmail } satisfies ExportedHandler<Env>;
 */
export async function handleEmail(message: ForwardableEmailMessage, env: Env): Promise<void> {
  const outcome = await receiveBounce(message, env);
  console.log(JSON.stringify({ event: "bounce_email", ...outcome }));
  if (outcome.action === "rejected") message.setReject(outcome.reason);
}
