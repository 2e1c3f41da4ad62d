import { QUERY_TYPES, type QueryType } from "./message";
import { encodeName } from "./wire-name";

const HEADER = [
  0x00,
  0x00, // id 0, so HTTP caches see one URL per question (RFC 8484 §4.1)
  0x01,
  0x00, // a standard query with recursion desired
  0x00,
  0x01, // one question
  0x00,
  0x00,
  0x00,
  0x00,
  0x00,
  0x00, // no answer, authority or additional records
];
const CLASS_IN = 1;

/**
 * The wire form of a query for one name and type; undefined when the name cannot be a DNS
 * name (see `encodeName`).
 *
 * @example
 * encodeQuery("example.com", "MX"); // 29 octets: header, 13-octet name, type 15, class IN
 */
export function encodeQuery(name: string, type: QueryType): Uint8Array | undefined {
  const wireName = encodeName(name);
  if (wireName === undefined) return undefined;
  const code = QUERY_TYPES[type];
  return new Uint8Array([...HEADER, ...wireName, code >> 8, code & 0xff, CLASS_IN >> 8, CLASS_IN & 0xff]);
}
