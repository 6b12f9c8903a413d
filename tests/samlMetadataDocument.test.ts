// The metadata reader is the last check before a person uploads the file to IAM Identity Center, so every refusal
// is asserted with its exact message: the message is the product.
import * as assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { parseSamlMetadata, SamlMetadataFacts } from "../components/metadata/samlMetadataDocument";
import { readCertificate } from "../components/metadata/signingCertificate";
import { issueCertificate, IssuedCertificate } from "../harness/certificates";
import { HTTP_POST, HTTP_REDIRECT, metadataDocument, MetadataDocumentOptions } from "../harness/metadataDocument";

// A fixed clock: validity windows below are absolute, so the suite means the same thing on any day.
const NOW = new Date("2026-11-01T00:00:00.000Z");
const ENTITY_ID = "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/4c6f1b0e";
const SSO_URL = "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/4c6f1b0e";

function certificate(serial: string, notBefore: string, notAfter: string): IssuedCertificate {
    return issueCertificate({ serial, commonName: "Cloudflare Access", notBefore: new Date(notBefore), notAfter: new Date(notAfter) });
}

const current = certificate("0a01", "2026-01-01T00:00:00Z", "2027-06-01T12:00:00Z");
const later = certificate("0a02", "2026-06-01T00:00:00Z", "2028-01-01T00:00:00Z");
const sameEnd = certificate("0a03", "2026-02-01T00:00:00Z", "2027-06-01T12:00:00Z");
const expiring = certificate("0a04", "2025-11-20T08:00:00Z", "2026-11-20T08:00:00Z");
const expired = certificate("0a05", "2025-10-01T00:00:00Z", "2026-10-01T00:00:00Z");
const notYetValid = certificate("0a06", "2026-12-01T00:00:00Z", "2029-01-01T00:00:00Z");
const encryption = certificate("0a07", "2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z");

/** forge prints PEM with CRLF; the reader's canonical PEM uses LF. */
function pem(c: IssuedCertificate): string {
    return c.certPem.replace(/\r\n/g, "\n");
}

function sha256(c: IssuedCertificate): string {
    return new X509Certificate(c.certPem).fingerprint256;
}

function doc(overrides: Partial<MetadataDocumentOptions> = {}): string {
    return metadataDocument({ entityId: ENTITY_ID, ssoUrl: SSO_URL, certificates: [current.base64], ...overrides });
}

/** Asserts a plain Error (no subclass, so no xmldom ParseError or crypto error leaks) with exactly this message. */
function assertRefused(action: () => unknown, message: string): void {
    assert.throws(action, (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.equal(Object.getPrototypeOf(error), Error.prototype);
        assert.equal(error.message, message);
        assert.equal((error as Error & { cause?: unknown }).cause, undefined);
        return true;
    });
}

function refused(xml: string, message: string, expected?: Parameters<typeof parseSamlMetadata>[1]): void {
    assertRefused(() => parseSamlMetadata(xml, expected, NOW), message);
}

const DOCTYPE_REFUSAL = (name: string): string =>
    `SAML metadata: the document has a DOCTYPE declaration (<!DOCTYPE ${name}>); DTDs are refused because their ` +
    `entities can expand without bound or read local files, and SAML metadata never needs one.`;

function billionLaughs(prefix: string): string {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) {
        levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    }
    return `${prefix}<!DOCTYPE lolz [${levels.join("")}]>\n<lolz a="&lol9;">&lol9;</lolz>`;
}

