import type { LookupOutcome } from "../dns";

/** `could_not_ask`: the list or the resolver refused or failed; it says nothing about the address or domain. */
export type ListStatus = "listed" | "not_listed" | "could_not_ask";

/** What one block list said about one IP address or domain. */
export interface ListCheck {
  /** Stable id of the list, e.g. `spamhaus-zen`. */
  list: string;
  /** Its name for people, e.g. `Spamhaus ZEN`. */
  name: string;
  /** The zone asked, as published (a DQS key never appears here). */
  zone: string;
  /** The IP address or domain asked about. */
  item: string;
  status: ListStatus;
  /** The A records the list answered with (its return codes), sorted, so a review compares equal run to run. */
  codes: string[];
  /** What the answer means, in plain words. */
  meaning: string;
  /** Where to ask for removal, for a listing. */
  removal: string;
}

/** What a list's return code means: a listing, or an error answer that must not be read as one. */
export interface CodeReading {
  status: "listed" | "could_not_ask";
  meaning: string;
}

const ERROR_CODES: Record<string, string> = {
  "127.255.255.252": "the list says its name was mistyped in the query (127.255.255.252)",
  "127.255.255.254": "the list refuses queries from public or open resolvers (127.255.255.254); ask through your own resolver or a DQS key",
  "127.255.255.255": "the list refuses more queries from this resolver today: rate limit (127.255.255.255)",
};

/**
 * Reads a block list's answer with the care RFC 5782 and the lists ask for: only a code in
 * 127.0.0.0/8 from the list itself is a listing. 127.0.0.1 (RFC 5782 §5: never a listing; URIBL
 * and SURBL send it for a refused query), 127.255.255.x (Spamhaus's errors), an address outside
 * 127.0.0.0/8 (a resolver rewriting NXDOMAIN) and a failed lookup all mean "could not ask".
 *
 * @example
 * readListAnswer({ kind: "records", records: [{ type: "A", address: "127.255.255.254" }], ttl: 60 }, readCode);
 * // { status: "could_not_ask", codes: ["127.255.255.254"], meaning: "the list refuses queries from public or open resolvers …" }
 */
export function readListAnswer(outcome: LookupOutcome<"A">, readCode: (code: string) => CodeReading): Pick<ListCheck, "status" | "codes" | "meaning"> {
  if (outcome.kind === "nxdomain" || outcome.kind === "nodata") return { status: "not_listed", codes: [], meaning: "not listed" };
  if (outcome.kind === "dns_error") return { status: "could_not_ask", codes: [], meaning: `the resolver gave no answer: ${outcome.detail}` };
  const codes = outcome.records.map((record) => record.address).sort(byOctets);
  const readings = codes.map((code) => readCodeSafely(code, readCode));
  const refusals = readings.filter((reading) => reading.status === "could_not_ask");
  const chosen = refusals.length > 0 ? refusals : readings;
  return { status: chosen[0]?.status ?? "not_listed", codes, meaning: [...new Set(chosen.map((reading) => reading.meaning))].join("; ") };
}

function readCodeSafely(code: string, readCode: (code: string) => CodeReading): CodeReading {
  if (!code.startsWith("127.")) return { status: "could_not_ask", meaning: `the answer ${code} is not a list code: the resolver rewrites unknown names` };
  if (code === "127.0.0.1") return { status: "could_not_ask", meaning: "the list refused the query (127.0.0.1)" };
  if (code.startsWith("127.255.255.")) return { status: "could_not_ask", meaning: ERROR_CODES[code] ?? `the list answered with its error code ${code}` };
  return readCode(code);
}

/**
 * A `readCode` for lists whose codes are 127.0.0.x with a meaning per last octet.
 *
 * @example
 * codeTable({ 2: "listed by SpamCop" })("127.0.0.2"); // { status: "listed", meaning: "listed by SpamCop" }
 */
export function codeTable(meanings: Record<number, string>, prefix = "127.0.0."): (code: string) => CodeReading {
  return (code) => {
    const last = Number(code.slice(prefix.length));
    const known = code.startsWith(prefix) ? meanings[last] : undefined;
    return { status: "listed", meaning: known ?? `listed with code ${code}` };
  };
}

function byOctets(left: string, right: string): number {
  const [a, b] = [left.split(".").map(Number), right.split(".").map(Number)];
  return a.reduce((order, octet, index) => order || octet - (b[index] ?? 0), 0);
}
