import type { DataRow } from "../../../../shared/bulk";
import { parseAddress } from "../../../../shared/address/parse";

/** One distinct address of a job: its key, the string to verify, its domain, and how many rows have it. */
export interface PlannedAddress {
  key: string;
  email: string;
  domain: string;
  rows: number;
}

/** Rows read before their distinct addresses are handed on: bounds what planning holds. */
const PLAN_BATCH_ROWS = 2_000;

/**
 * An address is at most 254 characters; a cell is keyed by at most this many, so a batch of
 * junk cells of a megabyte each is not held (or sent to the job) whole.
 */
const MAX_KEY_CHARS = 1_000;

/**
 * The key a row's result is stored under: the normalized address, so spelling variants of one
 * mailbox are verified once; a cell that is not an address is keyed by its text, so it still
 * gets its own (invalid_syntax) answer and identical junk is answered once (junk by its first
 * 1,000 characters: no address is that long).
 *
 * @example
 * addressKey("Ann@EXAMPLE.net"); // "Ann@example.net"
 * addressKey("not an address"); // "raw:not an address"
 */
export function addressKey(email: string): string {
  return planned(email).key;
}

function planned(cell: string): PlannedAddress {
  const email = cell.slice(0, MAX_KEY_CHARS);
  const parsed = parseAddress(email);
  return parsed.ok
    ? { key: parsed.address.normalized, email: parsed.address.normalized, domain: parsed.address.domain, rows: 1 }
    : { key: `raw:${email}`, email, domain: "", rows: 1 };
}

/**
 * Reads a job's rows once and hands their distinct addresses on in batches (each counted within
 * its batch), so a job of millions of rows is deduped where the batches go (the job's Durable
 * Object) and never held here. Returns the row count.
 *
 * @example
 * const total = await planJob(table.rows, (batch) => job.add(batch, expiresAt));
 */
export async function planJob(rows: AsyncIterable<DataRow>, add: (batch: PlannedAddress[]) => Promise<void>): Promise<number> {
  let batch = new Map<string, PlannedAddress>();
  let total = 0;
  let batchRows = 0;
  for await (const { email } of rows) {
    total += 1;
    batchRows += 1;
    const address = planned(email);
    const known = batch.get(address.key);
    if (known) known.rows += 1;
    else batch.set(address.key, address);
    if (batchRows === PLAN_BATCH_ROWS) {
      await add([...batch.values()]);
      batch = new Map();
      batchRows = 0;
    }
  }
  if (batch.size > 0) await add([...batch.values()]);
  return total;
}

/**
 * Cuts addresses sorted by domain into chunks of one domain each, at most `size` long.
 *
 * @example
 * chunkByDomain([{ key: "a@x", email: "a@x", domain: "x" }], 50); // [{ domain: "x", addresses: [{ key: "a@x", email: "a@x" }] }]
 */
export function* chunkByDomain(
  sorted: Iterable<Omit<PlannedAddress, "rows">>,
  size: number,
): Generator<{ domain: string; addresses: { key: string; email: string }[] }> {
  let chunk: { domain: string; addresses: { key: string; email: string }[] } | null = null;
  for (const { key, email, domain } of sorted) {
    if (chunk && (chunk.domain !== domain || chunk.addresses.length === size)) {
      yield chunk;
      chunk = null;
    }
    chunk ??= { domain, addresses: [] };
    chunk.addresses.push({ key, email });
  }
  if (chunk) yield chunk;
}
