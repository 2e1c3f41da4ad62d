import { csvRows } from "../../bulk/csv-rows";
import { type Bounce, DIAGNOSTIC_MAX_CHARS } from "../bounce";
import type { BounceInput } from "../bounce-row";
import { classifyBounce } from "../classify";
import { type BounceColumns, findBounceColumns } from "./csv-columns";
import type { ImportResult } from "./import-result";

const COMPLAINT = /^(?:complaint|complained|spam ?report|spam ?complaint|abuse)$/i;
// Export words that say what kind of bounce, not why: SES's BOUNCE (its suppression list keeps
// hard bounces), Postmark's HardBounce/SoftBounce, plain hard/soft.
const HARD_WORD = /^(?:bounce|hard|hard ?bounce|permanent)$/i;
const SOFT_WORD = /^(?:soft|soft ?bounce|transient|temporary|deferred|blocked)$/i;

function bounceInput(columns: BounceColumns, cell: (index: number) => string): BounceInput {
  const type = cell(columns.type) || (HARD_WORD.test(cell(columns.text)) || SOFT_WORD.test(cell(columns.text)) ? cell(columns.text) : "");
  const text = type === cell(columns.text) ? "" : cell(columns.text);
  const code = Number.parseInt(cell(columns.code), 10);
  const input: BounceInput = { status: cell(columns.status) || null, code: code >= 200 && code < 600 ? code : null, text: text || null };
  if (SOFT_WORD.test(type)) return { ...input, action: "delayed" };
  // A hard word alone is the ESP's verdict: read as SES's Permanent/Suppressed, which is hard.
  if (HARD_WORD.test(type) && !input.status && !input.code && !input.text)
    return { ...input, hint: { provider: "ses", type: "Permanent", subType: "Suppressed" } };
  return columns.provider && type ? { ...input, hint: { provider: columns.provider, type } } : input;
}

/**
 * Reads an ESP's CSV export of bounces (SendGrid, Mailgun, Postmark, SES, or any list with a
 * recipient column and a header row) into Bounce records, classified like every other input.
 * Rows without a recipient are skipped with the reason.
 *
 * @example
 * const { bounces, skipped } = await bouncesFromCsv(decodeText(chunks), new Date());
 */
export async function bouncesFromCsv(text: AsyncIterable<string>, now: Date): Promise<ImportResult> {
  const result: ImportResult = { bounces: [], skipped: [] };
  let columns: BounceColumns | null = null;
  for await (const { index, cells } of csvRows(text)) {
    const cell = (column: number) => (column >= 0 ? (cells[column] ?? "").trim() : "");
    if (columns === null) {
      columns = findBounceColumns(cells);
      if (columns === null)
        return { bounces: [], skipped: [{ item: 1, reason: "no column of the header names the recipient (email, address, recipient, …)" }] };
      continue;
    }
    const recipient = cell(columns.recipient);
    if (!recipient.includes("@")) {
      result.skipped.push({ item: index + 1, reason: recipient ? "the recipient is not an address" : "no recipient" });
      continue;
    }
    const time = Date.parse(cell(columns.time));
    const at = Number.isFinite(time) ? new Date(time).toISOString() : now.toISOString();
    const type = cell(columns.type) || cell(columns.text);
    result.bounces.push(COMPLAINT.test(type) ? complaint(recipient, at) : classified(recipient, at, bounceInput(columns, cell)));
  }
  if (columns === null) result.skipped.push({ item: 1, reason: "the file is empty" });
  return result;
}

const complaint = (recipient: string, at: string): Bounce => ({
  recipient,
  kind: "complaint",
  reason: "complaint",
  status: null,
  diagnostic: null,
  source: "csv",
  at,
});

function classified(recipient: string, at: string, input: BounceInput): Bounce {
  const { kind, reason, status } = classifyBounce(input);
  return { recipient, kind, reason, status, diagnostic: input.text?.slice(0, DIAGNOSTIC_MAX_CHARS) ?? null, source: "csv", at };
}
