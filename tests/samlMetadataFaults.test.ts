// The SamlMetadata provider under faults and hostile input, end to end: every row runs through the SERIALIZED
// provider in one fresh host process (as the engine runs it, trusting the test CA through NODE_EXTRA_CA_CERTS),
// against loopback servers that script the fault and record what the provider sent. The in-process tests of the
// pieces (tests/metadataFetch.test.ts, tests/samlMetadataDocument.test.ts) pin exact behaviour and messages; this
// file proves the same behaviour survives serialization and reaches the engine as the provider's error.
//
// Knobs are tiny (3 attempts, 20..80 ms delays, 400 ms per attempt) so the file stays fast. Timing asserts are
// lower bounds the code guarantees plus generous upper bounds only: machines are noisy.
import * as assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import * as pulumi from "@pulumi/pulumi";
import { samlMetadataProvider as provider } from "../components/metadata/samlMetadataProvider";
import { MAX_METADATA_BYTES } from "../components/metadata/metadataFetch";
import { daysFromNow, issueCertificate, type IssuedCertificate } from "../harness/certificates";
import { closedPort, startRawServer, type RawServer } from "../harness/faultServer";
import { startLoopbackServer, type LoopbackServer, type RequestHandler } from "../harness/loopbackServer";
import { metadataDocument } from "../harness/metadataDocument";
import { startProviderHost, type ProviderHost } from "../harness/providerHost";

const HOSTS = ["127.0.0.1", "localhost"];
const RETRY = { attempts: 3, minDelayMs: 20, maxDelayMs: 80 };
const TIMEOUT_MS = 400;
// The most a failing create can spend waiting between its 3 attempts with RETRY: base 20 then 40, at most base each.
const MAX_BACKOFF_MS = 20 + 40;
// Slack on every upper time bound: far above anything the code does, far below a hang.
const SLACK_MS = 4000;
const SAML_CT = { "content-type": "application/samlmetadata+xml" };
const CHECK_URL = "check that the URL is the app's SAML metadata endpoint (its SSO endpoint followed by /saml-metadata).";
const PUBLIC_HINT =
    "The metadata endpoint is expected to be public: check that no Access policy or WAF rule protects " +
    "/cdn-cgi/access/sso/saml/... and that the URL is the app's SAML metadata endpoint (its SSO endpoint followed " +
    "by /saml-metadata).";
const REFRESH_FAILED = "Refreshing SAML metadata failed; the stored document is unchanged. ";
const DOCTYPE_REFUSAL = (name: string): string =>
    `SAML metadata: the document has a DOCTYPE declaration (<!DOCTYPE ${name}>); DTDs are refused because their ` +
    `entities can expand without bound or read local files, and SAML metadata never needs one.`;
// What a Cloudflare Access login page looks like from a client that is not signed in.
const ACCESS_LOGIN_PAGE =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in ・ Cloudflare Access</title></head>' +
    '<body><form action="/cdn-cgi/access/login/acme.cloudflareaccess.com" method="post"></form></body></html>';

interface Created {
    id: string;
    outs: Record<string, unknown>;
}
interface Read {
    id: string;
    props: Record<string, unknown>;
    inputs: Record<string, unknown>;
}

/** One fake team domain: a loopback HTTPS server whose behaviour a test swaps at will. */
interface TeamDomain {
    server: LoopbackServer;
    /** `<ssoUrl>/saml-metadata` */
    url: string;
    entityId: string;
    ssoUrl: string;
    /** Sockets of every request, to prove the provider let go of them. */
    sockets: Socket[];
    /** Replaces the request handler. */
    serve(handler: RequestHandler): void;
    /** This domain's metadata document signed by `certificates` (default: the current one). */
    xml(certificates?: IssuedCertificate[]): string;
    /** Provider inputs for this domain with the test knobs, expecting the current certificate. */
    inputs(extra?: Record<string, unknown>): Record<string, unknown>;
}

const CURRENT = issueCertificate({ commonName: "acme current" });

function answer(status: number, headers: Record<string, string> = {}, body = ""): RequestHandler {
    return (_req, res) => {
        res.writeHead(status, headers);
        res.end(body);
    };
}

function sha256(c: IssuedCertificate): string {
    return new X509Certificate(c.certPem).fingerprint256;
}

function notAfter(c: IssuedCertificate): string {
    return new Date(new X509Certificate(c.certPem).validTo).toISOString();
}

