// Reads an X.509 certificate the way SAML documents and users hand it over: bare base64 from a
// <ds:X509Certificate> element (often wrapped, indented, CRLF) or PEM pasted from a console.
//
// Pulumi's closure serializer copies this module by value into the dynamic provider, so it holds only top-level
// functions and primitive constants, and imports nothing but a Node built-in and ../safeText (same rules).
import { X509Certificate } from "node:crypto";
import { quoteText } from "../safeText";

/** Facts about one X.509 certificate. */
export interface CertificateFacts {
    /** Canonical PEM: `-----BEGIN CERTIFICATE-----\n`, base64 DER in 64-character lines, `\n-----END CERTIFICATE-----\n`. */
    pem: string;
    /** SHA-256 of the DER, uppercase colon-separated hex, exactly as `X509Certificate.fingerprint256` prints it. */
    sha256: string;
    /** Start of validity, ISO 8601 UTC (e.g. `2027-01-31T12:00:00.000Z`). */
    notBefore: string;
    /** End of validity, ISO 8601 UTC. */
    notAfter: string;
    /** Subject distinguished name as node:crypto prints it (one `KEY=value` per line). */
    subject: string;
}

// RFC 7468 line width, which is also what `openssl x509` and node:crypto print.
const PEM_LINE_WIDTH = 64;

/**
 * Reads a certificate given as PEM or as bare base64 (whitespace and line breaks allowed anywhere).
 *
 * @param text PEM (`-----BEGIN CERTIFICATE-----` ... `-----END CERTIFICATE-----`) or bare base64 DER.
 * @param what Names the value in error messages, e.g. `SAML metadata: signing certificate 2 of 3`.
 * @throws Error whose message starts with `${what}: ` and says why the text is not a certificate
 *   (empty, wrong PEM label, not base64, or not an X.509 certificate).
 */
export function readCertificate(text: string, what: string): CertificateFacts {
    const body = pemBody(text, what).replace(/\s+/g, "");
    if (body === "") {
        throw new Error(`${what}: empty: there is no base64 certificate text.`);
    }
    const bad = /[^A-Za-z0-9+/=]/.exec(body);
    if (bad) {
        throw new Error(`${what}: not base64: it contains the character ${quoteText(bad[0])}.`);
    }
    // Buffer.from(..., "base64") silently skips misplaced padding and truncation, so the shape is checked first:
    // a damaged certificate must fail here with a clear reason rather than as an obscure DER error.
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) {
        throw new Error(`${what}: not base64: "=" padding appears before the end of the text.`);
    }
    if (body.length % 4 !== 0) {
        throw new Error(`${what}: not base64: ${body.length} characters is not a multiple of 4 (truncated text?).`);
    }
    const der = Buffer.from(body, "base64");
    let certificate: X509Certificate;
    try {
        certificate = new X509Certificate(der);
    } catch {
        // OpenSSL's wording changes between Node releases and means nothing to the person holding the metadata,
        // so the raw error is replaced rather than chained.
        throw new Error(
            `${what}: not an X.509 certificate: the base64 decodes to ${der.length} bytes that are not a DER-encoded certificate.`,
        );
    }
    // node:crypto accepts DER followed by trailing bytes, and PEM text inside the buffer; either way the bytes
    // are not the certificate the fingerprint would describe, so only an exact DER round trip is accepted.
    if (!certificate.raw.equals(der)) {
        throw new Error(
            `${what}: not an X.509 certificate: the base64 decodes to ${der.length} bytes that are not exactly one ` +
                `DER-encoded certificate (node:crypto read a ${certificate.raw.length}-byte certificate from them).`,
        );
    }
    const canonical = certificate.raw.toString("base64");
    const lines: string[] = [];
    for (let i = 0; i < canonical.length; i += PEM_LINE_WIDTH) {
        lines.push(canonical.slice(i, i + PEM_LINE_WIDTH));
    }
    return {
        pem: `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`,
        sha256: certificate.fingerprint256,
        notBefore: certificateTime(certificate.validFrom, what),
        notAfter: certificateTime(certificate.validTo, what),
        subject: certificate.subject,
    };
}

/** The base64 inside PEM armour, or the text itself when it has none. */
function pemBody(text: string, what: string): string {
    if (!text.includes("-----BEGIN")) {
        return text;
    }
    const match = /^\s*-----BEGIN ([^-]*)-----([\s\S]*?)-----END ([^-]*)-----\s*$/.exec(text);
    if (!match) {
        throw new Error(`${what}: not a certificate: the PEM text has no matching "-----END" line.`);
    }
    if (match[2].includes("-----")) {
        throw new Error(`${what}: not a certificate: the PEM text holds more than one block; give exactly one certificate.`);
    }
    if (match[1] !== "CERTIFICATE" || match[3] !== "CERTIFICATE") {
        throw new Error(`${what}: not a certificate: the PEM block is labelled ${quoteText(match[1])}, not "CERTIFICATE".`);
    }
    return match[2];
}

/** node:crypto prints validity as `Jan 31 12:00:00 2027 GMT`; this turns it into ISO 8601 UTC. */
function certificateTime(printed: string, what: string): string {
    const time = new Date(printed);
    if (Number.isNaN(time.getTime())) {
        throw new Error(`${what}: not a usable X.509 certificate: its validity time ${quoteText(printed)} cannot be read.`);
    }
    return time.toISOString();
}
