// The SamlMetadata provider against hostile documents and servers (issue 10), through the SERIALIZED provider in one
// fresh host process, as tests/samlMetadataFaults.test.ts runs it: bounded parse work on 1 MiB pathological documents
// (answers only; timings are in bench/pathological.ts), bounded and printable messages, charsets, and ambiguous
// metadata. Every message the provider returns is checked for raw control or invisible characters and for its length.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { samlMetadataProvider as provider } from "../components/metadata/samlMetadataProvider";
import { issueCertificate } from "../harness/certificates";
import { startLoopbackServer, type LoopbackServer, type RequestHandler } from "../harness/loopbackServer";
import { metadataDocument, HTTP_POST, HTTP_REDIRECT } from "../harness/metadataDocument";
import { pathologicalDocuments } from "../harness/pathologicalDocuments";
import { startProviderHost, type ProviderHost } from "../harness/providerHost";

const CERTIFICATE = issueCertificate({ commonName: "acme hostile" });
const RETRY = { attempts: 1, minDelayMs: 20, maxDelayMs: 80 };
// Any raw C0/C1 control, DEL, bidi, zero-width or other format character, or a line/paragraph separator.
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** The documented bound on any provider message: a few quoted excerpts of 200 characters plus the prose around them. */
const MAX_MESSAGE = 2000;

interface Created {
    id: string;
    outs: Record<string, unknown>;
}

