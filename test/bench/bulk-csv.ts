import { seededRandom } from "../../shared/gibberish/random";

/**
 * What a row's address is: a mailbox the farm has (user<digits> at a bulk domain, see
 * infra/local/mta/mailboxes.regexp), one it does not have, or not an address at all.
 */
export type BulkMailbox = "exists" | "unknown" | "malformed";

/** One generated row: its cells as written, and what its address is. */
export interface BulkRow {
  cells: string[];
  /** The e-mail cell as written (with any case change or stray space of a duplicate). */
  email: string;
  mailbox: BulkMailbox;
  /** The earlier row (0-based among the data rows) whose address this one repeats, differently spelled. */
  duplicateOf: number | null;
}

export interface BulkCsv {
  /** The whole file: UTF-8, CRLF, a header row, fields quoted as needed. */
  bytes: Buffer;
  header: string[];
  rows: BulkRow[];
  /** Distinct domains of the well-formed addresses: the domains the prober talks to. */
  domains: number;
}

export interface BulkCsvOptions {
  rows: number;
  domains: number;
  seed: number;
  /** Below which wildcard the domains are, so the DNS peer sends them all to the farm. */
  parentDomain: string;
  /** Starts every domain's first label, to keep lists made with different seeds apart. */
  labelPrefix?: string;
}

/** The columns; `customer_id` is C100000 for the first data row, one more for each row after. */
export const BULK_HEADER = ["customer_id", "name", "email", "company", "signup_date", "notes"];

const FIRST = [
  "James",
  "María",
  "Wei",
  "Yuki",
  "Olga",
  "Ahmed",
  "Lucas",
  "Sofia",
  "Min-jun",
  "Priya",
  "Jan",
  "Emma",
  "Li",
  "Carlos",
  "Anna",
  "Hiroshi",
  "Fatima",
  "Noah",
  "Zoë",
  "Inês",
];
const LAST = [
  "Smith",
  "García",
  "Wang",
  "Tanaka",
  "Ivanova",
  "Khan",
  "Silva",
  "Rossi",
  "Kim",
  "Patel",
  "Novák",
  "Müller",
  "Chen",
  "López",
  "Berg",
  "Sato",
  "Haddad",
  "O'Brien",
  "Liu",
  "Costa",
];
const COMPANY_WORDS = [
  "North",
  "Blue",
  "Acme",
  "Vertex",
  "Harbor",
  "Summit",
  "Cedar",
  "Nimbus",
  "Atlas",
  "Orion",
  "Pioneer",
  "Silver",
  "Quartz",
  "Maple",
  "Falcon",
  "Lumen",
  "Granite",
  "Redwood",
  "Beacon",
  "Delta",
];
const COMPANY_KINDS = ["Logistics", "Labs", "Foods", "Analytics", "Studio", "Partners", "Robotics", "Health", "Energy", "Media"];
const LEGAL = ["Inc.", "GmbH", "Ltd", "LLC", "S.A."];
/** Notes as people type them into a CRM: commas, quotes and line breaks inside one field. */
const NOTES = [
  "",
  "",
  "",
  "",
  "Met at the trade fair, wants a demo",
  'Asked for "enterprise" pricing',
  "Call back in Q3\nprefers e-mail",
  "VIP",
  "Referred by a partner, see ticket #4411",
  "Unsubscribed from the newsletter;\nkeep for invoices",
];
/** Addresses broken the ways real exports break them; each is invalid_syntax. */
const MALFORMED = (local: string, domain: string) => [
  `${local}@`,
  `${local} @${domain}`,
  `${local}..x@${domain}`,
  `@${domain}`,
  `${local}.${domain}`,
  `${local}@${domain}@${domain}`,
  "",
  "n/a",
];

/** Shares of the rows: the farm has user<digits>, alice and bob at every bulk domain, and no one else. */
const DUPLICATE_SHARE = 0.05;
const MALFORMED_SHARE = 0.01;
const UNKNOWN_SHARE = 0.22;
/** Rows with a short last field (a cell missing at the end), as hand-edited exports have. */
const RAGGED_SHARE = 0.005;
/**
 * How unevenly rows fall on domains: domain ⌊n·u^SKEW⌋ for a uniform u, so the first domains
 * (big customers' companies) get a few hundred rows and the last a few dozen.
 */
