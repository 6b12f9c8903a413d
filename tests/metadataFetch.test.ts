// The metadata fetcher against real loopback HTTPS/TCP servers: every retry, timeout, cap and refusal path on the
// wire, plus the pure helpers with exact values. Knobs are tiny (ms delays, 300 ms timeouts) so the file stays fast;
// timing asserts are lower bounds the code guarantees and generous upper bounds only.
import * as assert from "node:assert/strict";
import {
    backoffDelayMs,
    DEFAULT_ALLOWED_HOSTS,
    DEFAULT_RETRY,
    DEFAULT_TIMEOUT_MS,
    fetchMetadataDocument,
    fetchOptionsProblem,
    hostMatches,
    MAX_METADATA_BYTES,
    MAX_REDIRECTS,
    metadataUrlProblem,
    type MetadataFetchOptions,
    type RetryPolicy,
    type RetryProgress,
} from "../components/metadata/metadataFetch";
import { startLoopbackServer, serveXml, type LoopbackServer, type RequestHandler } from "../harness/loopbackServer";
import { closedPort, startRawServer, type ConnectionHandler, type RawServer } from "../harness/faultServer";
import { loopbackTls } from "../harness/certificates";

const TLS = loopbackTls();
const CA = TLS.ca.certPem;
const HOSTS = ["127.0.0.1", "localhost"];
const XML =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://acme.cloudflareaccess.com"/>';
const METADATA_URL = "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/0123abcd/saml-metadata";
const URL_SHAPE = "https://<team>.cloudflareaccess.com/cdn-cgi/access/sso/saml/<id>/saml-metadata";
const CHECK_URL = "check that the URL is the app's SAML metadata endpoint (its SSO endpoint followed by /saml-metadata).";
const PUBLIC_HINT =
    "The metadata endpoint is expected to be public: check that no Access policy or WAF rule protects " +
    "/cdn-cgi/access/sso/saml/... and that the URL is the app's SAML metadata endpoint (its SSO endpoint followed " +
    "by /saml-metadata).";

/** Test knobs: 3 attempts, 5..40 ms delays, 300 ms per attempt, the test CA. */
function knobs(overrides: Partial<Omit<MetadataFetchOptions, "retry">> & { retry?: Partial<RetryPolicy> } = {}): MetadataFetchOptions {
    const { retry, ...rest } = overrides;
    return {
        allowedHosts: HOSTS,
        timeoutMs: 300,
        ca: CA,
        ...rest,
        retry: { attempts: 3, minDelayMs: 5, maxDelayMs: 40, ...retry },
    };
}

function gaps(times: number[]): number[] {
    return times.slice(1).map((t, i) => t - times[i]);
}

function answer(status: number, headers: Record<string, string> = {}, body = ""): RequestHandler {
    return (_req, res) => {
        res.writeHead(status, headers);
        res.end(body);
    };
}

/** Answers `first` for the first `count` requests, then serves the XML. */
function failFirst(count: number, first: RequestHandler): RequestHandler {
    const ok = serveXml(XML);
    return (req, res, index) => (index < count ? first(req, res, index) : ok(req, res, index));
}

