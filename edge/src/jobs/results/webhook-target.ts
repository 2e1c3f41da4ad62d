import type { DnsResolver } from "../../../../shared/dns";
import { edgeResolver } from "../../dns";
import { edgeSettings, type Env } from "../../env";
import { forbiddenRange } from "../../../../shared/net/forbidden-range";
import { ipBytes } from "../../../../shared/net/ip-bytes";

export interface WebhookTargetRules {
  /** MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE (tests, local use): http and private addresses pass. */
  allowPrivate: boolean;
  resolver: DnsResolver;
}

/**
 * Why the edge must not POST a job's webhook to `url`, or null when it may. A caller names the
 * URL, so without these rules anyone could make the edge reach its own network: the URL must be
 * https, and its host (an IP literal, or every address its name resolves to) must be public
 * (shared/net/forbidden-range.ts). Checked when the job is created and again before each
 * delivery, since a name can be pointed elsewhere in between.
 *
 * @example
 * await webhookRefusal("http://127.0.0.1:9/hook", { allowPrivate: false, resolver }); // "webhook_url must be https"
 * await webhookRefusal("https://[::1]/hook", { allowPrivate: false, resolver }); // "webhook_url's host ::1 is loopback"
 */
export async function webhookRefusal(url: string, rules: WebhookTargetRules): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "webhook_url is not a URL";
  }
  if (rules.allowPrivate) return parsed.protocol === "https:" || parsed.protocol === "http:" ? null : "webhook_url must be an http(s) URL";
  if (parsed.protocol !== "https:") return "webhook_url must be https";
  if (parsed.username || parsed.password) return "webhook_url must not carry a user name or password";
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  // The URL parser has already turned 0x7f.1, 2130706433 and the like into dotted quads.
  if (ipBytes(host) !== null) return rangeRefusal(host);
  if (host === "localhost" || host.endsWith(".localhost")) return `webhook_url's host ${host} is this machine`;
  return nameRefusal(host, rules.resolver);
}

function rangeRefusal(ip: string): string | null {
  const range = forbiddenRange(ip);
  return range === null ? null : `webhook_url's host ${ip} is ${range}`;
}

/** A name passes when it resolves, and every address it resolves to is public. */
async function nameRefusal(host: string, resolver: DnsResolver): Promise<string | null> {
  const outcomes = await Promise.all([resolver.lookup(host, "A"), resolver.lookup(host, "AAAA")]);
  if (outcomes.some((outcome) => outcome.kind === "dns_error")) return `webhook_url's host ${host} could not be resolved; try again later`;
  const addresses = outcomes.flatMap((outcome) => (outcome.kind === "records" ? outcome.records.map((record) => record.address) : []));
  if (addresses.length === 0) return `webhook_url's host ${host} has no address`;
  for (const address of addresses) {
    const range = forbiddenRange(address);
    if (range !== null) return `webhook_url's host ${host} resolves to ${address}, which is ${range}`;
  }
  return null;
}

/**
 * The webhook rules of the edge's settings.
 *
 * @example
 * const refusal = await webhookRefusal(url, webhookRules(env));
 */
export function webhookRules(env: Env): WebhookTargetRules {
  const settings = edgeSettings(env);
  return { allowPrivate: settings.jobWebhookAllowPrivate, resolver: edgeResolver(settings.dohUrls) };
}