const SKEW = 1.3;

/**
 * A deterministic CRM export for the bulk benchmark: `rows` contacts at `domains` companies
 * below `parentDomain`, with duplicates of earlier contacts (5 %, the domain or the whole
 * address cased differently, some with stray spaces), malformed addresses (1 %), addresses the
 * farm does not know (22 %), quoted fields holding commas, quotes and line breaks, some rows
 * missing their last cell, and CRLF line ends. The same options give the same bytes.
 *
 * @example
 * const { bytes, rows } = generateBulkCsv({ rows: 100_000, domains: 2_000, seed: 5, parentDomain: "bulk.mailvet-mta.net" });
 */
export function generateBulkCsv({ rows: count, domains: domainCount, seed, parentDomain, labelPrefix = "" }: BulkCsvOptions): BulkCsv {
  const next = seededRandom(seed).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const companies = Array.from({ length: domainCount }, (_, index) => {
    const name = `${pick(COMPANY_WORDS)} ${pick(COMPANY_KINDS)}`;
    return { name: `${name}, ${pick(LEGAL)}`, domain: `${labelPrefix}${name.toLowerCase().replace(" ", "-")}-${index}.${parentDomain}` };
  });
  const rows: BulkRow[] = [];
  const domains = new Set<string>();
  for (let index = 0; index < count; index++) {
    const roll = next();
    const ragged = next() < RAGGED_SHARE;
    const id = `C${100_000 + index}`;
    let row: BulkRow;
    if (roll < DUPLICATE_SHARE && index > 0) {
      const earlierIndex = Math.floor(next() * index);
      const earlier = rows[earlierIndex]!;
      const email = recase(earlier.email, next());
      // The other cells are the earlier contact's: the same person entered twice.
      row = {
        cells: [id, earlier.cells[1]!, email, ...earlier.cells.slice(3)],
        email,
        mailbox: earlier.mailbox,
        duplicateOf: earlier.duplicateOf ?? earlierIndex,
      };
    } else {
      const company = companies[Math.floor(domainCount * next() ** SKEW)]!;
      const [first, last] = [pick(FIRST), pick(LAST)];
      const local = ascii(`${first}.${last}`).toLowerCase();
      const [mailbox, email]: [BulkMailbox, string] =
        roll < DUPLICATE_SHARE + MALFORMED_SHARE
          ? ["malformed", pick(MALFORMED(local, company.domain))]
          : roll < DUPLICATE_SHARE + MALFORMED_SHARE + UNKNOWN_SHARE
            ? ["unknown", `${local}${next() < 0.5 ? "" : Math.floor(next() * 100)}@${company.domain}`]
            : ["exists", `user${index}@${company.domain}`];
      if (mailbox !== "malformed") domains.add(company.domain);
      const name = next() < 0.1 ? `${last}, ${first}` : `${first} ${last}`;
      const signup = new Date(Date.UTC(2019, 0, 1) + Math.floor(next() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
      row = { cells: [id, name, email, company.name, signup, pick(NOTES)], email, mailbox, duplicateOf: null };
    }
    if (ragged) row.cells.pop();
    rows.push(row);
  }
  const text = `${[BULK_HEADER, ...rows.map(({ cells }) => cells)].map((cells) => cells.map(csvField).join(",")).join("\r\n")}\r\n`;
  return { bytes: Buffer.from(text, "utf8"), header: BULK_HEADER, rows, domains: domains.size };
}

/**
 * A duplicate's spelling of an address: the domain upper-cased (the same mailbox, which the
 * edge dedupes), half of them with the local part capitalized too (a different string to the
 * edge, the same mailbox to the farm, whose tables ignore case), a tenth with spaces around.
 */
function recase(email: string, roll: number): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return email.toUpperCase();
  const [local, domain] = [email.slice(0, at), email.slice(at + 1).toUpperCase()];
  const recased = `${roll < 0.5 ? local : local.charAt(0).toUpperCase() + local.slice(1)}@${domain}`;
  return roll < 0.1 ? ` ${recased} ` : recased;
}

/** Plain ASCII for a local part: the letters of the names without their accents. */
function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/[^a-z0-9.]/gi, "");
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
