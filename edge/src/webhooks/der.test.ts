import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pemToDer } from "./base64";
import { certificateSpki, DerError, ecdsaDerToRaw } from "./der";
import { snsCertificatePem } from "./testing";

describe("certificateSpki", () => {
  it("finds the public key of an X.509 v3 certificate, which WebCrypto imports", async () => {
    const spki = certificateSpki(pemToDer(snsCertificatePem, "CERTIFICATE")!);
    const key = await crypto.subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["verify"]);
    expect((key.algorithm as { modulusLength: number }).modulusLength).toBe(2048);
  });

  it("refuses a certificate cut short or with bytes after it", () => {
    const der = pemToDer(snsCertificatePem, "CERTIFICATE")!;
    expect(() => certificateSpki(der.subarray(0, der.length - 1))).toThrow(DerError);
    expect(() => certificateSpki(new Uint8Array([...der, 0]))).toThrow(DerError);
  });

  it("throws only DerError on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          certificateSpki(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(DerError);
        }
      }),
    );
  });
});

describe("ecdsaDerToRaw", () => {
  it("pads short integers and drops the sign byte", () => {
    const der = new Uint8Array([0x30, 0x08, 0x02, 0x02, 0x00, 0x80, 0x02, 0x02, 0x01, 0x02]);
    const raw = ecdsaDerToRaw(der, 4);
    expect([...raw]).toEqual([0, 0, 0, 0x80, 0, 0, 1, 2]);
  });

  it("refuses an integer larger than the curve", () => {
    expect(() => ecdsaDerToRaw(new Uint8Array([0x30, 0x06, 0x02, 0x02, 0x01, 0x01, 0x02, 0x00]), 1)).toThrow(DerError);
  });

  it("turns any two integers of at most size bytes back into them", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 32 }), fc.uint8Array({ minLength: 1, maxLength: 32 }), (r, s) => {
        const integer = (bytes: Uint8Array) => (bytes[0]! & 0x80 ? [0x02, bytes.length + 1, 0, ...bytes] : [0x02, bytes.length, ...bytes]);
        const body = [...integer(r), ...integer(s)];
        const raw = ecdsaDerToRaw(new Uint8Array([0x30, body.length, ...body]), 32);
        expect(BigInt(`0x0${toHex(raw.subarray(0, 32))}`)).toBe(BigInt(`0x0${toHex(r)}`));
        expect(BigInt(`0x0${toHex(raw.subarray(32))}`)).toBe(BigInt(`0x0${toHex(s)}`));
      }),
    );
  });
});

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
