// Test-only X.509 factory. node-forge builds and signs the certificates; the RSA keys come from node:crypto
// because forge's pure-JS key generation takes seconds per key.
import { generateKeyPairSync } from "node:crypto";
import * as forge from "node-forge";

/** A key pair and the certificate for it, both PEM. */
export interface IssuedCertificate {
    certPem: string;
    keyPem: string;
    /** The certificate body as it appears inside `<ds:X509Certificate>`: base64 DER, no armour, no line breaks. */
    base64: string;
}

export interface CertificateOptions {
    commonName?: string;
    notBefore?: Date;
    notAfter?: Date;
    /** DNS names and IP addresses for a server certificate's subjectAltName. */
    altNames?: { dns?: string[]; ip?: string[] };
    /** Sign with this CA instead of self-signing. */
    issuer?: IssuedCertificate;
    isCa?: boolean;
    serial?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// One key pair shared by every certificate of a test process: generating RSA keys dominates the cost otherwise,
// and nothing under test depends on the keys being distinct (fingerprints differ through serial and validity).
let sharedKeys: { publicKey: string; privateKey: string } | undefined;
function keys(): { publicKey: string; privateKey: string } {
    sharedKeys ??= generateKeyPairSync("rsa", {
        modulusLength: 2048,
        publicKeyEncoding: { type: "spki", format: "pem" },
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    return sharedKeys;
}

let serialCounter = 1;

/** Issues a certificate (self-signed unless `issuer` is given). */
export function issueCertificate(options: CertificateOptions = {}): IssuedCertificate {
    const { publicKey, privateKey } = keys();
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
    cert.serialNumber = options.serial ?? (0x1000 + serialCounter++).toString(16);
    cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - DAY_MS);
    cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * DAY_MS);
    const subject = [{ name: "commonName", value: options.commonName ?? "test" }];
    cert.setSubject(subject);
    cert.setIssuer(options.issuer ? forge.pki.certificateFromPem(options.issuer.certPem).subject.attributes : subject);
    const extensions: object[] = [{ name: "basicConstraints", cA: options.isCa ?? false }];
    if (options.isCa) {
        extensions.push({ name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true });
    }
    if (options.altNames) {
        const altNames = [
            ...(options.altNames.dns ?? []).map((value) => ({ type: 2, value })),
            ...(options.altNames.ip ?? []).map((ip) => ({ type: 7, ip })),
        ];
        extensions.push({ name: "subjectAltName", altNames });
    }
    cert.setExtensions(extensions);
    const signingKey = forge.pki.privateKeyFromPem(options.issuer?.keyPem ?? privateKey);
    cert.sign(signingKey, forge.md.sha256.create());
    const certPem = forge.pki.certificateToPem(cert);
    const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
    return { certPem, keyPem: privateKey, base64: forge.util.encode64(der) };
}

/** A test CA and a server certificate for 127.0.0.1 and localhost signed by it. */
export interface TlsMaterial {
    ca: IssuedCertificate;
    server: IssuedCertificate;
}

let sharedTls: TlsMaterial | undefined;
/** The loopback TLS identity, made once per process. */
export function loopbackTls(): TlsMaterial {
    if (!sharedTls) {
        const ca = issueCertificate({ commonName: "zero-trust-aws-sso test CA", isCa: true });
        const server = issueCertificate({
            commonName: "localhost",
            issuer: ca,
            altNames: { dns: ["localhost"], ip: ["127.0.0.1"] },
        });
        sharedTls = { ca, server };
    }
    return sharedTls;
}

/** Days from now as a Date, for validity windows. */
export function daysFromNow(days: number): Date {
    return new Date(Date.now() + days * DAY_MS);
}
