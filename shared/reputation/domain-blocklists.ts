import { type CodeReading, codeTable } from "./list-check";

/** A domain block list (RHSBL / URI list): the domain is asked as `<domain>.<zone>`. */
export interface DomainBlocklist {
  id: string;
  name: string;
  zone: string;
  readCode: (code: string) => CodeReading;
  removal: string;
}

const dblTable = codeTable(
  {
    2: "DBL: Spamhaus lists this domain as a spam domain",
    4: "DBL: Spamhaus lists this domain for phishing",
    5: "DBL: Spamhaus lists this domain for malware",
    6: "DBL: Spamhaus lists this domain as a botnet command and control domain",
    102: "DBL: a legitimate domain abused to send spam",
    103: "DBL: a legitimate domain abused as a redirector in spam",
    104: "DBL: a legitimate domain abused for phishing",
    105: "DBL: a legitimate domain abused for malware",
    106: "DBL: a legitimate domain abused for botnet command and control",
  },
  "127.0.1.",
);

/** Bits of the last octet of a bitmask list's code, with their meanings, for lists that add them up. */
function bitmask(bits: Record<number, string>): (code: string) => CodeReading {
  return (code) => {
    const last = Number(code.split(".")[3]);
    const meanings = Object.entries(bits)
      .filter(([bit]) => (last & Number(bit)) !== 0)
      .map(([, meaning]) => meaning);
    return { status: "listed", meaning: meanings.length > 0 ? meanings.join(", ") : `listed with code ${code}` };
  };
}

/**
 * The domain block lists that are alive: Spamhaus DBL (127.0.1.x; 127.0.1.255 refuses an IP
 * asked as a domain), SURBL's multi list and URIBL's multi list (bit masks; 127.0.0.1 is a
 * refused query, read as "could not ask" by `readListAnswer`).
 *
 * @example
 * DOMAIN_BLOCKLISTS.map((list) => list.zone); // ["dbl.spamhaus.org", "multi.surbl.org", "multi.uribl.com"]
 */
export const DOMAIN_BLOCKLISTS: readonly DomainBlocklist[] = [
  {
    id: "spamhaus-dbl",
    name: "Spamhaus DBL",
    zone: "dbl.spamhaus.org",
    readCode: (code) =>
      code === "127.0.1.255"
        ? { status: "could_not_ask", meaning: "the list refuses this query: an IP address asked as a domain (127.0.1.255)" }
        : dblTable(code),
    removal: "https://check.spamhaus.org/",
  },
  {
    id: "surbl",
    name: "SURBL",
    zone: "multi.surbl.org",
    readCode: bitmask({ 8: "SURBL: phishing", 16: "SURBL: malware", 64: "SURBL: spam and abuse", 128: "SURBL: a cracked site" }),
    removal: "https://surbl.org/surbl-analysis",
  },
  {
    id: "uribl",
    name: "URIBL",
    zone: "multi.uribl.com",
    readCode: bitmask({
      2: "URIBL black: the domain appears in spam",
      4: "URIBL grey: the domain sends bulk mail that some of its receivers did not ask for",
      8: "URIBL red: the domain appeared in spam soon after it was registered",
    }),
    removal: "https://admin.uribl.com/",
  },
];