describe("readCertificate", () => {
    it("reads PEM, bare base64 and wrapped base64 to the same facts", () => {
        const fromPem = readCertificate(current.certPem, "cert");
        const wrapped = current.base64.replace(/(.{76})/g, "$1\r\n").replace(/(.{7})/, "$1 \t ");
        assert.deepEqual(readCertificate(current.base64, "cert"), fromPem);
        assert.deepEqual(readCertificate(`\r\n  ${wrapped}\r\n`, "cert"), fromPem);
        assert.deepEqual(readCertificate(current.certPem.replace(/\n/g, "\r\n"), "cert"), fromPem);
        assert.deepEqual(fromPem, {
            pem: pem(current),
            sha256: sha256(current),
            notBefore: "2026-01-01T00:00:00.000Z",
            notAfter: "2027-06-01T12:00:00.000Z",
            subject: "CN=Cloudflare Access",
        });
    });

    it("prints canonical PEM: 64-character lines and one trailing newline", () => {
        const { pem } = readCertificate(current.base64, "cert");
        const lines = pem.split("\n");
        assert.equal(lines[0], "-----BEGIN CERTIFICATE-----");
        assert.equal(lines.at(-2), "-----END CERTIFICATE-----");
        assert.equal(lines.at(-1), "");
        const body = lines.slice(1, -2);
        assert.ok(body.slice(0, -1).every((l) => l.length === 64));
        assert.ok(body.at(-1)!.length > 0 && body.at(-1)!.length <= 64);
        assert.equal(body.join(""), current.base64);
    });

    it("says why text is not a certificate", () => {
        const what = "SAML metadata: expected certificate";
        assertRefused(() => readCertificate(" \n ", what), `${what}: empty: there is no base64 certificate text.`);
        assertRefused(() => readCertificate("MIIC!wTCC", what), `${what}: not base64: it contains the character "!".`);
        assertRefused(() => readCertificate("MII=CwTCC", what), `${what}: not base64: "=" padding appears before the end of the text.`);
        assertRefused(
            () => readCertificate(current.base64.slice(0, 101), what),
            `${what}: not base64: 101 characters is not a multiple of 4 (truncated text?).`,
        );
        assertRefused(
            () => readCertificate(Buffer.from("Hello, world").toString("base64"), what),
            `${what}: not an X.509 certificate: the base64 decodes to 12 bytes that are not a DER-encoded certificate.`,
        );
        const der = Buffer.from(current.base64, "base64");
        assertRefused(
            () => readCertificate(Buffer.concat([der, Buffer.from([0, 0, 0])]).toString("base64"), what),
            `${what}: not an X.509 certificate: the base64 decodes to ${der.length + 3} bytes that are not exactly one ` +
                `DER-encoded certificate (node:crypto read a ${der.length}-byte certificate from them).`,
        );
        assertRefused(
            () => readCertificate(current.certPem.replace(/CERTIFICATE/g, "PUBLIC KEY"), what),
            `${what}: not a certificate: the PEM block is labelled "PUBLIC KEY", not "CERTIFICATE".`,
        );
        assertRefused(
            () => readCertificate(current.certPem.replace(/-----END[\s\S]*/, ""), what),
            `${what}: not a certificate: the PEM text has no matching "-----END" line.`,
        );
        assertRefused(
            () => readCertificate(current.certPem + later.certPem, what),
            `${what}: not a certificate: the PEM text holds more than one block; give exactly one certificate.`,
        );
    });
});