describe("SamlMetadata provider against hostile documents (serialized, in a fresh host process)", function () {
    let host: ProviderHost;
    let text: string;
    let server: LoopbackServer;
    let handler: RequestHandler;
    let ssoUrl: string;
    let entityId: string;

    before(async function () {
        this.timeout(30000);
        text = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
        host = startProviderHost(path.resolve(__dirname, ".."));
        server = await startLoopbackServer((req, res, index) => handler(req, res, index));
        ssoUrl = server.url("/cdn-cgi/access/sso/saml/abc123");
        entityId = server.url("/abc123");
    });
    after(async () => {
        host?.close();
        await server?.close();
    });

    const inputs = (extra: Record<string, unknown> = {}) => ({
        url: `${ssoUrl}/saml-metadata`,
        expectedEntityId: entityId,
        expectedSsoUrl: ssoUrl,
        allowedHosts: ["127.0.0.1"],
        timeoutMs: 5000,
        retry: RETRY,
        ...extra,
    });
    const serveBytes = (body: Buffer | string, contentType = "application/samlmetadata+xml"): void => {
        handler = (_req, res) => res.writeHead(200, { "content-type": contentType }).end(body);
    };
    const create = (extra: Record<string, unknown> = {}): Promise<Created> => host.call<Created>(text, "create", [inputs(extra)]);
    const xml = (extra: Partial<Parameters<typeof metadataDocument>[0]> = {}): string =>
        metadataDocument({ entityId, ssoUrl, certificates: [CERTIFICATE.base64], ...extra });

    /** The provider's error for a create, checked to be printable and bounded. */
    async function refusal(extra: Record<string, unknown> = {}): Promise<string> {
        try {
            await create(extra);
        } catch (err) {
            const message = (err as Error).message;
            assert.doesNotMatch(message, UNSAFE, message);
            assert.ok(message.length <= MAX_MESSAGE, `${message.length} characters: ${message.slice(0, 300)}`);
            return message;
        }
        return assert.fail("expected the create to fail");
    }

    describe("class 1: 1 MiB pathological documents are judged (timings: bench/pathological.ts)", () => {
        const expectedAnswers: [RegExp, RegExp][] = [
            [/^many distinct sibling names \(no/, /more than 2000 elements, comments and other nodes/],
            [/^many SingleSignOnService, all distinct/, /more than 2000 elements/],
            [/^many KeyDescriptor with the same/, /more than 64 namespace declarations/],
            [/^a 1 MiB entityID attribute/, /entityID mismatch: expected ".*" but the document has ".{150,}…" \(\d{7} characters\)\./],
            [/^a 1 MiB SingleSignOnService Location/, /ssoUrl mismatch: .* Locations are ".*…" \(\d{7} characters\)\./],
            [/^deep nesting/, /elements nested more than 32 deep/],
            [/^many attributes/, /an element with more than 64 attributes/],
            [/^1990 distinct sibling names/, /has no IDPSSODescriptor \(found: x0, x1, x2, x3, x4, x5, x6, x7, x8, x9 and more\)/],
            [/^17 SingleSignOnService/, /more than 16 SingleSignOnService elements/],
            [/^17 KeyDescriptor/, /more than 16 KeyDescriptor elements/],
            [/^many comments/, /more than 2000 elements, comments and other nodes/],
            [/^many character references/, /more than 4096 entity or character references/],
        ];
        it("each is refused with a clear, bounded message, or accepted", async function () {
            this.timeout(120000);
            const docs = pathologicalDocuments({ entityId, ssoUrl, certificate: CERTIFICATE.base64 });
            for (const [name, answer] of expectedAnswers) {
                const doc = docs.find((d) => name.test(d.name));
                assert.ok(doc, `no document matches ${name}`);
                serveBytes(doc.xml);
                assert.match(await refusal(), answer, doc.name);
            }
        });
    });

    describe("class 2: messages quote outside text bounded and printable", () => {
        it("ESC, BEL, bidi and zero-width characters in the entityID are escaped", async () => {
            serveBytes(xml({ entityId: `${entityId}/&#x1b;]0;owned&#x7;\u202Egnp\u200B` }));
            const message = await refusal();
            assert.ok(message.includes('/\\u001b]0;owned\\u0007<U+202E>gnp<U+200B>".'), message);
        });

        it("a server that answers with a control character in the content type", async () => {
            handler = (_req, res) => res.writeHead(200, { "content-type": "application/json\u0085x" }).end("{}");
            const message = await refusal();
            assert.match(message, /with content type application\/json\\u0085x, not XML/);
        });

        it("a redirect to a hostile Location is named bounded and printable", async () => {
            handler = (_req, res) => res.writeHead(302, { location: `https://evil.example/${"a".repeat(5000)}` }).end();
            const message = await refusal();
            assert.match(message, /redirected \(HTTP 302\) to https:\/\/evil\.example\/a+… \(\d+ characters\), which is not followed/);
        });

        it("a body that is not XML is quoted as a short excerpt", async () => {
            serveBytes(`{"a":"\u001b[2J${"x".repeat(100000)}"}`, "text/plain");
            const message = await refusal();
            assert.match(message, /the document is not XML; it starts with "\{\\"a\\":\\"\\u001b\[2Jx+…" \(100012 characters\)\./);
        });

        it("credentials in the metadata URL are masked, however long the URL", async () => {
            const message = await refusal({ url: `https://user:hunter2@127.0.0.1/${"p".repeat(5000)}` });
            assert.ok(!message.includes("hunter2"), message);
            assert.match(message, /https:\/\/\*\*\*@127\.0\.0\.1\/p+… \(\d+ characters\) embeds credentials/);
        });
    });

    describe("class 4: the document is passed on exactly as served, or refused", () => {
        it("UTF-8 with a byte order mark, non-ASCII text and CRLF: the xml output re-encodes to the served bytes", async () => {
            const served = Buffer.from(
                xml({ bom: true, newline: "\r\n" }).replace("</md:EntityDescriptor>", "<!-- Zoë ✓ 😀 --></md:EntityDescriptor>"),
            );
            serveBytes(served, "application/samlmetadata+xml; charset=UTF-8");
            const created = await create();
            assert.ok(Buffer.from(created.outs.xml as string, "utf8").equals(served));
        });

        it("ASCII-only bytes declared ISO-8859-1 (header and declaration) are the same bytes in UTF-8: accepted as is", async () => {
            const served = Buffer.from(xml().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "latin1");
            serveBytes(served, "application/xml; charset=iso-8859-1");
            const created = await create();
            assert.ok(Buffer.from(created.outs.xml as string, "utf8").equals(served));
        });

        const refused: [string, () => void, RegExp][] = [
            [
                "non-ASCII bytes under charset=ISO-8859-1",
                () =>
                    serveBytes(
                        Buffer.from(xml().replace("</md:EntityDescriptor>", "<!-- Zoë --></md:EntityDescriptor>"), "latin1"),
                        "text/xml; charset=ISO-8859-1",
                    ),
                /the Content-Type header declares "iso-8859-1" and the body holds non-ASCII bytes, which would read differently as UTF-8;/,
            ],
            [
                "non-ASCII bytes under an XML declaration of windows-1252",
                () =>
                    serveBytes(
                        Buffer.from(
                            xml()
                                .replace('encoding="UTF-8"', 'encoding="windows-1252"')
                                .replace("</md:EntityDescriptor>", "<!-- \u20ac --></md:EntityDescriptor>"),
                            "latin1",
                        ),
                    ),
                /the XML declaration declares "windows-1252" and the body holds non-ASCII bytes/,
            ],
            [
                "UTF-16 LE with a byte order mark",
                () => serveBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml(), "utf16le")])),
                /the body is UTF-16 \(byte order mark FF FE\);/,
            ],
            [
                "UTF-16 BE without a byte order mark",
                () => serveBytes(Buffer.from(xml(), "utf16le").swap16()),
                /the body is UTF-16 \(it starts with 00 3C 00 3F\);/,
            ],
            [
                "charset=utf-16 on ASCII bytes",
                () => serveBytes(xml(), "application/xml; charset=utf-16"),
                /the Content-Type header declares UTF-16LE;/,
            ],
            [
                "an invalid UTF-8 byte",
                () => serveBytes(Buffer.concat([Buffer.from(xml().slice(0, 60)), Buffer.from([0xc3, 0x28]), Buffer.from(xml().slice(60))])),
                /the body is not valid UTF-8: byte 0xC3 at offset 60 starts no valid UTF-8 sequence;/,
            ],
            [
                "an unknown charset name",
                () => serveBytes(xml(), "application/xml; charset=x-klingon"),
                /names the charset "x-klingon", which is not a known encoding;/,
            ],
        ];
        for (const [what, serve, expected] of refused) {
            it(`refuses ${what}, saying why`, async () => {
                serve();
                const message = await refusal();
                assert.match(message, expected);
                assert.match(message, /passed on to IAM Identity Center exactly as served, which this package does only for UTF-8/);
            });
        }
    });

    describe("class 5: no ambiguous metadata", () => {
        it("two SAML 2.0 IDPSSODescriptor elements", async () => {
            serveBytes(xml().replace(/(<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>)/, "$1$1"));
            assert.match(await refusal(), /has 2 SAML 2\.0 IDPSSODescriptor elements; IAM Identity Center would use one of them/);
        });

        it("an EntitiesDescriptor with two entities", async () => {
            const one = xml().replace(/^<\?xml[^>]*>\n/, "");
            serveBytes(`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${one}${one}</md:EntitiesDescriptor>`);
            assert.match(
                await refusal(),
                /An aggregate of several entities is not supported \(it holds 2 EntityDescriptor\): IAM Identity Center takes one/,
            );
        });

        for (const binding of [HTTP_POST, HTTP_REDIRECT, "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"]) {
            it(`a second SingleSignOnService Location, binding ${binding.split(":").pop()}`, async () => {
                serveBytes(
                    xml({
                        ssoServices: [
                            { binding: HTTP_REDIRECT, location: ssoUrl },
                            { binding, location: `${ssoUrl}/other` },
                        ],
                    }),
                );
                const message = await refusal();
                assert.match(
                    message,
                    /the SingleSignOnService Locations differ: ".*\/other" \(Binding ".*"\) besides ".*" \(the expected SSO URL\)/,
                );
                assert.match(message, /IAM Identity Center would send sign-in requests of that binding to/);
            });
        }

        it("several SingleSignOnService with the one expected Location pass", async () => {
            serveBytes(xml({ bindings: [HTTP_REDIRECT, HTTP_POST, "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"] }));
            assert.equal((await create()).outs.ssoUrl, ssoUrl);
        });
    });
});
