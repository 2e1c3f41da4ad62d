import type { DataRow } from "../../../shared/bulk";
import { parseAddress } from "../../../shared/address/parse";

/** One distinct address of a job: its key, the string to verify, its domain, and how many rows have it. */
export interface PlannedAddress {
  key: string;
  email: string;
  domain: string;
  rows: number;
}

/** What the queue carries: one job's addresses of one domain, verified together. */
export interface VerifyChunk {
  job: string;
  domain: string;
  addresses: { key: string; email: string }[];
}

/** Addresses per queue message: small enough to verify well within one consumer invocation. */
export const CHUNK_SIZE = 50;

/**
 * The key a row's result is stored under: the normalized address, so spelling variants of one
 * mailbox are verified once; a cell that is not an address is keyed by its text, so it still
 * gets its own (invalid_syntax) answer and identical junk is answered once.
 *
 * @example
 * addressKey("Ann@EXAMPLE.net"); // "Ann@example.net"
 * addressKey("not an address"); // "raw:not an address"
 */
export function addressKey(email: string): string {
  return planned(email).key;
}

function planned(email: string): PlannedAddress {
  const parsed = parseAddress(email);
  return parsed.ok
    ? { key: parsed.address.normalized, email: parsed.address.normalized, domain: parsed.address.domain, rows: 1 }
    : { key: `raw:${email}`, email, domain: "", rows: 1 };
}

/**
 * Reads a job's rows once and dedupes them: the row count and one entry per distinct address.
 * The distinct addresses are held in memory, so this bounds a job by its distinct addresses,
 * not by its bytes.
 *
 * @example
 * const { total, addresses } = await planJob(table.rows);
 */
export async function planJob(rows: AsyncIterable<DataRow>): Promise<{ total: number; addresses: Map<string, PlannedAddress> }> {
  const addresses = new Map<string, PlannedAddress>();
  let total = 0;
  for await (const { email } of rows) {
    total += 1;
    const address = planned(email);
    const known = addresses.get(address.key);
    if (known) known.rows += 1;
    else addresses.set(address.key, address);
  }
  return { total, addresses };
}

/**
 * The job's queue messages: addresses grouped by domain, so one prober session can check many
 * addresses of a domain, then cut into chunks of at most `size`.
 *
 * @example
 * await queue.sendBatch(domainChunks("job-1", addresses.values()).map((body) => ({ body })));
 */
export function domainChunks(job: string, addresses: Iterable<PlannedAddress>, size = CHUNK_SIZE): VerifyChunk[] {
  const byDomain = new Map<string, { key: string; email: string }[]>();
  for (const { key, email, domain } of addresses) {
    const list = byDomain.get(domain) ?? [];
    list.push({ key, email });
    byDomain.set(domain, list);
  }
  const chunks: VerifyChunk[] = [];
  for (const [domain, list] of byDomain) {
    for (let start = 0; start < list.length; start += size) chunks.push({ job, domain, addresses: list.slice(start, start + size) });
  }
  return chunks;
}
