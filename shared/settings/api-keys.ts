import { z } from "zod";
import { commaSeparated } from "../contract/comma-separated";

/** What a key may do: verify addresses, run bulk jobs, or (admin) also read and delete anyone's jobs; review a sender's reputation. */
export const SCOPES = ["verify", "jobs", "admin", "reputation"] as const;
export type Scope = (typeof SCOPES)[number];

/** Shorter keys can be guessed; the prober's hop secret has the same floor. */
export const MIN_KEY_LENGTH = 16;

/** One API key as configured: a plain key (hashed when the edge loads it) or its SHA-256. */
export interface ApiKeySetting {
  /** Names the key's owner: jobs belong to it. Null for a key of the plain list (named by its hash). */
  id: string | null;
  secret: { key: string } | { sha256: string };
  scopes: readonly Scope[];
  /** A widget key: only `verify`, only from these origins (the browser's Origin header). */
  origins?: readonly string[];
}

const plainKey = z
  .string()
  .min(MIN_KEY_LENGTH, `each key must be at least ${MIN_KEY_LENGTH} characters`)
  .max(256, "each key must be at most 256 characters")
  .regex(/^[\x21-\x7e]+$/, "a key must be printable ASCII without spaces");

const origin = z.string().refine((text) => {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === text;
  } catch {
    return false;
  }
}, "each origin must be a scheme and host like https://shop.example (no path, no trailing slash)");

const keyEntry = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "id must be 1–64 letters, digits, '.', '_' or '-'"),
    key: plainKey.optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lower-case hex digits (sha256sum of the key)")
      .optional(),
    scopes: z.array(z.enum(SCOPES, { error: "scopes are verify, jobs, admin and reputation" })).min(1, "list at least one scope"),
    origins: z.array(origin).min(1, "a widget key lists at least one origin").optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if ((entry.key === undefined) === (entry.sha256 === undefined))
      ctx.addIssue({ code: "custom", message: `key ${entry.id}: give exactly one of "key" or "sha256"` });
    if (entry.origins && entry.scopes.some((scope) => scope !== "verify")) {
      ctx.addIssue({ code: "custom", message: `key ${entry.id}: a key with origins (a widget key) may only have the verify scope` });
    }
  })
  .transform(
    ({ id, key, sha256, scopes, origins }): ApiKeySetting => ({
      id,
      secret: key !== undefined ? { key } : { sha256: sha256! },
      scopes: [...new Set(scopes)],
      ...(origins && { origins }),
    }),
  );

const jsonList = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be JSON like [{"id":"acme","sha256":"…","scopes":["verify","jobs"]}] or a comma-separated list of keys' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(keyEntry)
      .min(1, "must list at least one key")
      .refine((entries) => new Set(entries.map((entry) => entry.id)).size === entries.length, "each key needs its own id"),
  );

/** The list form of earlier versions: every key may verify and run jobs of its own. */
const plainList = commaSeparated
  .pipe(z.array(plainKey).min(1, "must list at least one key"))
  .transform((keys) => keys.map((key): ApiKeySetting => ({ id: null, secret: { key }, scopes: ["verify", "jobs"] })));

/**
 * MAILVET_API_KEYS: a JSON list of keys with an id, the key or its SHA-256, scopes and, for a
 * widget key, origins; or a comma-separated list of plain keys, each with the verify and jobs
 * scopes. Keys shorter than 16 characters are refused.
 *
 * @example
 * apiKeysVariable.parse('[{"id":"shop","key":"pk_0123456789abcdef","scopes":["verify"],"origins":["https://shop.example"]}]');
 * apiKeysVariable.parse("first-key-0123456789,second-key-0123456789");
 */
export const apiKeysVariable = z.string().transform((value, ctx) => {
  // A value that starts like JSON is JSON: never read a malformed list as plain keys.
  const parsed = (value.trim().startsWith("[") ? jsonList : plainList).safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [index, ...field] = issue.path;
    const where = typeof index === "number" ? `key ${index + 1}${field.length > 0 ? ` (${field.join(".")})` : ""}: ` : "";
    ctx.addIssue({ code: "custom", message: `${where}${issue.message}` });
  }
  return z.NEVER;
});
