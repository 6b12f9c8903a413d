// The `zero-trust-aws-sso` CLI: in-process through runCli against a loopback HTTPS server for every path, then
// once as a real child process, the way a newcomer would run it against a local server.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../components/cli/cli";
import { daysFromNow, issueCertificate, loopbackTls } from "../harness/certificates";
import { startLoopbackServer, serveXml, type LoopbackServer, type RequestHandler } from "../harness/loopbackServer";
import { metadataDocument } from "../harness/metadataDocument";

const REPO_ROOT = resolve(__dirname, "..");
const CA = loopbackTls().ca.certPem;
const PATH = "/cdn-cgi/access/sso/saml/0123abcd/saml-metadata";
const ENTITY_ID = "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/0123abcd";
const SSO_URL = "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/0123abcd";
const SIGNING = issueCertificate({ commonName: "acme.cloudflareaccess.com" });
const SIGNING_FACTS = new X509Certificate(SIGNING.certPem);
const SIGNING_SHA256 = SIGNING_FACTS.fingerprint256;
const SIGNING_NOT_AFTER = new Date(SIGNING_FACTS.validTo).toISOString();
// A byte order mark and CRLF line endings: the saved file must still be byte-identical to what was served.
const XML = metadataDocument({ entityId: ENTITY_ID, ssoUrl: SSO_URL, certificates: [SIGNING.base64], bom: true, newline: "\r\n" });

const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/01234567-89ab-cdef-0123-456789abcdef";
const PORTAL = "https://d-1234567890.awsapps.com/start";

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs the CLI in-process with the test CA trusted. */
async function cli(argv: string[], cwd: string): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        cwd,
        fetchCa: CA,
    });
    return { code, stdout, stderr };
}

/** Runs a command to completion without blocking this process's event loop, which serves the loopback server. */
function child(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
    return new Promise((done, fail) => {
        const proc = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
        proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        proc.on("error", fail);
        proc.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
    });
}

/** A usage or failure report: exactly one line on stderr, starting with the program name. */
function assertOneErrorLine(stderr: string): void {
    assert.match(stderr, /^zero-trust-aws-sso: [^\n]+\n$/);
    assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
}

