// A real, self-signed X.509 signing certificate for test mocks, made in memory without any network connection.
//
// Why node-forge: node:crypto reads X.509 certificates but cannot create them, and a certificate needs an ASN.1
// encoder and a signer. node-forge (https://github.com/digitalbazaar/forge) is maintained, has no dependencies of its
// own, and signs synchronously, which keeps the mocks simple; @peculiar/x509 would also do, but it pulls about ten
// packages (tslib, reflect-metadata, tsyringe, @peculiar/asn1-*) and only signs through WebCrypto's async API.
// It is required here, inside the function, so that only a test that calls zeroTrustAwsSsoMocks() ever loads it:
// neither the component's entry nor the CLI imports this module.
import { generateKeyPairSync } from "node:crypto";
import type * as Forge from "node-forge";

/** A generated certificate, in the two forms SAML needs. */
export interface MockSigningCertificate {
    /** PEM, as Cloudflare returns `saasApp.publicKey`. */
    pem: string;
    /** The base64 DER body, as it appears inside `<ds:X509Certificate>`. */
    base64: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issues a self-signed RSA 2048 certificate for `commonName`, valid from one day ago for `validityDays` days.
 * The key comes from node:crypto (forge's pure-JavaScript key generation takes seconds).
 */
export function mockSigningCertificate(commonName: string, validityDays: number, now = new Date()): MockSigningCertificate {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use only (see the header)
    const forge = require("node-forge") as typeof Forge;
    const { publicKey, privateKey } = generateKeyPairSync("rsa", {
        modulusLength: 2048,
        publicKeyEncoding: { type: "spki", format: "pem" },
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
    // A positive serial (leading hex digit below 8) of 16 random bytes, as RFC 5280 section 4.1.2.2 asks.
    cert.serialNumber = "01" + forge.util.bytesToHex(forge.random.getBytesSync(15));
    cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
    cert.validity.notAfter = new Date(now.getTime() + validityDays * DAY_MS);
    const subject = [{ name: "commonName", value: commonName }];
    cert.setSubject(subject);
    cert.setIssuer(subject);
    cert.setExtensions([{ name: "basicConstraints", cA: false }]);
    cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
    const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
    return { pem: forge.pki.certificateToPem(cert), base64: forge.util.encode64(der) };
}

/**
 * A SAML 2.0 IdP metadata document shaped like the one Cloudflare publishes for an Access for SaaS application
 * (docs/cloudflare.md): one signing certificate, Name ID format email, HTTP-Redirect and HTTP-POST sign-in.
 */
export function mockMetadataDocument(entityId: string, ssoUrl: string, certificateBase64: string): string {
    const binding = (name: string): string =>
        `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${name}" Location="${ssoUrl}"/>\n`;
    return (
        `<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">\n` +
        `  <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n` +
        `    <md:KeyDescriptor use="signing">\n` +
        `      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\n` +
        `        <ds:X509Data><ds:X509Certificate>${certificateBase64}</ds:X509Certificate></ds:X509Data>\n` +
        `      </ds:KeyInfo>\n` +
        `    </md:KeyDescriptor>\n` +
        `    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>\n` +
        binding("HTTP-Redirect") +
        binding("HTTP-POST") +
        `  </md:IDPSSODescriptor>\n` +
        `</md:EntityDescriptor>\n`
    );
}
