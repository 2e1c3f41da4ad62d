import { ipv6Text } from "./ip-text";
import { RECORD_CODES, type DnsMessage, type Question, type RecordData, type ResourceRecord } from "./message";
import { readName } from "./wire-name";
import { MalformedMessage, WireReader } from "./wire-reader";

export type ParseResult = { ok: true; message: DnsMessage } | { ok: false; detail: string };

/** TTLs with the top bit set are read as 0 (RFC 2181 §8). */
const MAX_TTL = 0x7fffffff;

/**
 * Decodes a DNS message. Anything cut short, inconsistent or followed by stray bytes gives
 * `{ ok: false }` with the reason; this never throws on any input.
 *
 * @example
 * const result = parseMessage(bytes);
 * if (result.ok) result.message.answers;
 * // [{ name: "example.com", ttl: 300, data: { type: "MX", preference: 10, exchange: "mx.example.com" } }]
 */
export function parseMessage(bytes: Uint8Array): ParseResult {
  try {
    return { ok: true, message: readMessage(new WireReader(bytes)) };
  } catch (error) {
    if (error instanceof MalformedMessage) return { ok: false, detail: error.message };
    throw error;
  }
}

function readMessage(reader: WireReader): DnsMessage {
  const id = reader.u16();
  const flags = reader.u16();
  const [questionCount, answerCount, authorityCount, additionalCount] = [reader.u16(), reader.u16(), reader.u16(), reader.u16()];
  const questions = Array.from({ length: questionCount }, () => readQuestion(reader));
  const answers = readRecords(reader, answerCount);
  const authorities = readRecords(reader, authorityCount);
  const additionals = readRecords(reader, additionalCount);
  if (reader.offset !== reader.bytes.length) throw new MalformedMessage("stray bytes after the message");
  return {
    id,
    isResponse: (flags & 0x8000) !== 0,
    truncated: (flags & 0x0200) !== 0,
    rcode: flags & 0x000f,
    questions,
    answers,
    authorities,
    additionals,
  };
}

function readQuestion(reader: WireReader): Question {
  const name = readName(reader);
  const code = reader.u16();
  reader.u16(); // class: Mailvet only ever asks for IN
  return { name, code };
}

function readRecords(reader: WireReader, count: number): ResourceRecord[] {
  // Each record takes at least 11 octets, so a lying count runs out of bytes, not memory.
  return Array.from({ length: count }, () => readRecord(reader));
}

function readRecord(reader: WireReader): ResourceRecord {
  const name = readName(reader);
  const code = reader.u16();
  reader.u16(); // class
  const ttl = reader.u32();
  const length = reader.u16();
  const end = reader.offset + length;
  if (end > reader.bytes.length) throw new MalformedMessage("message is truncated");
  const data = readData(reader, code, length);
  if (reader.offset !== end) throw new MalformedMessage("record data does not match its length");
  return { name, ttl: ttl > MAX_TTL ? 0 : ttl, data };
}

function readData(reader: WireReader, code: number, length: number): RecordData {
  switch (code) {
    case RECORD_CODES.A:
      if (length !== 4) throw new MalformedMessage("A record is not 4 octets");
      return { type: "A", address: reader.take(4).join(".") };
    case RECORD_CODES.AAAA:
      if (length !== 16) throw new MalformedMessage("AAAA record is not 16 octets");
      return { type: "AAAA", address: ipv6Text(reader.take(16)) };
    case RECORD_CODES.CNAME:
      return { type: "CNAME", target: readName(reader) };
    case RECORD_CODES.MX:
      return { type: "MX", preference: reader.u16(), exchange: readName(reader) };
    case RECORD_CODES.PTR:
      return { type: "PTR", name: readName(reader) };
    case RECORD_CODES.TXT:
      return { type: "TXT", strings: readCharacterStrings(reader.take(length)) };
    case RECORD_CODES.SOA: {
      readName(reader); // primary server
      readName(reader); // mailbox
      reader.take(16); // serial, refresh, retry, expire
      return { type: "SOA", minimum: reader.u32() };
    }
    default:
      reader.take(length);
      return { type: "other", code };
  }
}

const utf8 = new TextDecoder();

/** A TXT record's data: one or more <character-string>s, each a length octet and that many octets. */
function readCharacterStrings(data: Uint8Array): string[] {
  const reader = new WireReader(data);
  const strings: string[] = [];
  while (reader.offset < data.length) strings.push(utf8.decode(reader.take(reader.u8())));
  return strings;
}
