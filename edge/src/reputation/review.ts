import type { ReputationReview } from "../../../shared/contract/reputation";
import { reviewReputation } from "../../../shared/reputation";
import { edgeResolver } from "../dns";
import { edgeSettings, type Env } from "../env";

/**
 * The sender's review with the edge's resolver and settings (the Spamhaus DQS key), for the route
 * and the Cron Trigger alike.
 *
 * @example
 * const review = await edgeReview(env, "example.com", ["192.0.2.10"]);
 */
export function edgeReview(env: Env, domain: string | null, ips: readonly string[]): Promise<ReputationReview> {
  const settings = edgeSettings(env);
  return reviewReputation({ domain, ips }, edgeResolver(settings.dohUrls), { spamhausDqsKey: settings.spamhausDqsKey });
}
