import { z } from "zod";
import { REQUEST_ID } from "../log/request-id";
import { REASONS, type Reason } from "./taxonomy";

/**
 * The hop between the edge and a prober: `POST /v1/probe`, signed (shared/hop). The edge sends
 * SMTP-level work only: one domain, its MX hosts as DNS gave them (the prober resolves their
 * addresses itself, so it alone decides where it connects), and the addresses to ask about, so
 * one session can check many addresses of one domain. The prober answers every address.
 */
export const MAX_PROBE_ADDRESSES = 100;

export const ProbeRequestSchema = z
  .object({
    /** The domain in ASCII (A-label) form; empty hosts are the caller's business, not ours. */
    domain: z.string().min(1).max(253),
    mx: z
      .array(z.object({ host: z.string().min(1).max(253), preference: z.number().int().min(0).max(65535) }).strict())
      .min(1)
      .max(20),
    addresses: z
      .array(
        z
          .object({
            /** The normalized address (domain in A-labels) the server is asked about. */
            address: z.string().min(3).max(254),
            /** The local part needs SMTPUTF8 (RFC 6531). */
            smtputf8: z.boolean(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_PROBE_ADDRESSES),
    /** Time the prober may spend, in milliseconds; it answers before it runs out. */
    budget_ms: z.number().int().min(100).max(60_000),
    /** Return the SMTP transcript (only when asked: it holds the addresses). */
    transcript: z.boolean().optional(),
    /**
     * Who asked the edge, as an opaque id (a hash of the API key's owner or the client's
     * address; never a key): the prober shares its sessions fairly between callers. Absent, the
     * request shares one caller's share with every other request that names none.
     */
    caller: z
      .string()
      .regex(/^[0-9a-f]{1,64}$/, "caller must be hex")
      .optional(),
    /**
     * The id the edge logs the request by (shared/log/request-id.ts): the prober logs its probe
     * with it and echoes it in X-Request-Id, so one id follows a check across the hop. In the
     * body, because the hop signs the body and not the headers. A prober of an earlier version
     * refuses it (the schema is strict): upgrade the probers before the edge.
     */
    request_id: z.string().regex(REQUEST_ID, "request_id must be 1 to 128 of A-Z a-z 0-9 . _ : -").optional(),
  })
  .strict();

export type ProbeRequest = z.infer<typeof ProbeRequestSchema>;

/**
 * The most characters of a server's reply text the prober sends per address: the start of a
 * reply says what it means (and holds an enhanced code written inside the text); a server
 * cannot make each result carry kilobytes of its text.
 */
export const MAX_PROBE_MESSAGE_CHARS = 300;

const reason = z.enum(REASONS as readonly [Reason, ...Reason[]]);

export const ProbeAddressResultSchema = z.object({
  address: z.string(),
  reason,
  /** The reply class of the classifier (prober/src/smtp/reply-class.ts), or null without a reply. */
  class: z.string().nullable(),
  /**
   * The name of the classification table's row that decided (prober/src/smtp/rows-*.ts), or
   * null without a reply: says why an address got its reason. A prober of an earlier version
   * sends none.
   */
  rule: z.string().max(100).nullable().default(null),
  /** The MX host whose reply decided, or the last one tried. */
  host: z.string().nullable(),
  code: z.number().int().nullable(),
  enhanced: z.string().nullable(),
  message: z.string().max(MAX_PROBE_MESSAGE_CHARS).nullable(),
  /** Seconds the server asked us to wait (greylisting), when it said or implied so. */
  retry_after: z.number().int().nullable(),
  duration_ms: z.number().int().min(0),
});

export const ProbeResponseSchema = z.object({
  prober: z.string(),
  /** Whether the domain accepts any local part: true, false, or null when not learned. */
  catch_all: z.boolean().nullable(),
  results: z.array(ProbeAddressResultSchema),
  transcript: z.array(z.string()).optional(),
});

export type ProbeAddressResult = z.infer<typeof ProbeAddressResultSchema>;
export type ProbeResponse = z.infer<typeof ProbeResponseSchema>;
