/**
 * The parts of a DNS message (RFC 1035 §4) that Mailvet reads. Names are lower-cased and have
 * no trailing dot (the root is ""), because DNS compares names without regard to case.
 */

/** The record types Mailvet asks for, by their wire codes. */
export const QUERY_TYPES = { A: 1, MX: 15, AAAA: 28, TXT: 16, PTR: 12 } as const;
export type QueryType = keyof typeof QUERY_TYPES;

/** Wire codes of the record types the parser decodes beyond the query types. */
export const RECORD_CODES = { ...QUERY_TYPES, CNAME: 5, SOA: 6 } as const;

/** Response codes that mean the resolver answered (RFC 1035 §4.1.1); others are failures. */
export const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

export interface AddressRecord<T extends "A" | "AAAA" = "A" | "AAAA"> {
  type: T;
  /** Dotted quad for A; RFC 5952 text for AAAA. */
  address: string;
}

export interface MxRecord {
  type: "MX";
  preference: number;
  /** The mail host; "" for the null MX of RFC 7505. */
  exchange: string;
}

export interface TxtRecord {
  type: "TXT";
  /** The record's character-strings in order, each decoded as UTF-8; SPF and DMARC join them without spaces (RFC 7208 §3.3). */
  strings: string[];
}

export interface PtrRecord {
  type: "PTR";
  /** The name an address's reverse entry points to (RFC 1035 §3.3.12), such as the prober's HELO name. */
  name: string;
}

export interface CnameRecord {
  type: "CNAME";
  target: string;
}

export interface SoaRecord {
  type: "SOA";
  /** The zone's negative-caching TTL (RFC 2308 §4). */
  minimum: number;
}

/** A record of any type Mailvet does not read; kept so sections count right. */
export interface OtherRecord {
  type: "other";
  code: number;
}

export type RecordData = AddressRecord<"A"> | AddressRecord<"AAAA"> | MxRecord | TxtRecord | PtrRecord | CnameRecord | SoaRecord | OtherRecord;

/** The data of a record of one of the query types. */
export type AnswerRecord<T extends QueryType = QueryType> = Extract<RecordData, { type: T }>;

/** A resource record: its owner name and TTL, and its decoded data. */
export interface ResourceRecord {
  name: string;
  ttl: number;
  data: RecordData;
}

export interface Question {
  name: string;
  code: number;
}

export interface DnsMessage {
  id: number;
  isResponse: boolean;
  truncated: boolean;
  rcode: number;
  questions: Question[];
  answers: ResourceRecord[];
  authorities: ResourceRecord[];
  additionals: ResourceRecord[];
}
