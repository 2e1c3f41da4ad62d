import { X509Certificate, createPrivateKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { selfSignedCertificate } from "./self-signed-certificate";

describe("selfSignedCertificate", () => {
  it("makes a certificate that names the host, is valid now and is signed by its own key", () => {
    const { cert, key } = selfSignedCertificate("mx.test");
    const certificate = new X509Certificate(cert);
    expect(certificate.subject).toBe("CN=mx.test");
    expect(certificate.issuer).toBe("CN=mx.test");
    expect(new Date(certificate.validFrom).getTime()).toBeLessThan(Date.now());
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(key))).toBe(true);
  });
});
