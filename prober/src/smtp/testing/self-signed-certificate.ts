import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

/**
 * A throw-away self-signed certificate for TLS tests, made with node:crypto alone (no openssl
 * binary, no npm package): a minimal X.509 v1 certificate over a P-256 key, DER-encoded by hand.
 */

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const sequence = (...items: Buffer[]) => der(0x30, ...items);

function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) groups.unshift(0x80 | (value & 0x7f));
    bytes.push(...groups);
  }
  return der(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  return der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, "")}Z`));
}

function commonName(name: string): Buffer {
  return sequence(der(0x31, sequence(objectId("2.5.4.3"), der(0x0c, Buffer.from(name)))));
}

/**
 * A PEM certificate and key for `commonName`, valid from an hour ago for a day.
 *
 * @example
 * const { cert, key } = selfSignedCertificate("mx.test");
 * tls.createSecureContext({ cert, key });
 */
export function selfSignedCertificate(name: string): { cert: string; key: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const ecdsaWithSha256 = sequence(objectId("1.2.840.10045.4.3.2"));
  const now = Date.now();
  const serial = randomBytes(8);
  // A positive INTEGER in minimal DER: a leading 0x00 before a byte under 0x80 is "illegal
  // padding" to OpenSSL, which made about one certificate in 512 unreadable.
  serial[0] = serial[0]! & 0x7f || 1;
  const toBeSigned = sequence(
    der(0x02, serial),
    ecdsaWithSha256,
    commonName(name),
    sequence(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 86_400_000))),
    commonName(name),
    publicKey.export({ type: "spki", format: "der" }),
  );
  const signature = sign("sha256", toBeSigned, privateKey);
  const certificate = sequence(toBeSigned, ecdsaWithSha256, der(0x03, Buffer.from([0]), signature));
  const base64Lines = certificate
    .toString("base64")
    .match(/.{1,64}/g)!
    .join("\n");
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${base64Lines}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
