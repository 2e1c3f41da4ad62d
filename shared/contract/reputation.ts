import { z } from "@hono/zod-openapi";
import { parseDomain } from "../address/domain";
import { ipv6Text } from "../dns/ip-text";
import { ipBytes } from "../net/ip-bytes";
import { commaSeparated } from "./comma-separated";
import { DoctorCheckSchema } from "./doctor";

/** Sending IPs one review looks at; each costs a query to every list. */
export const MAX_REVIEW_IPS = 10;

/**
 * A finding of the sender's reputation review (`GET /v1/reputation`): the same shape as a
 * doctor's check, so the CLI and the web app read both alike. `unknown` means a list or the
 * resolver could not be asked, never "listed".
 */
export const ReputationFindingSchema = DoctorCheckSchema;

/** What one block list said about one IP address or domain. */
export const ListCheckSchema = z
  .object({
    list: z.string(),
    name: z.string(),
    zone: z.string(),
    item: z.string(),
    status: z.enum(["listed", "not_listed", "could_not_ask"]),
    codes: z.array(z.string()),
    meaning: z.string(),
    removal: z.string(),
  })
  .strict();

/** The review of a sending domain and its IP addresses. */
export const ReputationReviewSchema = z
  .object({
    domain: z.string().nullable(),
    ips: z.array(z.string()),
    /** When the review was made (ISO 8601). */
    at: z.string().datetime(),
    /** Worst status over the findings: `fail` when any fails, else `warn`, else `unknown`, else `pass`. */
    status: z.enum(["pass", "warn", "fail", "unknown"]),
    findings: z.array(ReputationFindingSchema),
    ip_lists: z.array(ListCheckSchema),
    domain_lists: z.array(ListCheckSchema),
    spf: z
      .object({ record: z.string().nullable(), results: z.array(z.object({ ip: z.string(), result: z.string(), matched: z.string().nullable() })) })
      .nullable(),
    dmarc: z.object({ record: z.string().nullable(), policy: z.enum(["none", "quarantine", "reject"]).nullable() }).nullable(),
    mx: z.object({ kind: z.string(), hosts: z.array(z.string()) }).nullable(),
  })
  .strict()
  .openapi("ReputationReview");

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

export const ReputationScheduleSchema = z
  .object({
    id: z.string(),
    domain: z.string().nullable(),
    ips: z.array(z.string()),
    every: z.enum(["daily", "weekly"]),
    webhook_url: z.string(),
    /** Shown once, when the schedule is made. */
    webhook_secret: z.string().optional().openapi({ description: "The key of the webhook's Mailvet-Signature. Shown once, in the answer to POST." }),
    next_run_at: z.string().datetime(),
    last_run_at: z.string().datetime().nullable(),
    last_status: z.enum(["pass", "warn", "fail", "unknown"]).nullable(),
  })
  .openapi("ReputationSchedule");

export const ScheduleIdSchema = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, description: "The id POST /v1/reputation/schedules returned." }),
});

export type ReputationFinding = z.infer<typeof ReputationFindingSchema>;
export type ReputationReview = z.infer<typeof ReputationReviewSchema>;
export type ReputationSchedule = z.infer<typeof ReputationScheduleSchema>;