describe("parseSamlMetadata", () => {
    const baseline: SamlMetadataFacts = {
        entityId: ENTITY_ID,
        ssoUrl: SSO_URL,
        signingCertificate: pem(current),
        signingCertificateSha256: sha256(current),
        signingCertificateNotAfter: "2027-06-01T12:00:00.000Z",
        warnings: [],
    };

    describe("accepts", () => {
        it("a document as Cloudflare Access is expected to publish it", () => {
            assert.deepEqual(parseSamlMetadata(doc(), {}, NOW), baseline);
            assert.deepEqual(parseSamlMetadata(doc(), undefined, NOW), baseline);
        });

        it("every spelling of the same document with identical results", () => {
            const spaced = current.base64.replace(/(.{10})/g, "$1 ");
            const variants: Record<string, string> = {
                "md: prefix": doc({ prefix: "md" }),
                "default namespace": doc({ prefix: "" }),
                "unusual prefix": doc({ prefix: "saml2md" }),
                "no dsig prefix": doc({ dsPrefix: "" }),
                "no prefixes at all": doc({ prefix: "", dsPrefix: "" }),
                "unusual dsig prefix": doc({ dsPrefix: "sig" }),
                "UTF-8 BOM": doc({ bom: true }),
                CRLF: doc({ newline: "\r\n" }),
                "wrapped base64 with CRLF and BOM": doc({ wrapCertificateAt: 64, newline: "\r\n", bom: true }),
                "wrapped base64 at 76": doc({ wrapCertificateAt: 76 }),
                "spaces inside the base64": doc({ certificates: [spaced] }),
                "KeyDescriptor without use": doc({ useSigning: false }),
                "an encryption key besides": doc({ encryptionCertificates: [encryption.base64] }),
                "DOCTYPE mentioned in comments": doc({
                    prolog: '<!-- not a <!DOCTYPE x [<!ENTITY e "x">]> -->\n<?note <!DOCTYPE?>\n',
                    descriptorPrefix: "    <!-- <!DOCTYPE html> <!ENTITY e SYSTEM 'file:///etc/passwd'> -->\n",
                }),
                "a replacement character from a wrong charset": doc({
                    descriptorPrefix: '<md:Extensions><x xmlns="urn:example">Caf\uFFFD</x></md:Extensions>',
                }),
            };
            for (const [name, xml] of Object.entries(variants)) {
                assert.deepEqual(parseSamlMetadata(xml, {}, NOW), baseline, name);
            }
        });

        it("expectations that match, with the certificate as PEM or wrapped base64", () => {
            const expected = { entityId: ENTITY_ID, ssoUrl: SSO_URL, certificate: current.certPem };
            assert.deepEqual(parseSamlMetadata(doc(), expected, NOW), baseline);
            const wrapped = current.base64.replace(/(.{64})/g, "$1\n");
            assert.deepEqual(parseSamlMetadata(doc({ prefix: "" }), { ...expected, certificate: wrapped }, NOW), baseline);
        });

        it("the one SSO URL every SingleSignOnService names, in any binding", () => {
            const services = (...list: [string, string | undefined][]) =>
                doc({ ssoServices: list.map(([binding, location]) => ({ binding, location })) });
            const soap = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP";
            const same = services(
                [HTTP_POST, "https://p.example/sso"],
                [HTTP_REDIRECT, "https://p.example/sso"],
                [soap, "https://p.example/sso"],
            );
            assert.equal(parseSamlMetadata(same, {}, NOW).ssoUrl, "https://p.example/sso");
            assert.equal(parseSamlMetadata(same, { ssoUrl: "https://p.example/sso" }, NOW).ssoUrl, "https://p.example/sso");
            // An element without a Location is no second URL.
            const oneLocated = services([HTTP_REDIRECT, undefined], [soap, "https://p.example/soap"]);
            assert.equal(parseSamlMetadata(oneLocated, {}, NOW).ssoUrl, "https://p.example/soap");
        });

        it("the same answer on every call: nothing but `now` is read", () => {
            const first = parseSamlMetadata(doc({ certificates: [expiring.base64] }), {}, NOW);
            const second = parseSamlMetadata(doc({ certificates: [expiring.base64] }), {}, new Date(NOW.getTime()));
            assert.deepEqual(second, first);
        });
    });

    describe("refuses documents that are not SAML 2.0 IdP metadata", () => {
        it("empty", () => {
            for (const xml of ["", "  \r\n\t", "\uFEFF", "\uFEFF \n"]) {
                refused(xml, "SAML metadata: the document is empty.");
            }
        });

        it("not XML", () => {
            refused(
                '{"success":false,"errors":[{"code":10000}]}',
                'SAML metadata: the document is not XML; it starts with "{\\"success\\":false,\\"errors\\":[{\\"code\\"…" (43 characters).',
            );
            refused("not found", 'SAML metadata: the document is not XML; it starts with "not found".');
            assertRefused(
                () => parseSamlMetadata(undefined as unknown as string, {}, NOW),
                "SAML metadata: expected the document as a string but got undefined.",
            );
        });

        it("truncated or otherwise malformed XML, with xmldom's reason and position", () => {
            const full = doc();
            refused(
                full.slice(0, full.indexOf("</ds:X509Certificate>")),
                "SAML metadata: the document is not well-formed XML: unclosed xml tag(s): md:EntityDescriptor, " +
                    "md:IDPSSODescriptor, md:KeyDescriptor, ds:KeyInfo, ds:X509Data, ds:X509Certificate (line 6, column 22).",
            );
            refused(
                full.slice(0, full.length - 5),
                'SAML metadata: the document is not well-formed XML: end tag name contains invalid characters: "md:EntityDescrip" (line 12, column 25).',
            );
            refused(
                full.replace('WantAuthnRequestsSigned="true"', "WantAuthnRequestsSigned=true"),
                'SAML metadata: the document is not well-formed XML: attribute "true" missed quot(")!! (line 3, column 3).',
            );
            refused(
                full.replace("<md:NameIDFormat>", "<md:NameIDFormat>&nbsp;"),
                "SAML metadata: the document is not well-formed XML: entity not found:&nbsp; (line 9, column 5).",
            );
            refused(
                full + "<x/>",
                "SAML metadata: the document is not well-formed XML: Error constructing the DOM: " +
                    "HierarchyRequestError: Only one element can be added and only after doctype (line 14, column 1).",
            );
            refused(
                "<md:EntityDescriptor entityID='x'/>",
                "SAML metadata: the document is not well-formed XML: Error constructing the DOM: NamespaceError: prefix is non-null and namespace is null (line 1, column 1).",
            );
        });

        it("an HTML page", () => {
            refused(
                "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>",
                "SAML metadata: the document is an HTML page (<!DOCTYPE html>), not SAML metadata.",
            );
            refused("<!doctype html><html></html>", "SAML metadata: the document is an HTML page (<!DOCTYPE html>), not SAML metadata.");
            refused(
                '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
                'SAML metadata: the root element must be EntityDescriptor in namespace "urn:oasis:names:tc:SAML:2.0:metadata", ' +
                    'but it is "html" in namespace "http://www.w3.org/1999/xhtml".',
            );
        });

        it("a root other than EntityDescriptor in the SAML 2.0 metadata namespace", () => {
            const prefix =
                'SAML metadata: the root element must be EntityDescriptor in namespace "urn:oasis:names:tc:SAML:2.0:metadata", but it is ';
            refused(
                `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${doc().replace(/^<\?xml[^>]*>/, "")}</md:EntitiesDescriptor>`,
                `${prefix}"EntitiesDescriptor" in namespace "urn:oasis:names:tc:SAML:2.0:metadata". ` +
                    "An aggregate of several entities is not supported (it holds 1 EntityDescriptor): IAM Identity Center takes one " +
                    "identity provider, and which entity it would use is not defined; give the metadata of the one Access application.",
            );
            refused(
                doc().replace('xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"', 'xmlns:md="urn:oasis:names:tc:SAML:1.0:metadata"'),
                `${prefix}"EntityDescriptor" in namespace "urn:oasis:names:tc:SAML:1.0:metadata".`,
            );
            refused(
                '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="1"/>',
                `${prefix}"Response" in namespace "urn:oasis:names:tc:SAML:1.0:protocol".`,
            );
            refused(`<EntityDescriptor entityID="${ENTITY_ID}"/>`, `${prefix}"EntityDescriptor" in no namespace.`);
        });

        it("a missing or empty entityID", () => {
            refused(doc({ omitEntityId: true }), "SAML metadata: the EntityDescriptor has no entityID attribute.");
            refused(doc({ entityId: " " }), "SAML metadata: the EntityDescriptor's entityID attribute is empty.");
        });

        it("no IDPSSODescriptor", () => {
            refused(
                doc({ roleDescriptor: "SPSSODescriptor" }),
                "SAML metadata: the EntityDescriptor has no IDPSSODescriptor (found: SPSSODescriptor); it does not describe an identity provider.",
            );
            refused(
                '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="e"/>',
                "SAML metadata: the EntityDescriptor has no IDPSSODescriptor (found: no child elements); it does not describe an identity provider.",
            );
        });

        it("an IDPSSODescriptor without SAML 2.0 in protocolSupportEnumeration", () => {
            refused(
                doc({ protocolSupportEnumeration: "urn:oasis:names:tc:SAML:1.1:protocol urn:oasis:names:tc:SAML:2.0:protocolX" }),
                "SAML metadata: the IDPSSODescriptor does not support SAML 2.0: protocolSupportEnumeration is " +
                    '"urn:oasis:names:tc:SAML:1.1:protocol urn:oasis:names:tc:SAML:2.0:protocolX", which lacks "urn:oasis:names:tc:SAML:2.0:protocol".',
            );
            refused(
                doc({ protocolSupportEnumeration: null }),
                "SAML metadata: the IDPSSODescriptor does not support SAML 2.0: protocolSupportEnumeration is missing, " +
                    'which lacks "urn:oasis:names:tc:SAML:2.0:protocol".',
            );
            const extra = " urn:oasis:names:tc:SAML:1.1:protocol\t";
            assert.deepEqual(
                parseSamlMetadata(doc({ protocolSupportEnumeration: `${extra}urn:oasis:names:tc:SAML:2.0:protocol` }), {}, NOW),
                baseline,
            );
        });

        it("no SingleSignOnService with a Location", () => {
            refused(doc({ ssoServices: [] }), "SAML metadata: the IDPSSODescriptor has no SingleSignOnService element.");
            refused(
                doc({ ssoServices: [{ binding: HTTP_REDIRECT }, { binding: HTTP_POST, location: " " }] }),
                "SAML metadata: none of the IDPSSODescriptor's 2 SingleSignOnService elements has a Location.",
            );
        });

        it("no signing certificate", () => {
            refused(
                doc({ certificates: [] }),
                "SAML metadata: the IDPSSODescriptor has no signing certificate: it has no KeyDescriptor element.",
            );
            refused(
                doc({ certificates: [], encryptionCertificates: [encryption.base64, current.base64] }),
                'SAML metadata: the IDPSSODescriptor has no signing certificate: its KeyDescriptor elements have use="encryption" only.',
            );
            refused(
                doc({
                    certificates: [],
                    descriptorPrefix:
                        '<md:KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><KeyName>k1</KeyName></KeyInfo></md:KeyDescriptor>' +
                        // An X509Certificate outside the XML-DSig namespace is not one.
                        "<md:KeyDescriptor><X509Certificate>" +
                        current.base64 +
                        "</X509Certificate></md:KeyDescriptor>",
                }),
                "SAML metadata: the IDPSSODescriptor has no signing certificate: its signing KeyDescriptor elements hold no X509Certificate.",
            );
        });

        it("certificate text that is not base64 or not X.509", () => {
            refused(
                doc({ certificates: ["MIIC$$wTCC"] }),
                'SAML metadata: signing certificate: not base64: it contains the character "$".',
            );
            refused(doc({ certificates: [""] }), "SAML metadata: signing certificate: empty: there is no base64 certificate text.");
            refused(
                doc({ certificates: [current.base64, "AAAA"] }),
                "SAML metadata: signing certificate 2 of 2: not an X.509 certificate: the base64 decodes to 3 bytes that are not a DER-encoded certificate.",
            );
            refused(doc(), 'SAML metadata: expected certificate: not base64: it contains the character "%".', { certificate: "MIIC%wTCC" });
            refused(doc(), 'SAML metadata: expected certificate: not a certificate: the PEM text has no matching "-----END" line.', {
                certificate: "-----BEGIN CERTIFICATE-----\nMIIC",
            });
        });
    });

    describe("judges certificate validity at `now`", () => {
        it("refuses an expired certificate, giving the date", () => {
            refused(
                doc({ certificates: [expired.base64] }),
                `SAML metadata: the signing certificate SHA-256 ${sha256(expired)} expired on 2026-10-01T00:00:00.000Z.`,
            );
        });

        it("refuses a certificate that is not valid yet", () => {
            refused(
                doc({ certificates: [notYetValid.base64] }),
                `SAML metadata: the signing certificate SHA-256 ${sha256(notYetValid)} is not valid until 2026-12-01T00:00:00.000Z.`,
            );
        });

        it("accepts a certificate that expires within 30 days, with a warning giving the date", () => {
            const facts = parseSamlMetadata(doc({ certificates: [expiring.base64] }), {}, NOW);
            assert.equal(facts.signingCertificateNotAfter, "2026-11-20T08:00:00.000Z");
            assert.deepEqual(facts.warnings, [
                `signing certificate ${sha256(expiring)} expires on 2026-11-20T08:00:00.000Z (in 19 days); before then, ` +
                    "IAM Identity Center must receive metadata with the replacement certificate, or sign-ins will fail.",
            ]);
            const lastDay = parseSamlMetadata(doc({ certificates: [expiring.base64] }), {}, new Date("2026-11-20T00:00:00.000Z"));
            assert.match(lastDay.warnings[0], /expires on 2026-11-20T08:00:00.000Z \(in less than a day\);/);
            const thirtyOneDays = parseSamlMetadata(doc({ certificates: [expiring.base64] }), {}, new Date("2026-10-20T08:00:00.000Z"));
            assert.deepEqual(thirtyOneDays.warnings, []);
        });

        it("refuses an invalid `now`", () => {
            assertRefused(
                () => parseSamlMetadata(doc(), {}, new Date("nonsense")),
                'SAML metadata: "now" must be a valid Date but got Invalid Date.',
            );
        });
    });

    describe("chooses among several signing certificates (rotation)", () => {
        it("the latest notAfter without an expectation, the first one on a tie", () => {
            const facts = parseSamlMetadata(doc({ certificates: [current.base64, later.base64] }), {}, NOW);
            assert.equal(facts.signingCertificateSha256, sha256(later));
            assert.equal(facts.signingCertificate, pem(later));
            assert.equal(facts.signingCertificateNotAfter, "2028-01-01T00:00:00.000Z");
            assert.equal(
                parseSamlMetadata(doc({ certificates: [sameEnd.base64, current.base64] }), {}, NOW).signingCertificateSha256,
                sha256(sameEnd),
            );
            assert.equal(
                parseSamlMetadata(doc({ certificates: [current.base64, sameEnd.base64] }), {}, NOW).signingCertificateSha256,
                sha256(current),
            );
        });

        it("ignores expired and not-yet-valid extras when a valid one exists", () => {
            const xml = doc({ certificates: [expired.base64, notYetValid.base64, current.base64] });
            assert.deepEqual(parseSamlMetadata(xml, {}, NOW), baseline);
        });

        it("refuses when none is valid, listing each", () => {
            refused(
                doc({ certificates: [expired.base64, notYetValid.base64] }),
                "SAML metadata: none of the 2 signing certificates is valid at 2026-11-01T00:00:00.000Z: " +
                    `SHA-256 ${sha256(expired)} expired on 2026-10-01T00:00:00.000Z; ` +
                    `SHA-256 ${sha256(notYetValid)} is not valid until 2026-12-01T00:00:00.000Z.`,
            );
        });

        it("the one with the expected DER, even when another lasts longer", () => {
            const xml = doc({ certificates: [later.base64, current.base64], wrapCertificateAt: 64 });
            assert.deepEqual(parseSamlMetadata(xml, { certificate: current.base64 }, NOW), baseline);
        });

        it("refuses when the expected certificate is absent, listing expected and present SHA-256s", () => {
            refused(
                doc({ certificates: [current.base64, later.base64] }),
                `SAML metadata: the expected signing certificate (SHA-256 ${sha256(sameEnd)}) is not in the document, ` +
                    `which has SHA-256 ${sha256(current)}, ${sha256(later)}.`,
                { certificate: sameEnd.certPem },
            );
        });

        it("refuses the expected certificate when it has expired, even though another is valid", () => {
            refused(
                doc({ certificates: [expired.base64, current.base64] }),
                `SAML metadata: the signing certificate SHA-256 ${sha256(expired)} expired on 2026-10-01T00:00:00.000Z.`,
                { certificate: expired.certPem },
            );
        });
    });

    describe("checks expectations", () => {
        it("entityID mismatch shows both values", () => {
            refused(
                doc(),
                `SAML metadata: entityID mismatch: expected "https://acme.cloudflareaccess.com/other" but the document has "${ENTITY_ID}".`,
                { entityId: "https://acme.cloudflareaccess.com/other" },
            );
            // Exact equality: a trailing slash is a different SAML entity.
            refused(doc(), `SAML metadata: entityID mismatch: expected "${ENTITY_ID}/" but the document has "${ENTITY_ID}".`, {
                entityId: `${ENTITY_ID}/`,
            });
        });

        it("ssoUrl mismatch shows the expected URL and every Location", () => {
            refused(
                doc({
                    ssoServices: [
                        { binding: HTTP_REDIRECT, location: "https://p.example/a" },
                        { binding: HTTP_POST, location: "https://p.example/b" },
                        { binding: "urn:x", location: "https://p.example/a" },
                    ],
                }),
                'SAML metadata: ssoUrl mismatch: expected "https://p.example/c" but the document\'s SingleSignOnService Locations are "https://p.example/a", "https://p.example/b".',
                { ssoUrl: "https://p.example/c" },
            );
        });
    });

    describe("refuses DTDs before anything is expanded", () => {
        // Generous bounds: these guard against expansion (seconds and gigabytes), not against a slow machine.
        it("a billion-laughs entity bomb, fast", () => {
            const start = process.hrtime.bigint();
            refused(billionLaughs('<?xml version="1.0"?>\n'), DOCTYPE_REFUSAL("lolz"));
            assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 1000);
        });

        it("an external entity", () => {
            refused('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', DOCTYPE_REFUSAL("x"));
            refused(
                doc({ prolog: '<!DOCTYPE md:EntityDescriptor SYSTEM "http://127.0.0.1:1/evil.dtd">\n' }),
                DOCTYPE_REFUSAL("md:EntityDescriptor"),
            );
        });

        it("a DOCTYPE after a comment that mentions one", () => {
            refused(
                doc({ prolog: "<!-- <!DOCTYPE decoy> -->\n<?pi x?>\n<!DOCTYPE md:EntityDescriptor>\n" }),
                DOCTYPE_REFUSAL("md:EntityDescriptor"),
            );
        });

        it("a DOCTYPE the prolog scan does not see still stops in xmldom, without expansion", () => {
            // U+2028 is not XML whitespace, so the scan stops at it; xmldom turns it into a line feed and goes on
            // to the DTD, which this exercises: an entity reference, and a DOCTYPE with no reference at all.
            const start = process.hrtime.bigint();
            refused(billionLaughs("\u2028"), DOCTYPE_REFUSAL("lolz"));
            assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 1000);
            refused('\u2028<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', DOCTYPE_REFUSAL("x"));
            refused(`\u2028<!DOCTYPE md:EntityDescriptor>${doc().replace(/^<\?xml[^>]*>/, "")}`, DOCTYPE_REFUSAL("md:EntityDescriptor"));
        });

        it("a DOCTYPE inside the document, as malformed XML", () => {
            refused(
                doc({ descriptorPrefix: "<!DOCTYPE x>" }),
                "SAML metadata: the document is not well-formed XML: Doctype not allowed inside or after documentElement at position 308 (line 4, column 1).",
            );
        });
    });
});
