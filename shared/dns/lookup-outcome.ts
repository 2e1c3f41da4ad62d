import type { AnswerRecord, QueryType } from "./message";

/**
 * What one lookup of a name and type came to. `ttl` is how long, in seconds, the outcome may
 * be reused; `dns_error` means the resolvers gave no usable answer, which says nothing about
 * the name, so it is never cached and never makes a domain undeliverable.
 */
export type LookupOutcome<T extends QueryType = QueryType> =
  | { kind: "records"; records: AnswerRecord<T>[]; ttl: number }
  | { kind: "nodata"; ttl: number }
  | { kind: "nxdomain"; ttl: number }
  | { kind: "dns_error"; detail: string };

/** An outcome worth keeping: an answer from DNS itself, positive or negative. */
export type CacheableOutcome<T extends QueryType = QueryType> = Exclude<LookupOutcome<T>, { kind: "dns_error" }>;
