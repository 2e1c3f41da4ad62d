import { z } from "@hono/zod-openapi";
import { parseDomain } from "../address/domain";
import { ipv6Text } from "../dns/ip-text";
import { ipBytes } from "../net/ip-bytes";
import { commaSeparated } from "./comma-separated";

/**
 * What the reputation routes accept: `GET /v1/reputation`'s query and the schedules' body. Apart
 * from shared/contract/reputation.ts (the answers), so the web app's types do not pull in the
 * IDN library.
 */

/** Sending IPs one review looks at; each costs a query to every list. */
export const MAX_REVIEW_IPS = 10;

/** A sending domain as people type it: lower-cased, IDN to A-labels, no trailing dot, at least two labels. */
export const sendingDomain = z
  .string()
  .max(253, "domain must be at most 253 characters")
  .transform((text, ctx) => {
    const parsed = parseDomain(text.trim().replace(/\.$/, ""));
    if (typeof parsed === "string" || parsed.isLiteral || !parsed.ascii.includes(".")) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(text.slice(0, 100))} is not a domain name` });
      return z.NEVER;
    }
    return parsed.ascii;
  });

/** Sending IPs, IPv6 in RFC 5952 form so each is one schedule's key and one list query. */
export const sendingIps = z.array(z.string().max(64)).transform((ips, ctx) => {
  const bad = ips.find((ip) => ipBytes(ip) === null);
  if (bad !== undefined) ctx.addIssue({ code: "custom", message: `${JSON.stringify(bad)} is not an IP address` });
  if (ips.length > MAX_REVIEW_IPS) ctx.addIssue({ code: "custom", message: `at most ${MAX_REVIEW_IPS} IP addresses` });
  const canonical = ips.map((ip) => (ip.includes(":") ? ipv6Text(ipBytes(ip) ?? new Uint8Array(16)) : ip));
  return [...new Set(canonical)];
});

/** Query of `GET /v1/reputation`: a domain, IPs, or both. */
export const ReputationQuerySchema = z
  .object({
    domain: sendingDomain
      .optional()
      .openapi({ param: { name: "domain", in: "query" }, description: "The sending domain (the MAIL FROM and From: domain).", example: "example.com" }),
    ip: commaSeparated
      .pipe(sendingIps)
      .optional()
      .openapi({ param: { name: "ip", in: "query" }, description: `Sending IP addresses, comma-separated, at most ${MAX_REVIEW_IPS}.`, example: "192.0.2.10" }),
  })
  .refine((query) => query.domain !== undefined || (query.ip?.length ?? 0) > 0, "give a domain, an ip, or both");

/** Body of `POST /v1/reputation/schedules`. */
export const ReputationScheduleBodySchema = z
  .object({
    domain: sendingDomain.optional(),
    ips: sendingIps.optional(),
    every: z.enum(["daily", "weekly"], { error: "every must be daily or weekly" }).default("daily"),
    webhook_url: z.url({ protocol: /^https?$/, error: "webhook_url must be an http(s) URL" }).max(2_000),
  })
  .strict()
  .refine((body) => body.domain !== undefined || (body.ips?.length ?? 0) > 0, "give a domain, ips, or both")
  .openapi("ReputationScheduleRequest");