function gaps(times: number[]): number[] {
    return times.slice(1).map((t, i) => t - times[i]);
}

/** Runs `action`, expecting it to reject; returns the message and how long it took. */
async function rejection(action: () => Promise<unknown>): Promise<{ message: string; ms: number }> {
    const started = Date.now();
    try {
        await action();
    } catch (err) {
        return { message: (err as Error).message, ms: Date.now() - started };
    }
    return assert.fail("expected a rejection");
}

describe("SamlMetadata provider under faults and hostile input (serialized, in a fresh host process)", function () {
    let host: ProviderHost;
    let text: string;
    const running: { close(): Promise<void> }[] = [];

    before(async function () {
        this.timeout(30000);
        text = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
        host = startProviderHost(path.resolve(__dirname, ".."));
    });
    after(() => host?.close());
    afterEach(async () => {
        await Promise.all(running.splice(0).map((s) => s.close()));
    });

    const create = (inputs: Record<string, unknown>): Promise<Created> => host.call<Created>(text, "create", [inputs]);
    const read = (id: string, props: Record<string, unknown>): Promise<Read> => host.call<Read>(text, "read", [id, props]);
    const check = (news: Record<string, unknown>) =>
        host.call<{ inputs: Record<string, unknown>; failures: { property: string; reason: string }[] }>(text, "check", [{}, news]);

    async function teamDomain(appId = "abc123"): Promise<TeamDomain> {
        let handler: RequestHandler = answer(500);
        const sockets: Socket[] = [];
        const server = await startLoopbackServer((req, res, index) => {
            sockets.push(req.socket);
            handler(req, res, index);
        });
        running.push(server);
        const ssoUrl = server.url(`/cdn-cgi/access/sso/saml/${appId}`);
        const entityId = server.url(`/${appId}`);
        const domain: TeamDomain = {
            server,
            url: `${ssoUrl}/saml-metadata`,
            entityId,
            ssoUrl,
            sockets,
            serve: (h) => (handler = h),
            xml: (certificates = [CURRENT]) => metadataDocument({ entityId, ssoUrl, certificates: certificates.map((c) => c.base64) }),
            inputs: (extra = {}) => ({
                url: `${ssoUrl}/saml-metadata`,
                expectedEntityId: entityId,
                expectedSsoUrl: ssoUrl,
                expectedCertificate: CURRENT.certPem,
                allowedHosts: HOSTS,
                timeoutMs: TIMEOUT_MS,
                retry: RETRY,
                ...extra,
            }),
        };
        domain.serve(answer(200, SAML_CT, domain.xml()));
        return domain;
    }

    async function raw(...args: Parameters<typeof startRawServer>): Promise<RawServer> {
        const server = await startRawServer(...args);
        running.push(server);
        return server;
    }

    /** Answers `first` for the first `count` requests, then `then`. */
    function firstThen(count: number, first: RequestHandler, then: RequestHandler): RequestHandler {
        return (req, res, index) => (index < count ? first(req, res, index) : then(req, res, index));
    }

    describe("transient answers are retried until the document appears", () => {
        it("404 for the first 2 requests, then 200: succeeds on request 3 of 3", async () => {
            const d = await teamDomain();
            d.serve(firstThen(2, answer(404, { "content-type": "text/plain" }, "not found"), answer(200, SAML_CT, d.xml())));
            const created = await create(d.inputs());
            assert.equal(created.id, d.url);
            assert.equal(created.outs.xml, d.xml());
            assert.equal(created.outs.fetchedFrom, d.url);
            assert.equal(d.server.requests.length, 3);
            assert.deepEqual(
                d.server.requests.map((r) => r.method),
                ["GET", "GET", "GET"],
            );
        });

        it("429 with Retry-After, then 200: waits Retry-After capped at maxDelayMs, not the shorter backoff", async () => {
            const d = await teamDomain();
            // An hour, so an uncapped wait would hang the test; the cap (maxDelayMs 80) makes it 80 ms, while the
            // backoff alone would be 10..20 ms.
            d.serve(firstThen(1, answer(429, { "retry-after": "3600" }), answer(200, SAML_CT, d.xml())));
            const created = await create(d.inputs());
            assert.equal(created.outs.xml, d.xml());
            assert.equal(d.server.requests.length, 2);
            const [gap] = gaps(d.server.requests.map((r) => r.at));
            assert.ok(gap >= RETRY.maxDelayMs - 2 && gap < RETRY.maxDelayMs + SLACK_MS, `${gap} ms`);
        });

        it("429 with a malformed Retry-After (fractional, negative, garbage): the backoff applies, not an immediate retry", async () => {
            const d = await teamDomain();
            const values = ["1.5", "-1", "2 soon"];
            d.serve((req, res, index) =>
                index % 2 === 0
                    ? answer(429, { "retry-after": values[index / 2] })(req, res, index)
                    : answer(200, SAML_CT, d.xml())(req, res, index),
            );
            // A backoff of 100..200 ms, so an immediate retry (a few ms) cannot pass for it.
            const retry = { attempts: 2, minDelayMs: 200, maxDelayMs: 200 };
            for (const value of values) {
                const before = d.server.requests.length;
                await create(d.inputs({ retry }));
                const [gap] = gaps(d.server.requests.slice(before).map((r) => r.at));
                assert.ok(gap >= 98 && gap < 200 + SLACK_MS, `Retry-After: ${value}: ${gap} ms`);
            }
            assert.equal(d.server.requests.length, 2 * values.length);
        });
    });

    describe("faults that persist give up after a bounded effort", () => {
        it("500 on every request: exactly `attempts` requests; the message names the count, the status and the URL", async () => {
            const d = await teamDomain();
            d.serve(answer(500, { "content-type": "text/plain" }, "boom"));
            const { message, ms } = await rejection(() => create(d.inputs()));
            assert.equal(message, `SAML metadata: GET ${d.url} failed after 3 attempts; last answer: HTTP 500 Internal Server Error.`);
            assert.equal(d.server.requests.length, RETRY.attempts);
            assert.ok(ms < MAX_BACKOFF_MS + SLACK_MS, `${ms} ms`);
        });

        it("404 on every request: the message adds that the app may not be published yet", async () => {
            const d = await teamDomain();
            d.serve(answer(404));
            const { message } = await rejection(() => create(d.inputs()));
            assert.equal(
                message,
                `SAML metadata: GET ${d.url} failed after 3 attempts; last answer: HTTP 404 Not Found. ` +
                    `The app may not be published yet, or the URL is wrong: ${CHECK_URL}`,
            );
            assert.equal(d.server.requests.length, 3);
        });

        it("a server that never answers (no HTTP response; no TLS handshake): each attempt ends at timeoutMs", async () => {
            const mute = await teamDomain();
            mute.serve(() => undefined);
            const silent = await raw(() => undefined);
            const silentUrl = silent.url("/cdn-cgi/access/sso/saml/abc123/saml-metadata");
            // Both at once through the same host: the wall time of the pair is that of one.
            const [a, b] = await Promise.all([
                rejection(() => create(mute.inputs())),
                rejection(() => create(mute.inputs({ url: silentUrl }))),
            ]);
            const why = `no complete response within ${TIMEOUT_MS} ms.`;
            assert.equal(a.message, `SAML metadata: GET ${mute.url} failed after 3 attempts; last error: ${why}`);
            assert.equal(b.message, `SAML metadata: GET ${silentUrl} failed after 3 attempts; last error: ${why}`);
            assert.equal(mute.server.requests.length, 3);
            assert.equal(silent.connections.length, 3);
            for (const { ms } of [a, b]) {
                assert.ok(ms >= 3 * TIMEOUT_MS - 10 && ms < 3 * TIMEOUT_MS + MAX_BACKOFF_MS + SLACK_MS, `${ms} ms`);
            }
        });

        it("a dripping server: an endless trickle ends at timeoutMs per attempt; a slow but complete body is accepted", async () => {
            const d = await teamDomain();
            const drips: NodeJS.Timeout[] = [];
            d.serve((req, res) => {
                res.writeHead(200, SAML_CT);
                if (req.url?.startsWith("/endless")) {
                    // One byte every 20 ms, forever: the timeout covers the whole response, not the gap between bytes.
                    const drip = setInterval(() => res.write(" "), 20);
                    drips.push(drip);
                    res.on("close", () => clearInterval(drip));
                    return;
                }
                // The document in 8 pieces over ~160 ms, well inside the 400 ms deadline.
                const body = Buffer.from(d.xml());
                const size = Math.ceil(body.length / 8);
                let sent = 0;
                const drip = setInterval(() => {
                    res.write(body.subarray(sent, sent + size));
                    sent += size;
                    if (sent >= body.length) {
                        clearInterval(drip);
                        res.end();
                    }
                }, 20);
                drips.push(drip);
                res.on("close", () => clearInterval(drip));
            });
            const endlessUrl = d.server.url("/endless/saml-metadata");
            try {
                const [endless, slow] = await Promise.all([rejection(() => create(d.inputs({ url: endlessUrl }))), create(d.inputs())]);
                assert.equal(
                    endless.message,
                    `SAML metadata: GET ${endlessUrl} failed after 3 attempts; last error: no complete response within ${TIMEOUT_MS} ms.`,
                );
                assert.ok(endless.ms >= 3 * TIMEOUT_MS - 10 && endless.ms < 3 * TIMEOUT_MS + MAX_BACKOFF_MS + SLACK_MS, `${endless.ms} ms`);
                assert.equal(slow.outs.xml, d.xml());
                assert.equal(d.server.requests.filter((r) => r.path.startsWith("/endless")).length, 3);
                assert.equal(d.server.requests.filter((r) => r.path === new URL(d.url).pathname).length, 1);
            } finally {
                drips.forEach(clearInterval);
            }
        });

        it("a refused connection is retried and named", async () => {
            const url = `https://127.0.0.1:${await closedPort()}/cdn-cgi/access/sso/saml/abc123/saml-metadata`;
            const { message } = await rejection(() => create({ url, allowedHosts: HOSTS, timeoutMs: TIMEOUT_MS, retry: RETRY }));
            assert.equal(message, `SAML metadata: GET ${url} failed after 3 attempts; last error: connection refused (ECONNREFUSED).`);
        });
    });

    describe("answers that cannot heal stop at once, without a retry", () => {
        for (const [status, text] of [
            [401, "Unauthorized"],
            [403, "Forbidden"],
        ] as const) {
            it(`HTTP ${status}: one request; the endpoint is expected to be public`, async () => {
                const d = await teamDomain();
                d.serve(answer(status, { "www-authenticate": 'Bearer realm="acme"' }));
                const { message } = await rejection(() => create(d.inputs()));
                assert.equal(message, `SAML metadata: GET ${d.url} answered HTTP ${status} ${text}. ${PUBLIC_HINT}`);
                assert.equal(d.server.requests.length, 1);
            });
        }

        it("an Access login page (200 text/html, or unlabelled, or mislabelled as XML): one request each; names what arrived", async () => {
            const d = await teamDomain();
            d.serve((req, res) => {
                const kind = (req.url ?? "").split("/")[1];
                const type = ({ html: "text/html; charset=utf-8", xml: "application/xml" } as Record<string, string>)[kind];
                res.writeHead(200, type ? { "content-type": type } : {});
                res.end(ACCESS_LOGIN_PAGE);
            });
            const url = (kind: string): string => d.server.url(`/${kind}/saml-metadata`);
            const html = await rejection(() => create(d.inputs({ url: url("html") })));
            assert.equal(
                html.message,
                `SAML metadata: GET ${url("html")} answered HTTP 200 with an HTML page (text/html) instead of XML; it looks like a login page. ${PUBLIC_HINT}`,
            );
            const none = await rejection(() => create(d.inputs({ url: url("none") })));
            assert.equal(
                none.message,
                `SAML metadata: GET ${url("none")} answered HTTP 200 with an HTML page (no content type) instead of XML; it looks like a login page. ${PUBLIC_HINT}`,
            );
            const xml = await rejection(() => create(d.inputs({ url: url("xml") })));
            assert.equal(xml.message, "SAML metadata: the document is an HTML page (<!DOCTYPE html>), not SAML metadata.");
            assert.deepEqual(
                d.server.requests.map((r) => r.path),
                ["html", "none", "xml"].map((k) => `/${k}/saml-metadata`),
            );
        });

        it("a compressed body that was not asked for: one request; names the encoding", async () => {
            const d = await teamDomain();
            d.serve(answer(200, { ...SAML_CT, "content-encoding": "gzip" }, gzipSync(d.xml()).toString("latin1")));
            const { message } = await rejection(() => create(d.inputs()));
            assert.equal(message, `SAML metadata: GET ${d.url} answered with content-encoding gzip, which was not requested.`);
            assert.equal(d.server.requests.length, 1);
            assert.equal(d.server.requests[0].headers["accept-encoding"], "identity");
        });

        it("a TLS certificate the host does not trust: one connection; says retrying will not help", async () => {
            const otherCa = issueCertificate({ commonName: "some other CA", isCa: true });
            const otherServer = issueCertificate({
                commonName: "localhost",
                issuer: otherCa,
                altNames: { dns: ["localhost"], ip: ["127.0.0.1"] },
            });
            const server = await raw(() => undefined, { ca: otherCa, server: otherServer });
            const url = server.url("/cdn-cgi/access/sso/saml/abc123/saml-metadata");
            const { message } = await rejection(() => create({ url, allowedHosts: HOSTS, timeoutMs: TIMEOUT_MS, retry: RETRY }));
            assert.match(
                message,
                /^SAML metadata: GET \S+ failed: the server's TLS certificate was rejected \([A-Z_]+: [^)]+\)\. Certificate errors do not heal by retrying/,
            );
            assert.ok(message.includes(url));
            assert.equal(server.connections.length, 1);
        });
    });

    describe("hostile documents are refused before anything is expanded or fetched", () => {
        it("a billion-laughs entity bomb served as metadata: refused fast, one request, the message names the DOCTYPE", async () => {
            const d = await teamDomain();
            const entities = ['<!ENTITY lol0 "lol">'];
            for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
            const bomb =
                '<?xml version="1.0" encoding="UTF-8"?>\n' +
                `<!DOCTYPE md:EntityDescriptor [${entities.join("")}]>\n` +
                d
                    .xml()
                    .replace(/^<\?xml[^>]*>\n/, "")
                    .replace(`entityID="${d.entityId}"`, 'entityID="&lol9;"');
            d.serve(answer(200, SAML_CT, bomb));
            const { message, ms } = await rejection(() => create(d.inputs()));
            assert.equal(message, DOCTYPE_REFUSAL("md:EntityDescriptor"));
            assert.match(message, /DOCTYPE/);
            assert.equal(d.server.requests.length, 1);
            // Expansion would take seconds and gigabytes; refusal takes a request's worth of time.
            assert.ok(ms < 2000, `${ms} ms`);
            // The host is alive and well afterwards.
            assert.deepEqual((await check(d.inputs())).failures, []);
        });

        it("XXE: SYSTEM file:///etc/passwd and a remote DTD: refused, nothing read or fetched, no file content in the message", async () => {
            const d = await teamDomain();
            const body = d.xml().replace(/^<\?xml[^>]*>\n/, "");
            const documents: Record<string, string> = {
                "/file/saml-metadata":
                    '<?xml version="1.0"?>\n<!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
                    body
                        .replace(`entityID="${d.entityId}"`, 'entityID="&xxe;"')
                        .replace("</md:IDPSSODescriptor>", "&xxe;</md:IDPSSODescriptor>"),
                "/remote/saml-metadata":
                    `<?xml version="1.0"?>\n<!DOCTYPE md:EntityDescriptor SYSTEM "${d.server.url("/evil.dtd")}" ` +
                    `[<!ENTITY % remote SYSTEM "${d.server.url("/evil-parameter.dtd")}"> %remote;]>\n` +
                    body,
            };
            d.serve((req, res) => {
                const doc = documents[req.url ?? ""];
                res.writeHead(doc ? 200 : 404, doc ? SAML_CT : {});
                res.end(doc ?? "");
            });
            const passwd = fs.existsSync("/etc/passwd")
                ? fs
                      .readFileSync("/etc/passwd", "utf8")
                      .split("\n")
                      .filter((l) => l.trim().length > 3)
                : [];
            for (const p of Object.keys(documents)) {
                const { message } = await rejection(() => create(d.inputs({ url: d.server.url(p) })));
                assert.equal(message, DOCTYPE_REFUSAL("md:EntityDescriptor"), p);
                assert.doesNotMatch(message, /root:/);
                for (const line of passwd) assert.ok(!message.includes(line), `the message leaks /etc/passwd: ${line}`);
            }
            // One request per document; the DTDs they name were never requested.
            assert.deepEqual(
                d.server.requests.map((r) => r.path),
                Object.keys(documents),
            );
        });

        it("a body over 1 MiB is aborted (declared or streamed); exactly 1 MiB is accepted", async () => {
            const d = await teamDomain();
            let streamed = 0;
            const aborted: Promise<void>[] = [];
            const exact = d.xml().replace("</md:EntityDescriptor>", "<!--PAD--></md:EntityDescriptor>");
            const padded = exact.replace("PAD", "x".repeat(MAX_METADATA_BYTES - Buffer.byteLength(exact) + 3));
            assert.equal(Buffer.byteLength(padded), MAX_METADATA_BYTES);
            d.serve((req: IncomingMessage, res: ServerResponse) => {
                aborted.push(new Promise((resolve) => res.on("close", () => resolve())));
                if (req.url === "/declared/saml-metadata") {
                    // Declares 50 MiB and sends one byte: the declaration alone is enough to stop.
                    res.writeHead(200, { ...SAML_CT, "content-length": String(50 * MAX_METADATA_BYTES) });
                    res.write("<");
                } else if (req.url === "/streamed/saml-metadata") {
                    res.writeHead(200, SAML_CT);
                    let open = true;
                    res.on("close", () => (open = false));
                    const pump = (): void => {
                        if (!open) return;
                        streamed += 65536;
                        res.write("x".repeat(65536));
                        setImmediate(pump);
                    };
                    pump();
                } else {
                    res.writeHead(200, SAML_CT);
                    res.end(padded);
                }
            });
            const declaredUrl = d.server.url("/declared/saml-metadata");
            const streamedUrl = d.server.url("/streamed/saml-metadata");
            const declared = await rejection(() => create(d.inputs({ url: declaredUrl })));
            assert.equal(
                declared.message,
                `SAML metadata: GET ${declaredUrl} declares a ${50 * MAX_METADATA_BYTES}-byte body, over the ${MAX_METADATA_BYTES}-byte limit; ${CHECK_URL}`,
            );
            const stream = await rejection(() => create(d.inputs({ url: streamedUrl, timeoutMs: 10000 })));
            assert.equal(
                stream.message,
                `SAML metadata: GET ${streamedUrl} sent a body over the ${MAX_METADATA_BYTES}-byte limit; ${CHECK_URL}`,
            );
            // Stopped soon after the cap: neither read to the 10 s timeout nor anywhere near it.
            assert.ok(streamed > MAX_METADATA_BYTES && streamed < 64 * MAX_METADATA_BYTES, `${streamed} bytes streamed`);
            assert.ok(stream.ms < SLACK_MS, `${stream.ms} ms`);
            // Each connection is closed by the provider, not read to the end.
            await Promise.all(aborted);
            const ok = await create(d.inputs());
            assert.equal(ok.outs.xml, padded);
            assert.equal(d.server.requests.length, 3);
        });
    });

    describe("the signing certificate", () => {
        it("expired: create fails, giving the fingerprint and the date", async () => {
            const expired = issueCertificate({ commonName: "acme expired", notBefore: daysFromNow(-400), notAfter: daysFromNow(-1) });
            const d = await teamDomain();
            d.serve(answer(200, SAML_CT, d.xml([expired])));
            const { message } = await rejection(() => create(d.inputs({ expectedCertificate: undefined })));
            assert.equal(message, `SAML metadata: the signing certificate SHA-256 ${sha256(expired)} expired on ${notAfter(expired)}.`);
            // Expecting it changes nothing: an expired certificate is never accepted.
            const expecting = await rejection(() => create(d.inputs({ expectedCertificate: expired.certPem })));
            assert.equal(expecting.message, message);
        });

        it("expiring within 30 days: create succeeds and `warnings` gives the date", async () => {
            const expiring = issueCertificate({ commonName: "acme expiring", notBefore: daysFromNow(-355), notAfter: daysFromNow(10) });
            const d = await teamDomain();
            d.serve(answer(200, SAML_CT, d.xml([expiring])));
            const created = await create(d.inputs({ expectedCertificate: expiring.certPem }));
            assert.equal(created.outs.signingCertificateNotAfter, notAfter(expiring));
            const warnings = created.outs.warnings as string[];
            assert.equal(warnings.length, 1);
            assert.match(
                warnings[0],
                new RegExp(
                    `^signing certificate ${sha256(expiring)} expires on ${notAfter(expiring).replace(/\./g, "\\.")} \\(in (9|10) days\\);`,
                ),
            );
        });

        it("rotation, two certificates: expectedCertificate = the older one chooses it; without it, the newer one", async () => {
            const older = issueCertificate({ commonName: "acme older", notBefore: daysFromNow(-300), notAfter: daysFromNow(65) });
            const newer = issueCertificate({ commonName: "acme newer", notBefore: daysFromNow(-1), notAfter: daysFromNow(730) });
            const d = await teamDomain();
            d.serve(answer(200, SAML_CT, d.xml([newer, older])));
            const expected = await create(d.inputs({ expectedCertificate: older.certPem }));
            assert.equal(expected.outs.signingCertificateSha256, sha256(older));
            assert.equal(expected.outs.signingCertificateNotAfter, notAfter(older));
            assert.deepEqual(expected.outs.warnings, []);
            const chosen = await create(d.inputs({ expectedCertificate: undefined }));
            assert.equal(chosen.outs.signingCertificateSha256, sha256(newer));
        });
    });

    describe("the document must agree with the application", () => {
        it("entityID, SSO URL and certificate mismatches fail, showing expected and actual", async () => {
            const d = await teamDomain();
            const other = issueCertificate({ commonName: "someone else" });
            const entity = await rejection(() => create(d.inputs({ expectedEntityId: "https://other.cloudflareaccess.com/x" })));
            assert.equal(
                entity.message,
                `SAML metadata: entityID mismatch: expected "https://other.cloudflareaccess.com/x" but the document has "${d.entityId}".`,
            );
            const sso = await rejection(() => create(d.inputs({ expectedSsoUrl: `${d.ssoUrl}/other` })));
            assert.equal(
                sso.message,
                `SAML metadata: ssoUrl mismatch: expected "${d.ssoUrl}/other" but the document's SingleSignOnService Locations are "${d.ssoUrl}".`,
            );
            const cert = await rejection(() => create(d.inputs({ expectedCertificate: other.certPem })));
            assert.equal(
                cert.message,
                `SAML metadata: the expected signing certificate (SHA-256 ${sha256(other)}) is not in the document, which has SHA-256 ${sha256(CURRENT)}.`,
            );
            // A document that fails validation is never worth a second request.
            assert.equal(d.server.requests.length, 3);
        });
    });

    describe("nothing secret leaves; nothing is left behind", () => {
        it("sends no cookie or authorization header, not even after a Set-Cookie, a challenge or a redirect", async () => {
            const d = await teamDomain();
            d.serve((req, res, index) => {
                if (index === 0) {
                    res.writeHead(503, { "set-cookie": "CF_Authorization=stolen; Path=/", "www-authenticate": "Basic realm=acme" });
                    res.end();
                } else if (req.url !== "/final/saml-metadata") {
                    res.writeHead(302, { location: "/final/saml-metadata", "set-cookie": "session=abc; Path=/" });
                    res.end();
                } else {
                    answer(200, SAML_CT, d.xml())(req, res, index);
                }
            });
            const created = await create(d.inputs());
            assert.equal(created.outs.fetchedFrom, d.server.url("/final/saml-metadata"));
            assert.equal(d.server.requests.length, 3);
            for (const { method, headers } of d.server.requests) {
                assert.equal(method, "GET");
                for (const name of ["cookie", "authorization", "proxy-authorization"]) assert.equal(headers[name], undefined, name);
                assert.equal(headers["user-agent"], "zero-trust-aws-sso");
                assert.equal(headers["content-length"], undefined);
                assert.equal(headers["transfer-encoding"], undefined);
            }
        });

        it("refuses a URL with userinfo before any request: in check, in create and in read, without echoing the password", async () => {
            const d = await teamDomain();
            const at = (userinfo: string): string => d.url.replace("https://", `https://${userinfo}@`);
            const masked = d.url.replace("https://", "https://***@");
            for (const userinfo of ["user:s3cr3t-pw", "s3cr3t-token", ":s3cr3t-pw"]) {
                const reason = `${masked} embeds credentials (user:password@); remove them, the SAML metadata endpoint is public.`;
                const { failures } = await check(d.inputs({ url: at(userinfo) }));
                assert.deepEqual(failures, [{ property: "url", reason }], userinfo);
                const created = await rejection(() => create(d.inputs({ url: at(userinfo) })));
                assert.equal(created.message, `SAML metadata: ${reason}`);
                const refreshed = await rejection(() => read(at(userinfo), { ...d.inputs({ url: at(userinfo) }), xml: "<old/>" }));
                assert.equal(refreshed.message, `${REFRESH_FAILED}SAML metadata: ${reason}`);
                for (const message of [failures[0].reason, created.message, refreshed.message]) assert.doesNotMatch(message, /s3cr3t/);
            }
            assert.equal(d.server.requests.length, 0);
        });

        it("a failed create returns an error and leaves no trace: only GETs without a body, every connection closed", async () => {
            const d = await teamDomain();
            d.serve(firstThen(1, answer(503), answer(200, SAML_CT, d.xml())));
            const { message } = await rejection(() => create(d.inputs({ expectedEntityId: "https://other.cloudflareaccess.com/x" })));
            assert.match(message, /^SAML metadata: entityID mismatch: /);
            assert.equal(d.server.requests.length, 2);
            for (const { method, headers } of d.server.requests) {
                assert.equal(method, "GET");
                assert.equal(headers["content-length"], undefined);
                assert.equal(headers["transfer-encoding"], undefined);
            }
            // The provider destroys every request it made; nothing stays connected to the team domain.
            await Promise.all(d.sockets.map((s) => (s.destroyed ? undefined : new Promise((resolve) => s.once("close", resolve)))));
            // And the host carries no state from the failure: the same inputs, corrected, just work.
            const created = await create(d.inputs());
            assert.equal(created.outs.entityId, d.entityId);
        });
    });

    describe("refresh (read)", () => {
        it("throws when the server starts failing, keeping the stored document and saying why", async () => {
            const d = await teamDomain();
            const created = await create(d.inputs());
            d.serve(answer(500));
            const failing = await rejection(() => read(created.id, { ...created.outs }));
            assert.equal(
                failing.message,
                `${REFRESH_FAILED}SAML metadata: GET ${d.url} failed after 3 attempts; last answer: HTTP 500 Internal Server Error.`,
            );
            d.serve(answer(200, { "content-type": "text/html" }, ACCESS_LOGIN_PAGE));
            const login = await rejection(() => read(created.id, { ...created.outs }));
            assert.ok(
                login.message.startsWith(`${REFRESH_FAILED}SAML metadata: GET ${d.url} answered HTTP 200 with an HTML page (text/html)`),
                login.message,
            );
            assert.equal(d.server.requests.length, 1 + 3 + 1);
            // Healthy again: read returns the same document.
            d.serve(answer(200, SAML_CT, d.xml()));
            const healed = await read(created.id, { ...created.outs });
            assert.equal(healed.props.xml, created.outs.xml);
            assert.deepEqual(healed.props.warnings, []);
        });
    });

    describe("concurrency", () => {
        it("10 creates at once through one host against one server are independent: each retries and gets its own document", async () => {
            const apps = Array.from({ length: 10 }, (_, i) => ({ id: `app${i}`, cert: issueCertificate({ commonName: `app${i}` }) }));
            const d = await teamDomain();
            const documents = new Map<string, string>();
            for (const app of apps) {
                const ssoUrl = d.server.url(`/cdn-cgi/access/sso/saml/${app.id}`);
                documents.set(
                    `/cdn-cgi/access/sso/saml/${app.id}/saml-metadata`,
                    metadataDocument({ entityId: d.server.url(`/${app.id}`), ssoUrl, certificates: [app.cert.base64] }),
                );
            }
            const seen = new Map<string, number>();
            d.serve((req, res) => {
                const n = (seen.get(req.url ?? "") ?? 0) + 1;
                seen.set(req.url ?? "", n);
                // Every path fails its first request, so each create needs its own retry.
                if (n === 1) return answer(503)(req, res, 0);
                // The later the app, the sooner its answer: responses overlap and arrive out of order.
                const app = Number(/\/app(\d+)\//.exec(req.url ?? "")?.[1] ?? 0);
                setTimeout(() => answer(200, SAML_CT, documents.get(req.url ?? "") ?? "")(req, res, 0), (apps.length - app) * 5);
            });
            const results = await Promise.all(
                apps.map((app) =>
                    create({
                        url: d.server.url(`/cdn-cgi/access/sso/saml/${app.id}/saml-metadata`),
                        expectedEntityId: d.server.url(`/${app.id}`),
                        expectedCertificate: app.cert.certPem,
                        allowedHosts: HOSTS,
                        timeoutMs: 5000,
                        retry: RETRY,
                    }),
                ),
            );
            results.forEach((created, i) => {
                const p = `/cdn-cgi/access/sso/saml/${apps[i].id}/saml-metadata`;
                assert.equal(created.id, d.server.url(p));
                assert.equal(created.outs.xml, documents.get(p));
                assert.equal(created.outs.entityId, d.server.url(`/${apps[i].id}`));
                assert.equal(created.outs.signingCertificateSha256, sha256(apps[i].cert));
                assert.equal(seen.get(p), 2);
            });
            assert.equal(d.server.requests.length, 20);
        });
    });
});
