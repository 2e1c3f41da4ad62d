/**
 * The few DER (ASN.1) reads the webhook verifiers need: a certificate's public key, for
 * WebCrypto's `importKey("spki")`, and an ECDSA signature's two integers, for WebCrypto's
 * raw `r‖s` form. A hand-written walk, because a full X.509 library is hundreds of kilobytes
 * in the Worker for two reads, and every length is checked against the bytes it must fit in.
 */

/** A malformed DER input: the verifiers turn it into "not signed". */
export class DerError extends Error {}

/** One element: its tag, and where it starts, where its content starts and where it ends. */
interface DerElement {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/** Reads the element at `offset`, which must end within `limit`. */
function readElement(bytes: Uint8Array, offset: number, limit = bytes.length): DerElement {
  if (offset + 2 > limit) throw new DerError("DER element cut short");
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const lengthBytes = length & 0x7f;
    // 4 bytes of length is 4 GB; more, or the indefinite form (0x80), is not DER.
    if (lengthBytes === 0 || lengthBytes > 4 || contentStart + lengthBytes > limit) throw new DerError("bad DER length");
    length = 0;
    for (let i = 0; i < lengthBytes; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += lengthBytes;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError("DER element longer than its container");
  return { tag, start: offset, contentStart, end };
}

/** The elements directly inside a constructed element. */
function children(bytes: Uint8Array, parent: DerElement): DerElement[] {
  const found: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end; ) {
    const element = readElement(bytes, offset, parent.end);
    found.push(element);
    offset = element.end;
  }
  return found;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
/** `[0] EXPLICIT Version` at the head of a TBSCertificate (absent in v1 certificates). */
const VERSION_TAG = 0xa0;

/**
 * The SubjectPublicKeyInfo of an X.509 certificate (DER), as WebCrypto imports it.
 *
 * @example
 * const key = await crypto.subtle.importKey("spki", certificateSpki(der), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
 */
export function certificateSpki(der: Uint8Array): Uint8Array {
  const certificate = readElement(der, 0);
  if (certificate.tag !== SEQUENCE || certificate.end !== der.length) throw new DerError("not a DER certificate");
  const tbs = children(der, certificate)[0];
  if (tbs?.tag !== SEQUENCE) throw new DerError("certificate without a TBSCertificate");
  const fields = children(der, tbs);
  // version?, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  const spki = fields[fields[0]?.tag === VERSION_TAG ? 6 : 5];
  if (spki?.tag !== SEQUENCE) throw new DerError("certificate without a public key");
  return der.slice(spki.start, spki.end);
}

/**
 * Turns a DER `ECDSA-Sig-Value` (SEQUENCE of two INTEGERs) into the `r‖s` bytes WebCrypto
 * verifies, each integer `size` bytes (32 for P-256).
 *
 * @example
 * await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, ecdsaDerToRaw(der, 32), data);
 */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array {
  const sequence = readElement(der, 0);
  if (sequence.tag !== SEQUENCE || sequence.end !== der.length) throw new DerError("not a DER ECDSA signature");
  const integers = children(der, sequence);
  if (integers.length !== 2 || integers.some((integer) => integer.tag !== INTEGER)) throw new DerError("an ECDSA signature holds two integers");
  const raw = new Uint8Array(2 * size);
  integers.forEach((integer, index) => {
    let value = der.subarray(integer.contentStart, integer.end);
    // A leading zero only keeps a high bit from reading as a sign.
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) throw new DerError("ECDSA integer larger than the curve");
    raw.set(value, (index + 1) * size - value.length);
  });
  return raw;
}