describe("cli", function () {
    let server: LoopbackServer;
    let handler: RequestHandler;
    let dir: string;

    before(async () => {
        // One server for the file; each test installs its own script of responses.
        server = await startLoopbackServer((req, res, index) => handler(req, res, index));
    });
    after(async () => server.close());
    beforeEach(() => {
        handler = serveXml(XML);
        server.requests.length = 0;
        dir = mkdtempSync(join(tmpdir(), "zt-aws-sso-cli-"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const metadataArgs = (...extra: string[]): string[] => ["metadata", server.url(PATH), "--allowed-host", "127.0.0.1", ...extra];

    describe("metadata", () => {
        it("saves the document byte for byte under the default name and prints the summary", async () => {
            const run = await cli(metadataArgs(), dir);
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(readFileSync(join(dir, "access_saml_metadata.xml")), Buffer.from(XML, "utf8"));
            assert.equal(run.stderr, "");
            const bytes = Buffer.byteLength(XML, "utf8");
            assert.equal(
                run.stdout,
                `Saved ${bytes} bytes of SAML metadata to access_saml_metadata.xml, fetched from ${server.url(PATH)} in 1 attempt.\n` +
                    `  Entity ID:    ${ENTITY_ID}\n` +
                    `  SSO URL:      ${SSO_URL}\n` +
                    `  Certificate:  SHA-256 ${SIGNING_SHA256}\n` +
                    `  Expires:      ${SIGNING_NOT_AFTER}\n` +
                    "Next: upload it in IAM Identity Center > Settings > Identity source > Change identity source > " +
                    "External identity provider > IdP SAML metadata.\n",
            );
            // Written through a temporary file that must not be left behind.
            assert.deepEqual(readdirSync(dir), ["access_saml_metadata.xml"]);
        });

        it("--json prints one object for scripts, counting the attempts a retry took", async () => {
            handler = (req, res, index) => {
                if (index === 0) {
                    res.writeHead(503).end();
                    return;
                }
                serveXml(XML)(req, res, index);
            };
            const run = await cli(metadataArgs("--json", "-o", "out/../meta.xml"), dir);
            assert.equal(run.code, 0, run.stderr);
            // The retry is announced on stderr only; stdout stays one line of JSON.
            assert.match(
                run.stderr,
                /^zero-trust-aws-sso: attempt 1 of 8 failed \(answer: HTTP 503 Service Unavailable\); trying again in \d+\.\d s\n$/,
            );
            assert.ok(run.stdout.endsWith("}\n") && run.stdout.split("\n").length === 2, "one line of JSON");
            const summary: unknown = JSON.parse(run.stdout);
            assert.deepEqual(summary, {
                file: join(dir, "meta.xml"),
                url: server.url(PATH),
                entityId: ENTITY_ID,
                ssoUrl: SSO_URL,
                signingCertificateSha256: SIGNING_SHA256,
                signingCertificateNotAfter: SIGNING_NOT_AFTER,
                warnings: [],
                attempts: 2,
            });
            assert.deepEqual(Object.keys(summary as object), [
                "file",
                "url",
                "entityId",
                "ssoUrl",
                "signingCertificateSha256",
                "signingCertificateNotAfter",
                "warnings",
                "attempts",
            ]);
            assert.equal(readFileSync(join(dir, "meta.xml"), "utf8"), XML);
        });

        it("-o - writes the XML alone to stdout and the summary to stderr", async () => {
            const run = await cli(metadataArgs("-o", "-"), dir);
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.stdout, XML);
            assert.match(run.stderr, /^Saved \d+ bytes of SAML metadata to stdout, /);
            assert.match(run.stderr, new RegExp(`SHA-256 ${SIGNING_SHA256}`));
            assert.deepEqual(readdirSync(dir), []);

            const json = await cli(metadataArgs("-o", "-", "--json"), dir);
            assert.equal(json.stdout, XML);
            assert.equal((JSON.parse(json.stderr) as { file: string }).file, "-");
        });

        it("accepts matching expectations, the certificate given as a PEM file", async () => {
            writeFileSync(join(dir, "signing.pem"), SIGNING.certPem);
            const run = await cli(
                metadataArgs("--expect-entity-id", ENTITY_ID, "--expect-sso-url", SSO_URL, "--expect-certificate", "signing.pem", "--json"),
                dir,
            );
            assert.equal(run.code, 0, run.stderr);
            assert.equal((JSON.parse(run.stdout) as { signingCertificateSha256: string }).signingCertificateSha256, SIGNING_SHA256);
        });

        it("an expectation mismatch exits 1 with the parser's message and leaves an existing file alone", async () => {
            writeFileSync(join(dir, "access_saml_metadata.xml"), "previous");
            const run = await cli(metadataArgs("--expect-entity-id", "https://other.example/"), dir);
            assert.equal(run.code, 1);
            assert.equal(
                run.stderr,
                `zero-trust-aws-sso: SAML metadata: entityID mismatch: expected "https://other.example/" but the document has "${ENTITY_ID}".\n`,
            );
            assert.equal(run.stdout, "");
            assert.equal(readFileSync(join(dir, "access_saml_metadata.xml"), "utf8"), "previous");
            assert.deepEqual(readdirSync(dir), ["access_saml_metadata.xml"]);

            const other = issueCertificate({ commonName: "someone else" });
            // Inline PEM starts with "-", so strict parseArgs needs the "=" form; the separate form is a usage error.
            const separate = await cli(metadataArgs("--expect-certificate", other.certPem), dir);
            assert.equal(separate.code, 2);
            assert.match(
                separate.stderr,
                /argument is ambiguous: to give a value that starts with "-", write --expect-certificate=<value>;/,
            );
            const cert = await cli(metadataArgs(`--expect-certificate=${other.certPem}`), dir);
            assert.equal(cert.code, 1);
            assertOneErrorLine(cert.stderr);
            assert.match(cert.stderr, /SAML metadata: the expected signing certificate \(SHA-256 [0-9A-F:]+\) is not in the document/);
        });

        it("keeps a certificate that expires soon, with a warning on stderr", async () => {
            const soon = issueCertificate({ commonName: "expiring", notAfter: daysFromNow(10) });
            handler = serveXml(metadataDocument({ entityId: ENTITY_ID, ssoUrl: SSO_URL, certificates: [soon.base64] }));
            const run = await cli(metadataArgs(), dir);
            assert.equal(run.code, 0, run.stderr);
            assert.match(run.stderr, /^zero-trust-aws-sso: warning: signing certificate [0-9A-F:]+ expires on .* \(in 9 days\)/);
            assert.ok(existsSync(join(dir, "access_saml_metadata.xml")));
        });

        it("refuses a body that is not valid UTF-8, since the saved file would differ from the bytes served", async () => {
            const [head, tail] = [XML.slice(0, XML.indexOf("<md:EntityDescriptor")), XML.slice(XML.indexOf("<md:EntityDescriptor"))];
            const served = Buffer.concat([Buffer.from(`${head}<!-- `), Buffer.from([0xff]), Buffer.from(` -->${tail}`)]);
            handler = (_req, res) => res.writeHead(200, { "content-type": "application/xml" }).end(served);
            const run = await cli(metadataArgs(), dir);
            assert.equal(run.code, 1);
            const offset = Buffer.byteLength(`${head}<!-- `);
            assert.match(
                run.stderr,
                new RegExp(`the body is not valid UTF-8: byte 0xFF at offset ${offset} starts no valid UTF-8 sequence;`),
            );
            assert.ok(!existsSync(join(dir, "access_saml_metadata.xml")));
        });

        it("server errors exit 1 after the attempts, with nothing written; each retry is announced on stderr", async () => {
            handler = (_req, res) => res.writeHead(500).end();
            const run = await cli(metadataArgs("--attempts", "2"), dir);
            assert.equal(run.code, 1);
            const [progress, ...rest] = run.stderr.split("\n");
            assert.match(
                progress,
                /^zero-trust-aws-sso: attempt 1 of 2 failed \(answer: HTTP 500 Internal Server Error\); trying again in \d+\.\d s$/,
            );
            assertOneErrorLine(rest.join("\n"));
            assert.match(
                run.stderr,
                /SAML metadata: GET https:\/\/127\.0\.0\.1:\d+\/\S+ failed after 2 attempts; last answer: HTTP 500 Internal Server Error\./,
            );
            assert.equal(server.requests.length, 2);
            assert.deepEqual(readdirSync(dir), []);
        });

        it("refuses a bad URL before any request: http, or a host not allowed", async () => {
            const http = await cli(["metadata", server.url(PATH).replace("https:", "http:"), "--allowed-host", "127.0.0.1"], dir);
            assert.equal(http.code, 1);
            assertOneErrorLine(http.stderr);
            assert.match(http.stderr, /^zero-trust-aws-sso: <metadata-url>: http:\/\/127\.0\.0\.1:\d+\/\S+ does not use https;/);

            // Without --allowed-host only *.cloudflareaccess.com is allowed, as in the provider.
            const host = await cli(["metadata", server.url(PATH)], dir);
            assert.equal(host.code, 1);
            assert.match(
                host.stderr,
                /is not one of the allowed hosts \(\*\.cloudflareaccess\.com\); .* or add the host with --allowed-host <host>\.$/m,
            );
            assert.equal(server.requests.length, 0);
        });

        it("usage errors exit 2 with a pointer to the help, before any request", async () => {
            const cases: [string[], RegExp][] = [
                [["metadata"], /missing <metadata-url>.*; see 'zero-trust-aws-sso metadata --help'\.$/],
                [metadataArgs("--bogus"), /unknown option '--bogus'; see 'zero-trust-aws-sso metadata --help'\.$/],
                [metadataArgs("-o"), /option '-o, --output <value>' argument missing; see 'zero-trust-aws-sso metadata --help'\.$/],
                [["metadata", server.url(PATH), server.url(PATH)], /expected one <metadata-url> but got 2 arguments/],
                [metadataArgs("--attempts", "0"), /--attempts must be an integer from 1 to 20/],
                [metadataArgs("--timeout-ms", "soon"), /--timeout-ms must be a whole number, not "soon"/],
                [metadataArgs("--allowed-host", "not a host"), /--allowed-host \("not a host"\) must be a host name/],
                [metadataArgs("--expect-certificate", "missing.pem"), /--expect-certificate: "missing\.pem" is neither a file/],
                [["fetch"], /unknown command 'fetch': the commands are metadata and check; see 'zero-trust-aws-sso --help'\.$/],
                [["--bogus"], /unknown option '--bogus'; see 'zero-trust-aws-sso --help'\.$/],
            ];
            for (const [argv, message] of cases) {
                const run = await cli(argv, dir);
                assert.equal(run.code, 2, argv.join(" "));
                assert.equal(run.stdout, "", argv.join(" "));
                assertOneErrorLine(run.stderr);
                assert.match(run.stderr.trimEnd(), message);
            }
            assert.equal(server.requests.length, 0);
            assert.deepEqual(readdirSync(dir), []);
        });
    });

    describe("check", () => {
        it("prints one ok line per check for good values", async () => {
            const run = await cli(["check", "--issuer", ISSUER, "--acs", ACS, "--portal", PORTAL], dir);
            assert.equal(run.code, 0, run.stderr);
            assert.equal(
                run.stdout,
                "ok   awsIssuerUrl: region us-east-1, identity store d-1234567890\n" +
                    "ok   awsAcsUrl: region us-east-1\n" +
                    "ok   awsAcsUrl: same region as awsIssuerUrl (us-east-1)\n" +
                    "ok   awsAccessPortalUrl: an AWS access portal URL\n",
            );
            assert.equal(run.stderr, "");
        });

        it("swapped issuer and ACS: exit 1, every finding printed", async () => {
            const run = await cli(["check", "--issuer", ACS, "--acs", ISSUER, "--portal", "http://example.com/start"], dir);
            assert.equal(run.code, 1);
            const lines = run.stdout.trimEnd().split("\n");
            assert.equal(lines.length, 3, run.stdout);
            assert.match(
                lines[0],
                /^FAIL awsIssuerUrl: ".*\/acs\/.*" is the Assertion Consumer Service \(ACS\) URL, not the issuer URL: the two values were swapped\./,
            );
            assert.match(
                lines[1],
                /^FAIL awsAcsUrl: ".*d-1234567890" is the issuer URL, not the Assertion Consumer Service \(ACS\) URL: the two values were swapped\./,
            );
            assert.match(lines[2], /^FAIL awsAccessPortalUrl: "http:\/\/example\.com\/start" is not an AWS access portal URL/);
            assert.equal(run.stderr, "zero-trust-aws-sso: 3 of 3 checks failed.\n");
        });

        it("checks the region pair when both parse; --json lists the findings", async () => {
            const acsElsewhere = ACS.replace("us-east-1", "eu-west-1");
            const run = await cli(["check", "--issuer", ISSUER, "--acs", acsElsewhere, "--json"], dir);
            assert.equal(run.code, 1);
            assert.deepEqual(JSON.parse(run.stdout), {
                ok: false,
                findings: [
                    { field: "awsIssuerUrl", ok: true, message: "region us-east-1, identity store d-1234567890" },
                    { field: "awsAcsUrl", ok: true, message: "region eu-west-1" },
                    {
                        field: "awsAcsUrl",
                        ok: false,
                        message:
                            "is in region eu-west-1 but awsIssuerUrl is in us-east-1; copy both from the same IAM Identity Center instance.",
                    },
                ],
            });
            const good = await cli(["check", "--issuer", ISSUER, "--acs", ACS, "--json"], dir);
            assert.equal(good.code, 0);
            assert.equal((JSON.parse(good.stdout) as { ok: boolean }).ok, true);
        });

        it("--scim checks the SCIM endpoint and its region against the issuer's", async () => {
            const endpoint = "https://scim.us-east-1.amazonaws.com/a1b2c3d4-5678-90ab-cdef-111122223333/scim/v2/";
            const good = await cli(["check", "--issuer", ISSUER, "--acs", ACS, "--scim", endpoint], dir);
            assert.equal(good.code, 0, good.stderr);
            assert.deepEqual(good.stdout.trimEnd().split("\n").slice(3), [
                "ok   scim.endpoint: region us-east-1, tenant a1b2c3d4-5678-90ab-cdef-111122223333",
                "ok   scim.endpoint: same region as awsIssuerUrl (us-east-1)",
            ]);
            const elsewhere = await cli(
                ["check", "--issuer", ISSUER, "--acs", ACS, "--scim", endpoint.replace("us-east-1", "eu-west-1")],
                dir,
            );
            assert.equal(elsewhere.code, 1);
            assert.match(elsewhere.stdout, /\nFAIL scim\.endpoint: is in region eu-west-1 but awsIssuerUrl is in us-east-1;/);
            // A value that is not a URL may be the access token pasted into the wrong flag: it is never echoed.
            const token = "AQoDYXdzEJr-SECRET-TOKEN-7f3c9a1e";
            const pasted = await cli(["check", "--issuer", ISSUER, "--acs", ACS, "--scim", token, "--json"], dir);
            assert.equal(pasted.code, 1);
            const findings = (JSON.parse(pasted.stdout) as { findings: { field: string; ok: boolean; message: string }[] }).findings;
            assert.deepEqual(
                findings.filter((f) => f.field === "scim.endpoint").map((f) => [f.ok, f.message.slice(0, 61)]),
                [[false, "is not a URL (the value is not shown: it may be a secret); co"]],
            );
            assert.ok(!pasted.stdout.includes(token) && !pasted.stderr.includes(token));
        });

        it("a missing --issuer or --acs, or a stray argument, is a usage error", async () => {
            for (const argv of [
                ["check", "--acs", ACS],
                ["check", "--issuer", ISSUER],
                ["check", ISSUER, "--issuer", ISSUER, "--acs", ACS],
            ]) {
                const run = await cli(argv, dir);
                assert.equal(run.code, 2, argv.join(" "));
                assertOneErrorLine(run.stderr);
                assert.match(run.stderr, /see 'zero-trust-aws-sso check --help'\.\n$/);
            }
        });
    });

    describe("hostile and careless input (issue 10)", () => {
        const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
        /** Every line the CLI printed is printable: no raw control, bidi or zero-width character survives. */
        function assertPrintable(run: Run): void {
            for (const out of [run.stdout, run.stderr]) assert.doesNotMatch(out.replace(/\n/g, ""), UNSAFE, out);
        }

        it("prints an entityID with controls and bidi characters escaped, in the summary and in --json", async () => {
            const hostileId = `${ENTITY_ID}\u202Etxt.exe`;
            handler = serveXml(metadataDocument({ entityId: hostileId, ssoUrl: SSO_URL, certificates: [SIGNING.base64] }));
            const run = await cli(metadataArgs(), dir);
            assert.equal(run.code, 0, run.stderr);
            assertPrintable(run);
            assert.ok(run.stdout.includes(`  Entity ID:    ${ENTITY_ID}<U+202E>txt.exe\n`), run.stdout);
            const json = await cli(metadataArgs("--json", "-o", "out.xml"), dir);
            assertPrintable(json);
            assert.equal((JSON.parse(json.stdout) as { entityId: string }).entityId, hostileId);
        });

        it("check: a pasted URL with ESC, a line break and credentials is one escaped line without the password", async () => {
            const run = await cli(["check", "--issuer", `https://u:hunter2@evil.example/\u001b[2J\nx`, "--acs", ACS], dir);
            assert.equal(run.code, 1);
            assertPrintable(run);
            assert.ok(!run.stdout.includes("hunter2"));
            assert.match(run.stdout, /^FAIL awsIssuerUrl: "https:\/\/\*\*\*@evil\.example\/\\u001b\[2J\\nx" must not carry credentials/);
        });

        it("check: accepts the <region>.signin.aws host and refuses nothing that AWS documents", async () => {
            const issuer = "https://ap-southeast-2.signin.aws/platform/saml/d-1234567890";
            const acs = "https://ap-southeast-2.signin.aws/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
            const portal = "https://ssoins-1111h2222j33pp44.ap-southeast-2.portal.amazonaws.com";
            const run = await cli(["check", "--issuer", issuer, "--acs", acs, "--portal", portal], dir);
            assert.equal(run.code, 0, run.stdout);
        });

        it("an unknown command full of controls is quoted safely", async () => {
            const run = await cli([`\u001b]0;x\u0007${"y".repeat(1000)}`], dir);
            assert.equal(run.code, 2);
            assertPrintable(run);
            assert.match(run.stderr, /unknown command '\\u001b\]0;x\\u0007y+… \(1006 characters\)'/);
        });

        const refusals: [string, () => RequestHandler, RegExp][] = [
            [
                "a document in UTF-16",
                () => (_req, res) =>
                    res
                        .writeHead(200, { "content-type": "application/xml" })
                        .end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(XML, "utf16le")])),
                /the body is UTF-16 \(byte order mark FF FE\)/,
            ],
            [
                "Latin-1 bytes declared in the header",
                () => (_req, res) =>
                    res
                        .writeHead(200, { "content-type": "text/xml; charset=latin1" })
                        .end(Buffer.from(XML.replace("</md:EntityDescriptor>", "<!-- é --></md:EntityDescriptor>"), "latin1")),
                /the Content-Type header declares "latin1" and the body holds non-ASCII bytes/,
            ],
            [
                "two SAML 2.0 IDPSSODescriptor elements",
                () => serveXml(XML.replace(/(<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>)/, "$1$1")),
                /has 2 SAML 2\.0 IDPSSODescriptor elements/,
            ],
            [
                "a second SingleSignOnService Location",
                () =>
                    serveXml(
                        metadataDocument({
                            entityId: ENTITY_ID,
                            ssoUrl: SSO_URL,
                            certificates: [SIGNING.base64],
                            ssoServices: [
                                { binding: "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", location: SSO_URL },
                                { binding: "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", location: "https://evil.example/sso" },
                            ],
                        }),
                    ),
                /the SingleSignOnService Locations differ: "https:\/\/evil\.example\/sso"/,
            ],
            [
                "a deeply nested document",
                () => serveXml(XML.replace("</md:EntityDescriptor>", `${"<n>".repeat(40)}${"</n>".repeat(40)}</md:EntityDescriptor>`)),
                /elements nested more than 32 deep/,
            ],
        ];
        for (const [what, serve, expected] of refusals) {
            it(`refuses ${what}, exit 1, nothing written`, async () => {
                handler = serve();
                const run = await cli(metadataArgs(), dir);
                assert.equal(run.code, 1, run.stdout);
                assertPrintable(run);
                assert.match(run.stderr, expected);
                assert.ok(!existsSync(join(dir, "access_saml_metadata.xml")));
            });
        }
    });

    describe("help and version", () => {
        it("--help / -h at the top level and per command print usage on stdout and exit 0", async () => {
            for (const argv of [["--help"], ["-h"], ["help"]]) {
                const run = await cli(argv, dir);
                assert.equal(run.code, 0);
                assert.match(run.stdout, /^Usage: zero-trust-aws-sso <command> \[options\]\n/);
                assert.match(run.stdout, /metadata <metadata-url>/);
                assert.match(run.stdout, /Exit codes: 0 ok, 1 a check or the download failed, 2 usage error\./);
            }
            for (const argv of [
                ["metadata", "--help"],
                ["metadata", "-h"],
                ["help", "metadata"],
            ]) {
                const run = await cli(argv, dir);
                assert.equal(run.code, 0);
                assert.match(run.stdout, /^Usage: zero-trust-aws-sso metadata <metadata-url> \[options\]\n/);
                assert.match(run.stdout, /--expect-certificate/);
            }
            const check = await cli(["check", "-h"], dir);
            assert.equal(check.code, 0);
            assert.match(check.stdout, /^Usage: zero-trust-aws-sso check --issuer <url> --acs <url>/);
            // No arguments at all: the help, but as a usage error so that a script cannot mistake it for success.
            const none = await cli([], dir);
            assert.equal(none.code, 2);
            assert.equal(none.stdout, "");
            assert.match(none.stderr, /^Usage: zero-trust-aws-sso/);
        });

        it("--version / -v print the package.json version", async () => {
            const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
            for (const flag of ["--version", "-v"]) {
                const run = await cli([flag], dir);
                assert.equal(run.code, 0);
                assert.equal(run.stdout, `${version}\n`);
            }
        });
    });

    describe("as a child process", () => {
        it("runs the real bin against a loopback server, trusting the test CA through NODE_EXTRA_CA_CERTS", async () => {
            // How to try the CLI by hand against a local server: trust its CA with NODE_EXTRA_CA_CERTS (the bin has no
            // --ca flag on purpose), and allow its host name with --allowed-host.
            writeFileSync(join(dir, "ca.pem"), CA);
            const out = join(dir, "saved.xml");
            const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, "ca.pem") };
            const run = await child(
                [
                    "-r",
                    "ts-node/register/transpile-only",
                    "components/cli/main.ts",
                    "metadata",
                    server.localhostUrl(PATH),
                    "--allowed-host",
                    "localhost",
                    "-o",
                    out,
                ],
                env,
            );
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(readFileSync(out), Buffer.from(XML, "utf8"));
            assert.match(run.stdout, new RegExp(`Certificate:  SHA-256 ${SIGNING_SHA256}`));

            const usage = await child(["-r", "ts-node/register/transpile-only", "components/cli/main.ts", "metadata", "--nope"], env);
            assert.equal(usage.code, 2);
            assertOneErrorLine(usage.stderr);
            assert.equal(usage.stderr, "zero-trust-aws-sso: unknown option '--nope'; see 'zero-trust-aws-sso metadata --help'.\n");
        });

        it("does not load @pulumi/* (startup speed at a terminal)", async () => {
            const probe =
                "require('./components/cli/cli');" +
                "process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('@pulumi'))))";
            const run = await child(["-r", "ts-node/register/transpile-only", "-e", probe], process.env);
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(JSON.parse(run.stdout), []);
        });
    });
});
