import { z } from "zod";

/**
 * A prober's health report: `GET /v1/doctor` on the prober (signed like the probe hop), read by
 * `mailvet doctor` and by the edge's standing review. Each check says in plain words what it
 * found and, when it is not passing, what to fix.
 */
export const DoctorCheckSchema = z
  .object({
    /** Stable name of the check: `egress`, `ptr`, `helo`, `mail-from`, `spf`, `port-25`, `blocklists`, `block-replies`, … */
    id: z.string().min(1).max(40),
    /** `unknown` means the check could not ask (a resolver refused, a list answered with its error code), never "listed". */
    status: z.enum(["pass", "warn", "fail", "unknown"]),
    /** What was found, in one plain sentence. */
    summary: z.string().max(500),
    /** What to do about it, when the status is not `pass`. */
    fix: z.string().max(500).nullable(),
    /** Machine-readable facts behind the summary (IPs, names, list codes, counts). */
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** Block replies one provider gave this prober's sessions over the last hour. */
export const BlockRepliesSchema = z
  .object({
    /** The provider or MX domain that refused (e.g. `gmail.com`, `mx1.mailvet-mta.net`). */
    provider: z.string().max(253),
    /** Replies read as blocks (`5.7.1 … blocked using`, `421 4.7.0 … low reputation`, "no PTR record"). */
    count: z.number().int().min(0),
    /** Distinct recipient domains they came from. */
    domains: z.number().int().min(0),
    /** One of the replies, cut short, so a person can see what the server said. */
    sample: z.string().max(300).nullable(),
  })
  .strict();

export const DoctorReportSchema = z
  .object({
    prober: z.object({ id: z.string().max(100).nullable(), region: z.string().max(100).nullable() }).strict(),
    /** When the report was made (ISO 8601). */
    at: z.string().datetime(),
    egress: z.object({ ipv4: z.array(z.string()).max(16), ipv6: z.array(z.string()).max(16) }).strict(),
    helo: z.string().max(253),
    mail_from: z.string().max(254),
    checks: z.array(DoctorCheckSchema).max(50),
    block_replies: z.array(BlockRepliesSchema).max(200),
    /** Worst status over the checks: `fail` when any fails, else `warn`/`unknown` when any is, else `pass`. */
    status: z.enum(["pass", "warn", "fail", "unknown"]),
  })
  .strict();

export type DoctorCheck = z.infer<typeof DoctorCheckSchema>;
export type DoctorReport = z.infer<typeof DoctorReportSchema>;

/** `GET /v1/probers/doctor` on the edge: every configured prober's report, or why there is none. */
export const ProbersDoctorSchema = z
  .object({
    probers: z.array(
      z
        .object({
          /** The prober's `id` and `region` in MAILVET_PROBERS. */
          id: z.string(),
          region: z.string(),
          /** The prober's report, or null when it could not be had (then `error` says why). */
          report: DoctorReportSchema.nullable(),
          error: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export type ProbersDoctor = z.infer<typeof ProbersDoctorSchema>;
export type ProberDoctorAnswer = ProbersDoctor["probers"][number];
