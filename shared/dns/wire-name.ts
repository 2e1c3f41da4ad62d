import { MalformedMessage, WireReader } from "./wire-reader";

const MAX_NAME_OCTETS = 255;
const MAX_LABEL_OCTETS = 63;
const POINTER = 0xc0;

/**
 * Reads a possibly compressed domain name (RFC 1035 §4.1.4) at the reader's offset and moves
 * the reader past it. Each pointer must jump strictly below the previous jump (and the first
 * below the name's own start), as any real encoder's do: that rules out loops, so a hostile
 * packet costs at most one pass over its bytes.
 *
 * @example
 * // "mx" followed by a pointer to "example.com" written at offset 12
 * readName(reader); // "mx.example.com"
 */
export function readName(reader: WireReader): string {
  const cursor = new WireReader(reader.bytes, reader.offset);
  const labels: string[] = [];
  let resumeAt: number | undefined;
  let jumpBelow = reader.offset;
  let octets = 1;
  for (let length = cursor.u8(); length !== 0; length = cursor.u8()) {
    if ((length & POINTER) === POINTER) {
      const target = ((length & 0x3f) << 8) | cursor.u8();
      if (target >= jumpBelow) throw new MalformedMessage("compression pointer does not point backwards");
      resumeAt ??= cursor.offset;
      cursor.offset = jumpBelow = target;
      continue;
    }
    if ((length & POINTER) !== 0) throw new MalformedMessage("unknown label type");
    octets += length + 1;
    if (octets > MAX_NAME_OCTETS) throw new MalformedMessage("name is longer than 255 octets");
    labels.push(labelText(cursor.take(length)));
  }
  reader.offset = resumeAt ?? cursor.offset;
  return labels.join(".");
}

/** Presentation text of a label, lower-cased, with `\DDD` for bytes that are not plain text. */
function labelText(label: Uint8Array): string {
  let text = "";
  for (const byte of label) {
    const plain = byte > 0x20 && byte < 0x7f && byte !== 0x2e && byte !== 0x5c;
    if (!plain) text += `\\${String(byte).padStart(3, "0")}`;
    else text += String.fromCharCode(byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);
  }
  return text;
}

/**
 * A name as the resolver keys and compares it: lower-cased, without the trailing dot.
 *
 * @example
 * canonicalName("Example.COM."); // "example.com"
 */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/**
 * The wire form of an ASCII host name, lower-cased; undefined when it cannot be one (empty or
 * over-long labels, over 255 octets, characters outside printable ASCII, escapes). A single
 * trailing dot is allowed; "" and "." are the root.
 *
 * @example
 * encodeName("Example.com."); // Uint8Array [7, 101, …, 3, 99, 111, 109, 0]
 * encodeName("a..b");         // undefined
 */
export function encodeName(name: string): Uint8Array | undefined {
  const bare = name.endsWith(".") ? name.slice(0, -1) : name;
  const labels = bare === "" ? [] : bare.toLowerCase().split(".");
  const bytes: number[] = [];
  for (const label of labels) {
    if (label.length === 0 || label.length > MAX_LABEL_OCTETS) return undefined;
    bytes.push(label.length);
    for (let index = 0; index < label.length; index++) {
      const code = label.charCodeAt(index);
      if (code <= 0x20 || code >= 0x7f || code === 0x5c) return undefined;
      bytes.push(code);
    }
  }
  bytes.push(0);
  return bytes.length > MAX_NAME_OCTETS ? undefined : new Uint8Array(bytes);
}