describe("metadataFetch", function () {
    const running: { close(): Promise<void> }[] = [];
    async function https(handler: RequestHandler): Promise<LoopbackServer> {
        const server = await startLoopbackServer(handler, TLS);
        running.push(server);
        return server;
    }
    async function raw(handler: ConnectionHandler, tls = false): Promise<RawServer> {
        const server = await startRawServer(handler, tls ? TLS : undefined);
        running.push(server);
        return server;
    }
    afterEach(async () => {
        await Promise.all(running.splice(0).map((s) => s.close()));
    });

    describe("constants", () => {
        it("match the documented defaults", () => {
            assert.deepEqual(DEFAULT_ALLOWED_HOSTS, ["*.cloudflareaccess.com"]);
            assert.deepEqual(DEFAULT_RETRY, { attempts: 8, minDelayMs: 500, maxDelayMs: 10000 });
            assert.equal(DEFAULT_TIMEOUT_MS, 10000);
            assert.equal(MAX_METADATA_BYTES, 1048576);
            assert.equal(MAX_REDIRECTS, 3);
            assert.equal(
                fetchOptionsProblem({ timeoutMs: DEFAULT_TIMEOUT_MS, retry: DEFAULT_RETRY, allowedHosts: DEFAULT_ALLOWED_HOSTS }),
                undefined,
            );
        });
    });

    describe("hostMatches", () => {
        it("matches exact names case-insensitively, ignoring ports and a trailing dot", () => {
            assert.equal(hostMatches("acme.cloudflareaccess.com", "acme.cloudflareaccess.com"), true);
            assert.equal(hostMatches("ACME.CloudflareAccess.com", "acme.cloudflareaccess.COM"), true);
            assert.equal(hostMatches("127.0.0.1:8443", "127.0.0.1"), true);
            assert.equal(hostMatches("localhost", "localhost:443"), true);
            assert.equal(hostMatches("acme.cloudflareaccess.com.", "acme.cloudflareaccess.com"), true);
            assert.equal(hostMatches("[::1]", "::1"), true);
            assert.equal(hostMatches("other.cloudflareaccess.com", "acme.cloudflareaccess.com"), false);
            assert.equal(hostMatches("", "localhost"), false);
        });

        it("matches a wildcard at any subdomain depth, but not the bare domain or look-alikes", () => {
            const p = "*.cloudflareaccess.com";
            assert.equal(hostMatches("acme.cloudflareaccess.com", p), true);
            assert.equal(hostMatches("a.b.cloudflareaccess.com", p), true);
            assert.equal(hostMatches("ACME.CLOUDFLAREACCESS.COM", p), true);
            assert.equal(hostMatches("cloudflareaccess.com", p), false);
            assert.equal(hostMatches("evilcloudflareaccess.com", p), false);
            assert.equal(hostMatches("acme.cloudflareaccess.com.evil.net", p), false);
            assert.equal(hostMatches(".cloudflareaccess.com", p), false);
        });
    });

    describe("metadataUrlProblem", () => {
        it("accepts the app's metadata endpoint on a team domain", () => {
            assert.equal(metadataUrlProblem(METADATA_URL, DEFAULT_ALLOWED_HOSTS), undefined);
            assert.equal(metadataUrlProblem("https://127.0.0.1:8443/x", HOSTS), undefined);
        });

        it("names the URL and the fix for each problem", () => {
            assert.equal(
                metadataUrlProblem("acme.cloudflareaccess.com/saml-metadata", DEFAULT_ALLOWED_HOSTS),
                `"acme.cloudflareaccess.com/saml-metadata" is not a URL; use the app's SAML metadata endpoint, ${URL_SHAPE}.`,
            );
            assert.equal(
                metadataUrlProblem("http://acme.cloudflareaccess.com/m", DEFAULT_ALLOWED_HOSTS),
                `http://acme.cloudflareaccess.com/m does not use https; use the https:// address of the app's SAML metadata endpoint, ${URL_SHAPE}.`,
            );
            assert.equal(
                metadataUrlProblem("https://user:s3cret@acme.cloudflareaccess.com/m", DEFAULT_ALLOWED_HOSTS),
                "https://***@acme.cloudflareaccess.com/m embeds credentials (user:password@); remove them, the SAML metadata endpoint is public.",
            );
            assert.equal(
                metadataUrlProblem("https://cloudflareaccess.com.evil.net/m", DEFAULT_ALLOWED_HOSTS),
                "the host of https://cloudflareaccess.com.evil.net/m is not one of the allowed hosts (*.cloudflareaccess.com); " +
                    `use the app's SAML metadata endpoint, ${URL_SHAPE}, or add the host to allowedHosts.`,
            );
        });
    });

    describe("fetchOptionsProblem", () => {
        it("accepts sensible knobs and partial input", () => {
            assert.equal(fetchOptionsProblem({}), undefined);
            assert.equal(fetchOptionsProblem({ timeoutMs: 100, retry: { attempts: 1, minDelayMs: 0, maxDelayMs: 0 } }), undefined);
            assert.equal(
                fetchOptionsProblem({ timeoutMs: 120000, retry: { attempts: 20, minDelayMs: 60000, maxDelayMs: 300000 } }),
                undefined,
            );
            assert.equal(
                fetchOptionsProblem({ retry: { attempts: 3 }, allowedHosts: ["localhost:8443", "*.example.com", "[::1]"] }),
                undefined,
            );
        });

        it("names the field and its range", () => {
            const cases: [Parameters<typeof fetchOptionsProblem>[0], string][] = [
                [{ timeoutMs: 99 }, "timeoutMs must be an integer from 100 to 120000"],
                [{ timeoutMs: 1.5e3 + 0.5 }, "timeoutMs must be an integer from 100 to 120000"],
                [{ retry: { attempts: 0 } }, "retry.attempts must be an integer from 1 to 20"],
                [{ retry: { attempts: 21 } }, "retry.attempts must be an integer from 1 to 20"],
                [{ retry: { attempts: Number.NaN } }, "retry.attempts must be an integer from 1 to 20"],
                [{ retry: { attempts: "3" as unknown as number } }, "retry.attempts must be an integer from 1 to 20"],
                [{ retry: { minDelayMs: -1 } }, "retry.minDelayMs must be an integer from 0 to 60000"],
                [{ retry: { minDelayMs: 500, maxDelayMs: 499 } }, "retry.maxDelayMs must be an integer from 500 to 300000"],
                [{ retry: { maxDelayMs: 300001 } }, "retry.maxDelayMs must be an integer from 500 to 300000"],
                [
                    { retry: { minDelayMs: 20000 } },
                    "retry.minDelayMs (20000) exceeds the default retry.maxDelayMs (10000); set retry.maxDelayMs too",
                ],
                [
                    { allowedHosts: [] },
                    'allowedHosts must be a non-empty list of host names or "*.domain" patterns, e.g. ["*.cloudflareaccess.com"]',
                ],
                [
                    { allowedHosts: ["localhost", "*"] },
                    'allowedHosts[1] ("*") must be a host name such as "acme.cloudflareaccess.com" or a pattern such as "*.cloudflareaccess.com"',
                ],
                [
                    { allowedHosts: ["https://acme.cloudflareaccess.com"] },
                    'allowedHosts[0] ("https://acme.cloudflareaccess.com") must be a host name such as "acme.cloudflareaccess.com" or a pattern such as "*.cloudflareaccess.com"',
                ],
            ];
            for (const [input, message] of cases) assert.equal(fetchOptionsProblem(input), message, JSON.stringify(input));
        });
    });

    describe("backoffDelayMs", () => {
        const policy: RetryPolicy = { attempts: 8, minDelayMs: 100, maxDelayMs: 1000 };

        it("doubles from minDelayMs, caps at maxDelayMs, and applies equal jitter", () => {
            const low = [1, 2, 3, 4, 5, 6].map((i) => backoffDelayMs(i, policy, () => 0));
            const mid = [1, 2, 3, 4, 5, 6].map((i) => backoffDelayMs(i, policy, () => 0.5));
            const high = [1, 2, 3, 4, 5, 6].map((i) => backoffDelayMs(i, policy, () => 1));
            assert.deepEqual(low, [50, 100, 200, 400, 500, 500]);
            assert.deepEqual(mid, [75, 150, 300, 600, 750, 750]);
            assert.deepEqual(high, [100, 200, 400, 800, 1000, 1000]);
        });

        it("stays within [base/2, base] for any random source, and survives odd input", () => {
            assert.equal(
                backoffDelayMs(1, policy, () => 7),
                100,
            );
            assert.equal(
                backoffDelayMs(1, policy, () => -3),
                50,
            );
            assert.equal(
                backoffDelayMs(1, policy, () => Number.NaN),
                50,
            );
            assert.equal(
                backoffDelayMs(0, policy, () => 1),
                100,
            );
            assert.equal(
                backoffDelayMs(10_000, policy, () => 1),
                1000,
            );
            assert.equal(backoffDelayMs(1, { attempts: 2, minDelayMs: 0, maxDelayMs: 0 }), 0);
            for (let i = 0; i < 50; i++) {
                const d = backoffDelayMs(3, policy);
                assert.ok(d >= 200 && d <= 400, String(d));
            }
        });

        it("sums to 17.75..35.5 s of waiting over the 7 retries of DEFAULT_RETRY", () => {
            const retries = Array.from({ length: DEFAULT_RETRY.attempts - 1 }, (_, i) => i + 1);
            const sum = (r: () => number): number => retries.reduce((t, i) => t + backoffDelayMs(i, DEFAULT_RETRY, r), 0);
            assert.deepEqual(
                retries.map((i) => backoffDelayMs(i, DEFAULT_RETRY, () => 1)),
                [500, 1000, 2000, 4000, 8000, 10000, 10000],
            );
            assert.equal(
                sum(() => 0),
                17750,
            );
            assert.equal(
                sum(() => 0.5),
                26625,
            );
            assert.equal(
                sum(() => 1),
                35500,
            );
        });
    });

    describe("fetchMetadataDocument", () => {
        it("returns the decoded body with its BOM, the final URL and content type, sending only the expected headers", async () => {
            const body = "\ufeff" + XML.replace("acme", "äcmé");
            const server = await https(serveXml(body, "application/samlmetadata+xml; charset=utf-8"));
            const doc = await fetchMetadataDocument(server.url("/cdn-cgi/access/sso/saml/abc/saml-metadata"), knobs());
            assert.equal(doc.body, body);
            assert.equal(doc.body.charCodeAt(0), 0xfeff);
            assert.equal(doc.finalUrl, server.url("/cdn-cgi/access/sso/saml/abc/saml-metadata"));
            assert.equal(doc.contentType, "application/samlmetadata+xml; charset=utf-8");
            assert.equal(doc.attempts, 1);
            assert.ok(doc.elapsedMs >= 0 && doc.elapsedMs < 5000);
            assert.equal(server.requests.length, 1);
            const { method, headers } = server.requests[0];
            assert.equal(method, "GET");
            assert.equal(headers.accept, "application/samlmetadata+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
            assert.equal(headers["user-agent"], "zero-trust-aws-sso");
            assert.equal(headers.connection, "close");
            assert.equal(headers.cookie, undefined);
            assert.equal(headers.authorization, undefined);
        });

        it("accepts XML under a generic or missing content type, and a body of exactly maxBytes", async () => {
            const server = await https((_req, res, i) => {
                res.writeHead(200, i === 0 ? { "content-type": "text/plain" } : {});
                res.end(XML);
            });
            assert.equal((await fetchMetadataDocument(server.url(), knobs())).body, XML);
            const doc = await fetchMetadataDocument(server.url(), knobs({ maxBytes: Buffer.byteLength(XML) }));
            assert.equal(doc.body, XML);
            assert.equal(doc.contentType, "");
        });

        it("retries 404 until the document appears, with gaps growing from minDelayMs up to maxDelayMs", async () => {
            const server = await https(failFirst(4, answer(404)));
            const doc = await fetchMetadataDocument(
                server.url(),
                knobs({ retry: { attempts: 6, minDelayMs: 20, maxDelayMs: 40 }, random: () => 1 }),
            );
            assert.equal(doc.attempts, 5);
            assert.equal(server.requests.length, 5);
            const measured = gaps(server.requests.map((r) => r.at));
            // Delays are exactly 20, 40, 40, 40 with random() = 1; each gap adds a request and a handshake on top.
            [20, 40, 40, 40].forEach((delay, i) =>
                assert.ok(measured[i] >= delay - 2 && measured[i] < 1500, `gap ${i}: ${measured[i]} ms`),
            );
        });

        it("tells onRetry about each wait: the failed attempt, the reason and the delay", async () => {
            const server = await https(failFirst(2, answer(404)));
            const progress: RetryProgress[] = [];
            const doc = await fetchMetadataDocument(
                server.url(),
                knobs({ retry: { attempts: 4, minDelayMs: 20, maxDelayMs: 40 }, random: () => 1, onRetry: (p) => progress.push(p) }),
            );
            assert.equal(doc.attempts, 3);
            assert.deepEqual(progress, [
                { attempt: 1, attempts: 4, reason: "answer: HTTP 404 Not Found", delayMs: 20 },
                { attempt: 2, attempts: 4, reason: "answer: HTTP 404 Not Found", delayMs: 40 },
            ]);
        });

        it("waits Retry-After seconds on 429", async () => {
            const server = await https(failFirst(1, answer(429, { "retry-after": "1" })));
            const doc = await fetchMetadataDocument(server.url(), knobs({ retry: { maxDelayMs: 5000 } }));
            assert.equal(doc.attempts, 2);
            const [gap] = gaps(server.requests.map((r) => r.at));
            assert.ok(gap >= 990 && gap < 4000, `${gap} ms`);
        });

        it("waits until a Retry-After HTTP date on 503, capped at maxDelayMs", async () => {
            const inAnHour = new Date(Date.now() + 3600_000).toUTCString();
            const server = await https(failFirst(1, answer(503, { "retry-after": inAnHour })));
            const doc = await fetchMetadataDocument(server.url(), knobs({ retry: { maxDelayMs: 250 } }));
            assert.equal(doc.attempts, 2);
            const [gap] = gaps(server.requests.map((r) => r.at));
            assert.ok(gap >= 248 && gap < 2500, `${gap} ms`);
        });

        it("ignores Retry-After on statuses other than 429 and 503", async () => {
            const server = await https(failFirst(1, answer(500, { "retry-after": "5" })));
            const started = Date.now();
            assert.equal((await fetchMetadataDocument(server.url(), knobs())).attempts, 2);
            assert.ok(Date.now() - started < 2500);
        });

        it("gives up after exactly `attempts` requests of HTTP 500, with the count, the last status and the URL", async () => {
            const server = await https(answer(500));
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs()), {
                message: `SAML metadata: GET ${server.url("/m")} failed after 3 attempts; last answer: HTTP 500 Internal Server Error.`,
            });
            assert.equal(server.requests.length, 3);
        });

        it("adds a hint when the document is still missing (404) after every attempt", async () => {
            const server = await https(answer(404));
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs({ retry: { attempts: 1 } })), {
                message:
                    `SAML metadata: GET ${server.url("/m")} failed after 1 attempt; last answer: HTTP 404 Not Found. ` +
                    `The app may not be published yet, or the URL is wrong: ${CHECK_URL}`,
            });
            assert.equal(server.requests.length, 1);
        });

        it("retries a refused connection and names the error", async () => {
            const url = `https://127.0.0.1:${await closedPort()}/m`;
            await assert.rejects(fetchMetadataDocument(url, knobs()), {
                message: `SAML metadata: GET ${url} failed after 3 attempts; last error: connection refused (ECONNREFUSED).`,
            });
        });

        it("retries a connection closed mid-body, and recovers when the server does", async () => {
            const cut: RequestHandler = (_req, res) => {
                res.writeHead(200, { "content-type": "application/xml", "content-length": "5000" });
                res.write(XML.slice(0, 40));
                setTimeout(() => res.socket?.destroy(), 10);
            };
            const flaky = await https(failFirst(2, cut));
            assert.equal((await fetchMetadataDocument(flaky.url(), knobs())).attempts, 3);

            const broken = await https(cut);
            await assert.rejects(fetchMetadataDocument(broken.url("/m"), knobs()), {
                message: `SAML metadata: GET ${broken.url("/m")} failed after 3 attempts; last error: connection closed mid-body (ECONNRESET).`,
            });
            assert.equal(broken.requests.length, 3);
        });

        it("retries a TLS handshake cut by the server", async () => {
            const server = await raw((socket) => socket.destroy());
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs()), {
                message: `SAML metadata: GET ${server.url("/m")} failed after 3 attempts; last error: connection closed during the TLS handshake (ECONNRESET).`,
            });
            assert.equal(server.connections.length, 3);
        });

        it("ends each attempt at timeoutMs when the server accepts and never answers", async () => {
            const silent = await raw(() => undefined);
            const started = Date.now();
            await assert.rejects(fetchMetadataDocument(silent.url("/m"), knobs({ retry: { attempts: 2 } })), {
                message: `SAML metadata: GET ${silent.url("/m")} failed after 2 attempts; last error: no complete response within 300 ms.`,
            });
            const elapsed = Date.now() - started;
            // attempts × (timeout + maxDelay) = 680 ms, plus slack for a loaded machine.
            assert.ok(elapsed >= 595 && elapsed < 680 + 2000, `${elapsed} ms`);
            assert.equal(silent.connections.length, 2);

            const mute = await https(() => undefined);
            await assert.rejects(fetchMetadataDocument(mute.url("/m"), knobs({ retry: { attempts: 1 } })), {
                message: `SAML metadata: GET ${mute.url("/m")} failed after 1 attempt; last error: no complete response within 300 ms.`,
            });
            assert.equal(mute.requests.length, 1);
        });

        it("ends each attempt at timeoutMs even while the body keeps dripping", async () => {
            const server = await https((_req, res) => {
                res.writeHead(200, { "content-type": "application/xml" });
                const drip = setInterval(() => res.write(" "), 20);
                res.on("close", () => clearInterval(drip));
            });
            const started = Date.now();
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs({ retry: { attempts: 2 } })), {
                message: `SAML metadata: GET ${server.url("/m")} failed after 2 attempts; last error: no complete response within 300 ms.`,
            });
            const elapsed = Date.now() - started;
            assert.ok(elapsed >= 595 && elapsed < 680 + 2000, `${elapsed} ms`);
            assert.equal(server.requests.length, 2);
        });

        for (const status of [401, 403]) {
            it(`does not retry HTTP ${status}, and says the endpoint is expected to be public`, async () => {
                const server = await https(answer(status));
                const text = status === 401 ? "Unauthorized" : "Forbidden";
                await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs()), {
                    message: `SAML metadata: GET ${server.url("/m")} answered HTTP ${status} ${text}. ${PUBLIC_HINT}`,
                });
                assert.equal(server.requests.length, 1);
            });
        }

        it("does not retry other client errors", async () => {
            const server = await https((req, res) => {
                res.writeHead(Number(req.url?.slice(1)));
                res.end();
            });
            for (const [status, text] of [
                [400, "Bad Request"],
                [405, "Method Not Allowed"],
                [410, "Gone"],
                [501, "Not Implemented"],
            ] as const) {
                await assert.rejects(fetchMetadataDocument(server.url(`/${status}`), knobs()), {
                    message: `SAML metadata: GET ${server.url(`/${status}`)} answered HTTP ${status} ${text}; ${CHECK_URL}`,
                });
            }
            assert.equal(server.requests.length, 4);
        });

        it("does not retry an HTML page, and says it looks like a login page", async () => {
            const server = await https(
                answer(200, { "content-type": "text/html; charset=utf-8" }, "<!DOCTYPE html><title>Sign in</title>"),
            );
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs()), {
                message: `SAML metadata: GET ${server.url("/m")} answered HTTP 200 with an HTML page (text/html) instead of XML; it looks like a login page. ${PUBLIC_HINT}`,
            });
            assert.equal(server.requests.length, 1);
        });

        it("sniffs an HTML body when the content type is generic or missing", async () => {
            const server = await https((_req, res, i) => {
                res.writeHead(200, i === 0 ? { "content-type": "application/octet-stream" } : {});
                res.end(i === 0 ? "\ufeff \r\n\t<!doctype HTML>\n<html></html>" : "  <HTML lang=en>");
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs()), {
                message: `SAML metadata: GET ${server.url("/m")} answered HTTP 200 with an HTML page (application/octet-stream) instead of XML; it looks like a login page. ${PUBLIC_HINT}`,
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs()), {
                message: `SAML metadata: GET ${server.url("/m")} answered HTTP 200 with an HTML page (no content type) instead of XML; it looks like a login page. ${PUBLIC_HINT}`,
            });
            assert.equal(server.requests.length, 2);
        });

        it("does not retry other non-XML content types, and names them", async () => {
            const server = await https((req, res) => {
                res.writeHead(200, { "content-type": req.url === "/json" ? "application/json" : "image/png" });
                res.end("{}");
            });
            await assert.rejects(fetchMetadataDocument(server.url("/json"), knobs()), {
                message: `SAML metadata: GET ${server.url("/json")} answered HTTP 200 with content type application/json, not XML; ${CHECK_URL}`,
            });
            await assert.rejects(fetchMetadataDocument(server.url("/png"), knobs()), {
                message: `SAML metadata: GET ${server.url("/png")} answered HTTP 200 with content type image/png, not XML; ${CHECK_URL}`,
            });
            assert.equal(server.requests.length, 2);
        });

        it("follows relative and cross-host redirects to allowed https hosts without spending attempts", async () => {
            const server: LoopbackServer = await https((req, res) => {
                if (req.url === "/a") res.writeHead(301, { location: "b" });
                else if (req.url === "/b") res.writeHead(307, { location: "/c?x=1" });
                else if (req.url === "/c?x=1") res.writeHead(308, { location: server.localhostUrl("/final") });
                else return serveXml(XML)(req, res, 0);
                res.end();
            });
            const doc = await fetchMetadataDocument(server.url("/a"), knobs({ retry: { attempts: 1 } }));
            assert.equal(doc.body, XML);
            assert.equal(doc.finalUrl, server.localhostUrl("/final"));
            assert.equal(doc.attempts, 1);
            assert.deepEqual(
                server.requests.map((r) => r.path),
                ["/a", "/b", "/c?x=1", "/final"],
            );
        });

        it("stops after MAX_REDIRECTS hops", async () => {
            const server = await https((req, res) => {
                res.writeHead(302, { location: `/hop${Number(req.url?.replace("/hop", "") || 0) + 1}` });
                res.end();
            });
            await assert.rejects(fetchMetadataDocument(server.url("/hop0"), knobs()), {
                message: `SAML metadata: GET ${server.url("/hop0")} was redirected more than 3 times (last to ${server.url("/hop4")}); use the URL of the metadata document itself.`,
            });
            assert.equal(server.requests.length, 4);
        });

        it("refuses redirects to http, to credentials, to hosts not allowed, or without a Location", async () => {
            const server = await https((req, res) => {
                const to: Record<string, string> = {
                    "/http": `http://127.0.0.1:${server.port}/m`,
                    "/creds": `https://u:p@127.0.0.1:${server.port}/m`,
                    "/evil": "https://evil.example/m",
                    "/localhost": server.localhostUrl("/m"),
                    "/invalid": "https://[bad/m",
                };
                res.writeHead(302, to[req.url ?? ""] ? { location: to[req.url ?? ""] } : {});
                res.end();
            });
            const refused = (from: string, to: string, hosts = "127.0.0.1, localhost"): string =>
                `SAML metadata: GET ${server.url(from)} redirected (HTTP 302) to ${to}, which is not followed: redirects must stay on https, without credentials, on an allowed host (${hosts}).`;
            await assert.rejects(fetchMetadataDocument(server.url("/http"), knobs()), {
                message: refused("/http", `http://127.0.0.1:${server.port}/m`),
            });
            await assert.rejects(fetchMetadataDocument(server.url("/creds"), knobs()), {
                message: refused("/creds", `https://***@127.0.0.1:${server.port}/m`),
            });
            await assert.rejects(fetchMetadataDocument(server.url("/evil"), knobs()), {
                message: refused("/evil", "https://evil.example/m"),
            });
            await assert.rejects(fetchMetadataDocument(server.url("/localhost"), knobs({ allowedHosts: ["127.0.0.1"] })), {
                message: refused("/localhost", server.localhostUrl("/m"), "127.0.0.1"),
            });
            await assert.rejects(fetchMetadataDocument(server.url("/none"), knobs()), {
                message: `SAML metadata: GET ${server.url("/none")} answered HTTP 302 Found without a Location header.`,
            });
            await assert.rejects(fetchMetadataDocument(server.url("/invalid"), knobs()), {
                message: `SAML metadata: GET ${server.url("/invalid")} redirected (HTTP 302) to an invalid Location "https://[bad/m".`,
            });
            assert.deepEqual(
                server.requests.map((r) => r.path),
                ["/http", "/creds", "/evil", "/localhost", "/none", "/invalid"],
            );
        });

        it("aborts a body declared larger than maxBytes without reading it", async () => {
            let serverSawClose!: () => void;
            const closed = new Promise<void>((resolve) => (serverSawClose = resolve));
            const server = await https((_req, res) => {
                res.writeHead(200, { "content-type": "application/xml", "content-length": String(50 * 1024 * 1024) });
                res.write("<");
                res.on("close", serverSawClose);
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs({ maxBytes: 4096 })), {
                message: `SAML metadata: GET ${server.url("/m")} declares a 52428800-byte body, over the 4096-byte limit; ${CHECK_URL}`,
            });
            await closed;
            assert.equal(server.requests.length, 1);
        });

        it("aborts an endless chunked body once it passes maxBytes", async () => {
            let written = 0;
            const server = await https((_req, res) => {
                res.writeHead(200, { "content-type": "application/xml" });
                let open = true;
                res.on("close", () => (open = false));
                const pump = (): void => {
                    if (!open) return;
                    written += 1024;
                    res.write("x".repeat(1024));
                    setImmediate(pump);
                };
                pump();
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs({ maxBytes: 8192, timeoutMs: 5000 })), {
                message: `SAML metadata: GET ${server.url("/m")} sent a body over the 8192-byte limit; ${CHECK_URL}`,
            });
            assert.equal(server.requests.length, 1);
            assert.ok(written > 8192);
        });

        it("rejects an untrusted server certificate at once, without retrying", async () => {
            const server = await raw(() => undefined, true);
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs({ ca: undefined })), {
                message:
                    `SAML metadata: GET ${server.url("/m")} failed: the server's TLS certificate was rejected ` +
                    "(UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate). Certificate errors do not heal by " +
                    "retrying: check the host, or behind a TLS-inspecting proxy add its CA with NODE_EXTRA_CA_CERTS.",
            });
            assert.equal(server.connections.length, 1);
        });

        it("rejects bad URLs and knobs before any request", async () => {
            const server = await https(serveXml(XML));
            const port = server.port;
            await assert.rejects(fetchMetadataDocument(`http://127.0.0.1:${port}/m`, knobs()), {
                message: `SAML metadata: http://127.0.0.1:${port}/m does not use https; use the https:// address of the app's SAML metadata endpoint, ${URL_SHAPE}.`,
            });
            await assert.rejects(fetchMetadataDocument(`https://me:pw@127.0.0.1:${port}/m`, knobs()), {
                message: `SAML metadata: https://***@127.0.0.1:${port}/m embeds credentials (user:password@); remove them, the SAML metadata endpoint is public.`,
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs({ allowedHosts: ["localhost"] })), {
                message: `SAML metadata: the host of ${server.url("/m")} is not one of the allowed hosts (localhost); use the app's SAML metadata endpoint, ${URL_SHAPE}, or add the host to allowedHosts.`,
            });
            await assert.rejects(fetchMetadataDocument("", knobs()), {
                message: `SAML metadata: "" is not a URL; use the app's SAML metadata endpoint, ${URL_SHAPE}.`,
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs({ retry: { attempts: 0 } })), {
                message: "SAML metadata: retry.attempts must be an integer from 1 to 20.",
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), knobs({ maxBytes: 0 })), {
                message: `SAML metadata: maxBytes must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}.`,
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), { ...knobs(), retry: { attempts: 2 } as RetryPolicy }), {
                message: "SAML metadata: retry must set attempts, minDelayMs and maxDelayMs.",
            });
            await assert.rejects(fetchMetadataDocument(server.url("/m"), null as unknown as MetadataFetchOptions), {
                message: "SAML metadata: options must be an object.",
            });
            assert.equal(server.requests.length, 0);
        });

        it("runs 20 fetches at once against one server independently", async () => {
            const seen = new Map<string, number>();
            const server = await https((req, res) => {
                const n = (seen.get(req.url ?? "") ?? 0) + 1;
                seen.set(req.url ?? "", n);
                // Every path fails its first request, so each fetch needs its own retry to succeed.
                if (n === 1) return answer(503)(req, res, 0);
                serveXml(XML.replace("acme", `team${req.url?.slice(1)}`))(req, res, 0);
            });
            const docs = await Promise.all(
                Array.from({ length: 20 }, (_, i) => fetchMetadataDocument(server.url(`/${i}`), knobs({ timeoutMs: 5000 }))),
            );
            docs.forEach((doc, i) => {
                assert.equal(doc.attempts, 2);
                assert.equal(doc.finalUrl, server.url(`/${i}`));
                assert.ok(doc.body.includes(`https://team${i}.cloudflareaccess.com`));
            });
            assert.equal(server.requests.length, 40);
        });

        it("survives Pulumi's closure serialization and runs from the serialized text", async function () {
            this.timeout(30000);
            // Loaded here so the rest of the file does not pay for @pulumi/pulumi.
            const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
            const requireFromString: (code: string) => { handler: typeof fetcher } = require("require-from-string");
            const fetcher = (url: string, ca: string) =>
                fetchMetadataDocument(url, {
                    allowedHosts: ["127.0.0.1"],
                    timeoutMs: 2000,
                    retry: { attempts: 2, minDelayMs: 5, maxDelayMs: 10 },
                    ca,
                });
            const { text } = await pulumi.runtime.serializeFunction(fetcher);
            // Built-ins become requires; this module itself must travel by value (no path into the repo).
            assert.match(text, /require\("https"\)/);
            assert.doesNotMatch(text, /require\("\.{1,2}\//);
            assert.ok(text.length < 60_000, `${text.length} chars`);
            const server = await https(failFirst(1, answer(503)));
            const doc = await requireFromString(text).handler(server.url("/m"), CA);
            assert.equal(doc.body, XML);
            assert.equal(doc.attempts, 2);
        });
    });
});
