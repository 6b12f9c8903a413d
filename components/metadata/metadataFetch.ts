// Downloads the Access for SaaS app's SAML metadata document (docs/cloudflare.md) for the dynamic provider.
//
// This file is captured by Pulumi's closure serializer and, from the repo, copied BY VALUE as source text into
// `__provider` (docs/pulumi.md). That is why it holds only top-level functions and plain-data consts, keeps no
// module-level mutable state, and imports nothing but Node built-ins (those serialize as `require("https")`).
//
// It uses `https.request` rather than the global `fetch`: Node 20's fetch cannot take a custom CA without the
// separate `undici` package, and this job needs a whole-response timeout, a byte cap enforced while streaming, and
// redirects checked hop by hop against an allow-list, none of which fetch offers directly.
import { request } from "node:https";
import { STATUS_CODES } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { excerptText, quoteText } from "../safeText";
import { decodeMetadataBody } from "./metadataCharset";

/** Retry knobs; `attempts` counts every request, the first included. */
export interface RetryPolicy {
    /** Requests made at most, the first included (1..20). Redirect hops are not counted. */
    attempts: number;
    /** Base delay before the first retry, in ms (0..60000); doubles on every further retry. */
    minDelayMs: number;
    /** Cap on any single delay, in ms (minDelayMs..300000); also caps a server's `Retry-After`. */
    maxDelayMs: number;
}

/** How to fetch the metadata document. */
export interface MetadataFetchOptions {
    /**
     * Host name patterns the URL and every redirect target must match: `*.example.com` matches any subdomain
     * (one or more labels deep) but not `example.com` itself; anything else is an exact name. Case-insensitive;
     * ports are ignored.
     */
    allowedHosts: string[];
    /** Per attempt, in ms, covering the whole response (connect, TLS, headers, body and redirect hops). */
    timeoutMs: number;
    /** When and how often to try again. */
    retry: RetryPolicy;
    /** Largest body accepted, in bytes; default MAX_METADATA_BYTES. */
    maxBytes?: number | undefined;
    /**
     * PEM trust anchor(s) that replace the default store. For tests only: production relies on the system store
     * (plus NODE_EXTRA_CA_CERTS behind a TLS-inspecting proxy).
     */
    ca?: string | undefined;
    /** Jitter source returning [0, 1); default Math.random. Tests inject a fixed one. */
    random?: (() => number) | undefined;
    /**
     * Called before each wait between attempts, with what went wrong and how long the wait is, so that a person
     * watching (the CLI) sees progress instead of silence. Default: nothing. The provider does not use it.
     */
    onRetry?: ((progress: RetryProgress) => void) | undefined;
}

/** What {@link MetadataFetchOptions.onRetry} is told before a wait. */
export interface RetryProgress {
    /** The attempt that just failed, from 1. */
    attempt: number;
    /** Every attempt allowed, the first included. */
    attempts: number;
    /** Why it failed, e.g. `answer: HTTP 404` or `error: connection refused (ECONNREFUSED)`. */
    reason: string;
    /** How long the wait before the next attempt is, in ms. */
    delayMs: number;
}

/** A downloaded metadata document. */
export interface FetchedDocument {
    /**
     * The body as text, exactly as served: its UTF-8 encoding is the body's bytes, a byte order mark included (the
     * parser skips it). A body that is not UTF-8 text is refused (metadataCharset.ts).
     */
    body: string;
    /** The URL that answered, after redirects. */
    finalUrl: string;
    /** Requests it took, the successful one included (redirect hops not counted). */
    attempts: number;
    /** The Content-Type header as sent, "" when there was none. */
    contentType: string;
    /** Wall time from the call to the complete body, in ms. */
    elapsedMs: number;
}

/** Where Cloudflare serves Access for SaaS metadata: the team domains. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ["*.cloudflareaccess.com"];
/** Default per-attempt timeout, in ms. */
export const DEFAULT_TIMEOUT_MS = 10000;
/** Default body cap: 1 MiB, hundreds of times a real metadata document. */
export const MAX_METADATA_BYTES = 1048576;
/** Redirect hops followed within one attempt. */
export const MAX_REDIRECTS = 3;
/**
 * Default retries: 8 requests, about 18 to 36 s of waiting in all, to ride out a freshly created app that is not
 * published yet (docs/cloudflare.md: the endpoint may lag the application).
 */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = { attempts: 8, minDelayMs: 500, maxDelayMs: 10000 };

const PREFIX = "SAML metadata: ";
const METADATA_URL_SHAPE = "https://<team>.cloudflareaccess.com/cdn-cgi/access/sso/saml/<id>/saml-metadata";
const PUBLIC_ENDPOINT_HINT =
    "The metadata endpoint is expected to be public: check that no Access policy or WAF rule protects " +
    "/cdn-cgi/access/sso/saml/... and that the URL is the app's SAML metadata endpoint (its SSO endpoint followed " +
    "by /saml-metadata).";
const CHECK_URL_HINT = "check that the URL is the app's SAML metadata endpoint (its SSO endpoint followed by /saml-metadata).";
// Statuses that can heal by themselves: a new app Cloudflare has not published yet answers 404 for a while.
const RETRYABLE_STATUSES = [404, 408, 425, 429, 500, 502, 503, 504];
const RETRY_AFTER_STATUSES = [429, 503];
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
// Types that say nothing about the body, so the body itself is checked for an HTML page.
const GENERIC_TYPES = ["", "application/octet-stream", "binary/octet-stream", "text/plain", "application/unknown"];
const LIMITS = {
    attempts: [1, 20],
    minDelayMs: [0, 60000],
    maxDelayMs: [0, 300000],
    timeoutMs: [100, 120000],
};

/** True when `hostname` matches `pattern` (see MetadataFetchOptions.allowedHosts for the rules). */
export function hostMatches(hostname: string, pattern: string): boolean {
    const host = normalizeHost(hostname);
    const wanted = normalizeHost(pattern);
    if (!host || !wanted) return false;
    if (wanted.startsWith("*.")) {
        const suffix = wanted.slice(1);
        // The label before the suffix must be real: "*.example.com" must not match ".example.com".
        return host.length > suffix.length && host.endsWith(suffix) && !host.slice(0, -suffix.length).endsWith(".");
    }
    return host === wanted;
}

/**
 * Why this URL may not be fetched (undefined when fine): not a URL, not https, has userinfo (user:pass@), or its
 * host is not in `allowedHosts`. The message names the URL (credentials masked) and the fix; it has no
 * "SAML metadata: " prefix so that callers can attach it to an argument name.
 */
export function metadataUrlProblem(url: string, allowedHosts: readonly string[]): string | undefined {
    let parsed: URL;
    try {
        parsed = new URL(String(url));
    } catch {
        return `${quote(url)} is not a URL; use the app's SAML metadata endpoint, ${METADATA_URL_SHAPE}.`;
    }
    const shown = displayUrl(parsed);
    if (parsed.protocol !== "https:") {
        return `${shown} does not use https; use the https:// address of the app's SAML metadata endpoint, ${METADATA_URL_SHAPE}.`;
    }
    if (parsed.username || parsed.password) {
        // The endpoint is public, and the URL ends up in Pulumi state and logs.
        return `${shown} embeds credentials (user:password@); remove them, the SAML metadata endpoint is public.`;
    }
    if (!allowedHosts.some((pattern) => hostMatches(parsed.hostname, pattern))) {
        return (
            `the host of ${shown} is not one of the allowed hosts (${excerptText(allowedHosts.join(", ")) || "none"}); ` +
            `use the app's SAML metadata endpoint, ${METADATA_URL_SHAPE}, or add the host to allowedHosts.`
        );
    }
    return undefined;
}

/**
 * Why these knobs are unusable (undefined when fine), naming the field, e.g. "retry.attempts must be an integer
 * from 1 to 20". Fields left out are not checked, except that a `retry.minDelayMs` given alone must not exceed the
 * default `retry.maxDelayMs`. Messages have no "SAML metadata: " prefix.
 */
export function fetchOptionsProblem(options: {
    timeoutMs?: number | undefined;
    retry?: Partial<RetryPolicy> | undefined;
    allowedHosts?: readonly string[] | undefined;
}): string | undefined {
    if (options.timeoutMs !== undefined) {
        const p = integerProblem("timeoutMs", options.timeoutMs, LIMITS.timeoutMs[0], LIMITS.timeoutMs[1]);
        if (p) return p;
    }
    const retry = options.retry;
    if (retry !== undefined) {
        if (retry === null || typeof retry !== "object") return "retry must be an object { attempts, minDelayMs, maxDelayMs }";
        if (retry.attempts !== undefined) {
            const p = integerProblem("retry.attempts", retry.attempts, LIMITS.attempts[0], LIMITS.attempts[1]);
            if (p) return p;
        }
        if (retry.minDelayMs !== undefined) {
            const p = integerProblem("retry.minDelayMs", retry.minDelayMs, LIMITS.minDelayMs[0], LIMITS.minDelayMs[1]);
            if (p) return p;
        }
        if (retry.maxDelayMs !== undefined) {
            // Unset fields fall back to the defaults, so a lone maxDelayMs must not undercut the default minDelayMs.
            const floor = retry.minDelayMs ?? DEFAULT_RETRY.minDelayMs;
            const p = integerProblem("retry.maxDelayMs", retry.maxDelayMs, floor, LIMITS.maxDelayMs[1]);
            if (p) return p;
        } else if (retry.minDelayMs !== undefined && retry.minDelayMs > DEFAULT_RETRY.maxDelayMs) {
            return `retry.minDelayMs (${retry.minDelayMs}) exceeds the default retry.maxDelayMs (${DEFAULT_RETRY.maxDelayMs}); set retry.maxDelayMs too`;
        }
    }
    const hosts = options.allowedHosts;
    if (hosts !== undefined) {
        if (!Array.isArray(hosts) || hosts.length === 0) {
            return `allowedHosts must be a non-empty list of host names or "*.domain" patterns, e.g. ["${DEFAULT_ALLOWED_HOSTS[0]}"]`;
        }
        for (let i = 0; i < hosts.length; i++) {
            if (!isHostPattern(hosts[i])) {
                return (
                    `allowedHosts[${i}] (${quote(hosts[i])}) must be a host name such as "acme.cloudflareaccess.com" ` +
                    `or a pattern such as "*.cloudflareaccess.com"`
                );
            }
        }
    }
    return undefined;
}

/**
 * Delay in ms before retry number `retryIndex` (1 = after the first failed request): exponential from
 * `minDelayMs`, doubling, capped at `maxDelayMs`, with "equal jitter": base/2 + random()*base/2. Equal jitter keeps
 * at least half the base delay, so concurrent resources spread out without ever hammering the endpoint.
 */
export function backoffDelayMs(retryIndex: number, retry: RetryPolicy, random: () => number = Math.random): number {
    const index = Number.isFinite(retryIndex) ? Math.max(1, Math.floor(retryIndex)) : 1;
    // Capping the exponent keeps 2 ** n finite; 2 ** 30 already exceeds any allowed maxDelayMs.
    const base = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** Math.min(index - 1, 30));
    const r = Math.min(1, Math.max(0, Number(random()) || 0));
    return base / 2 + (r * base) / 2;
}

/** Downloads the document; throws an Error whose message starts with "SAML metadata: " when it cannot. */
export async function fetchMetadataDocument(url: string, options: MetadataFetchOptions): Promise<FetchedDocument> {
    const started = Date.now();
    // Presence first: fetchOptionsProblem skips fields left out, but a fetch needs every one of them.
    const optionsProblem = requiredOptionsProblem(options) ?? fetchOptionsProblem(options) ?? extraOptionsProblem(options);
    if (optionsProblem) throw new Error(PREFIX + optionsProblem + ".");
    const urlProblem = metadataUrlProblem(url, options.allowedHosts);
    if (urlProblem) throw new Error(PREFIX + urlProblem);

    const start = new URL(url);
    const retry = options.retry;
    const random = options.random ?? Math.random;
    let last: Extract<Outcome, { kind: "retry" }> | undefined;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
        const outcome = await attemptOnce(start, options);
        if (outcome.kind === "document") {
            return {
                body: outcome.body,
                finalUrl: outcome.url.href,
                attempts: attempt,
                contentType: outcome.contentType,
                elapsedMs: Date.now() - started,
            };
        }
        if (outcome.kind === "fatal") throw new Error(PREFIX + outcome.message);
        last = outcome;
        if (attempt < retry.attempts) {
            const delay =
                outcome.retryAfterMs === undefined
                    ? backoffDelayMs(attempt, retry, random)
                    : Math.min(outcome.retryAfterMs, retry.maxDelayMs);
            options.onRetry?.({ attempt, attempts: retry.attempts, reason: outcome.reason, delayMs: delay });
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
    }
    const tried = `${retry.attempts} attempt${retry.attempts === 1 ? "" : "s"}`;
    const from = last && last.url.href !== start.href ? ` from ${displayUrl(last.url)}` : "";
    const hint = last?.status === 404 ? ` The app may not be published yet, or the URL is wrong: ${CHECK_URL_HINT}` : "";
    throw new Error(`${PREFIX}GET ${displayUrl(start)} failed after ${tried}; last ${last?.reason}${from}.${hint}`);
}

/** One step's result: a document, a reason to try again, or a reason to stop. */
type Outcome =
    | { kind: "document"; url: URL; body: string; contentType: string }
    | { kind: "retry"; url: URL; reason: string; status?: number; retryAfterMs?: number }
    | { kind: "fatal"; message: string };

type Hop = Outcome | { kind: "redirect"; url: URL; status: number; location: string };

// One attempt follows redirects under a single deadline, so `timeoutMs` bounds the attempt however it is spent.
async function attemptOnce(start: URL, options: MetadataFetchOptions): Promise<Outcome> {
    const deadline = Date.now() + options.timeoutMs;
    let current = start;
    for (let hops = 0; ; hops++) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
            return { kind: "retry", url: current, reason: `error: no complete response within ${options.timeoutMs} ms` };
        }
        const hop = await requestOnce(current, remaining, options);
        if (hop.kind !== "redirect") return hop;
        const shown = displayUrl(hop.url);
        let target: URL;
        try {
            target = new URL(hop.location, hop.url);
        } catch {
            return {
                kind: "fatal",
                message: `GET ${shown} redirected (HTTP ${hop.status}) to an invalid Location ${quote(hop.location)}.`,
            };
        }
        if (hops >= MAX_REDIRECTS) {
            return {
                kind: "fatal",
                message:
                    `GET ${displayUrl(start)} was redirected more than ${MAX_REDIRECTS} times (last to ${displayUrl(target)}); ` +
                    `use the URL of the metadata document itself.`,
            };
        }
        if (metadataUrlProblem(target.href, options.allowedHosts)) {
            return {
                kind: "fatal",
                message:
                    `GET ${shown} redirected (HTTP ${hop.status}) to ${displayUrl(target)}, which is not followed: redirects ` +
                    `must stay on https, without credentials, on an allowed host (${excerptText(options.allowedHosts.join(", "))}).`,
            };
        }
        current = target;
    }
}

function requestOnce(url: URL, timeoutMs: number, options: MetadataFetchOptions): Promise<Hop> {
    return new Promise<Hop>((resolve) => {
        const req = request(url, {
            method: "GET",
            // No pooled keep-alive sockets shared between resources or attempts.
            agent: false,
            ca: options.ca,
            rejectUnauthorized: true,
            // No cookie or authorization header: the endpoint is public, and nothing secret should leave.
            headers: {
                accept: "application/samlmetadata+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1",
                "accept-encoding": "identity",
                "user-agent": "zero-trust-aws-sso",
            },
        });
        let settled = false;
        // Declared before `finish` on purpose: Pulumi's closure serializer treats a variable that a nested function
        // uses before its declaration as free, and then fails with "Unexpected missing variable".
        let timer: ReturnType<typeof setTimeout> | undefined = undefined;
        // Destroying the request on every exit stops a large or endless body from being read any further and
        // releases the socket at once (agent: false means it belongs to this request alone).
        const finish = (hop: Hop): void => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            req.destroy();
            resolve(hop);
        };
        timer = setTimeout(
            () => finish({ kind: "retry", url, reason: `error: no complete response within ${options.timeoutMs} ms` }),
            timeoutMs,
        );
        req.on("response", (res: IncomingMessage) => readResponse(url, res, options, finish));
        req.on("error", (err) => finish(networkOutcome(url, err)));
        req.end();
    });
}

function readResponse(url: URL, res: IncomingMessage, options: MetadataFetchOptions, finish: (hop: Hop) => void): void {
    const status = res.statusCode ?? 0;
    res.on("error", (err) => finish(networkOutcome(url, err, true)));
    if (REDIRECT_STATUSES.includes(status)) {
        const location = res.headers.location;
        finish(
            location
                ? { kind: "redirect", url, status, location }
                : { kind: "fatal", message: `GET ${displayUrl(url)} answered ${statusText(status)} without a Location header.` },
        );
        return;
    }
    if (status !== 200) {
        finish(statusOutcome(url, status, res.headers));
        return;
    }
    const maxBytes = options.maxBytes ?? MAX_METADATA_BYTES;
    const accepted = headersProblem(url, res.headers, maxBytes);
    if (typeof accepted === "string") {
        finish({ kind: "fatal", message: accepted });
        return;
    }
    readBody(url, res, maxBytes, accepted, finish);
}

/** Why the headers of a 200 rule the body out (a message), or what they say about it. */
function headersProblem(url: URL, headers: IncomingHttpHeaders, maxBytes: number): string | { media: string; contentType: string } {
    const shown = displayUrl(url);
    const contentType = headerValue(headers["content-type"]);
    const media = contentType.split(";")[0].trim().toLowerCase();
    if (isHtmlType(media)) return htmlMessage(shown, media);
    if (!GENERIC_TYPES.includes(media) && !isXmlType(media)) {
        return `GET ${shown} answered HTTP 200 with content type ${excerptText(media)}, not XML; ${CHECK_URL_HINT}`;
    }
    const encoding = headerValue(headers["content-encoding"]).trim().toLowerCase();
    if (encoding && encoding !== "identity") {
        return `GET ${shown} answered with content-encoding ${excerptText(encoding)}, which was not requested.`;
    }
    const declared = Number(headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
        return `GET ${shown} declares a ${declared}-byte body, over the ${maxBytes}-byte limit; ${CHECK_URL_HINT}`;
    }
    return { media, contentType: contentType.trim() };
}

/** Reads the body under the byte cap, then decodes it (exactly as served, or refused) and sniffs for HTML. */
function readBody(
    url: URL,
    res: IncomingMessage,
    maxBytes: number,
    head: { media: string; contentType: string },
    finish: (hop: Hop) => void,
): void {
    const shown = displayUrl(url);
    const chunks: Buffer[] = [];
    let received = 0;
    res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) {
            finish({ kind: "fatal", message: `GET ${shown} sent a body over the ${maxBytes}-byte limit; ${CHECK_URL_HINT}` });
            return;
        }
        chunks.push(chunk);
    });
    res.on("end", () => {
        if (!res.complete) return;
        const decoded = decodeMetadataBody(Buffer.concat(chunks), head.contentType);
        if ("problem" in decoded) {
            finish({ kind: "fatal", message: `GET ${shown} answered HTTP 200, but ${decoded.problem}` });
            return;
        }
        if (GENERIC_TYPES.includes(head.media) && looksLikeHtml(decoded.body)) {
            finish({ kind: "fatal", message: htmlMessage(shown, head.media || "no content type") });
            return;
        }
        finish({ kind: "document", url, body: decoded.body, contentType: head.contentType });
    });
    res.on("close", () => {
        if (!res.complete) finish({ kind: "retry", url, reason: "error: connection closed mid-body" });
    });
}

function statusOutcome(url: URL, status: number, headers: IncomingHttpHeaders): Outcome {
    const shown = displayUrl(url);
    if (status === 401 || status === 403) {
        return { kind: "fatal", message: `GET ${shown} answered ${statusText(status)}. ${PUBLIC_ENDPOINT_HINT}` };
    }
    if (RETRYABLE_STATUSES.includes(status)) {
        const retryAfterMs = RETRY_AFTER_STATUSES.includes(status) ? parseRetryAfter(headerValue(headers["retry-after"])) : undefined;
        return { kind: "retry", url, status, reason: `answer: ${statusText(status)}`, retryAfterMs };
    }
    return { kind: "fatal", message: `GET ${shown} answered ${statusText(status)}; ${CHECK_URL_HINT}` };
}

function networkOutcome(url: URL, err: Error & { code?: string }, midBody = false): Outcome {
    const code = typeof err.code === "string" ? err.code : "";
    if (isCertificateError(code)) {
        // Node 24 appends its own hint to this message ("; if the root CA is installed locally, try running Node.js
        // with --use-system-ca"); keep only Node's reason, so the message is the same on every supported Node and
        // the fix named is the one below, which works on all of them.
        const reason = err.message.split("; ")[0];
        return {
            kind: "fatal",
            message:
                `GET ${displayUrl(url)} failed: the server's TLS certificate was rejected (${excerptText(`${code}: ${reason}`)}). ` +
                `Certificate errors do not heal by retrying: check the host, or behind a TLS-inspecting proxy add its CA ` +
                `with NODE_EXTRA_CA_CERTS.`,
        };
    }
    let what = excerptText(err.message);
    if (midBody) what = "connection closed mid-body";
    else if (code === "ECONNRESET" && /TLS/.test(err.message)) what = "connection closed during the TLS handshake";
    else if (code === "ECONNREFUSED") what = "connection refused";
    else if (code === "ECONNRESET") what = "connection reset";
    else if (code === "ENOTFOUND") what = "host name not found";
    else if (code === "EAI_AGAIN") what = "temporary DNS failure";
    else if (code === "ETIMEDOUT") what = "connection timed out";
    else if (code === "EHOSTUNREACH" || code === "ENETUNREACH") what = "host unreachable";
    else if (code === "EPIPE") what = "connection closed while sending the request";
    return { kind: "retry", url, reason: `error: ${what}${code ? ` (${excerptText(code)})` : ""}` };
}

function isCertificateError(code: string): boolean {
    return /^(CERT_|ERR_TLS_CERT|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|INVALID_CA|HOSTNAME_MISMATCH)/.test(code);
}

function htmlMessage(shown: string, type: string): string {
    return `GET ${shown} answered HTTP 200 with an HTML page (${excerptText(type)}) instead of XML; it looks like a login page. ${PUBLIC_ENDPOINT_HINT}`;
}

function isHtmlType(media: string): boolean {
    return media === "text/html" || media === "application/xhtml+xml";
}

function isXmlType(media: string): boolean {
    return media === "application/xml" || media === "text/xml" || /^[a-z0-9.+-]+\/[a-z0-9.+-]+\+xml$/.test(media);
}

function looksLikeHtml(body: string): boolean {
    const head = body
        .replace(/^[\ufeff\s]+/, "")
        .slice(0, 20)
        .toLowerCase();
    return head.startsWith("<!doctype html") || head.startsWith("<html");
}

// Seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored in favour of the backoff.
function parseRetryAfter(value: string): number | undefined {
    const v = value.trim();
    if (/^\d+$/.test(v)) return Number(v) * 1000;
    // An HTTP date starts with a day name and has hh:mm:ss. V8's Date.parse also reads "1.5" or "-1" as days in
    // 2001, which would turn a malformed value into no delay at all.
    if (!/^[A-Za-z]{3,9},? /.test(v) || !/\d\d:\d\d:\d\d/.test(v)) return undefined;
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function statusText(status: number): string {
    const text = STATUS_CODES[status];
    return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

function headerValue(value: string | string[] | undefined): string {
    return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

function requiredOptionsProblem(options: MetadataFetchOptions): string | undefined {
    if (options === null || typeof options !== "object") return "options must be an object";
    if (options.timeoutMs === undefined) return "timeoutMs is required";
    if (options.allowedHosts === undefined) return "allowedHosts is required";
    const retry = options.retry;
    if (!retry || retry.attempts === undefined || retry.minDelayMs === undefined || retry.maxDelayMs === undefined) {
        return "retry must set attempts, minDelayMs and maxDelayMs";
    }
    return undefined;
}

function extraOptionsProblem(options: MetadataFetchOptions): string | undefined {
    if (options.maxBytes !== undefined) {
        const p = integerProblem("maxBytes", options.maxBytes, 1, Number.MAX_SAFE_INTEGER);
        if (p) return p;
    }
    if (options.ca !== undefined && typeof options.ca !== "string") return "ca must be a PEM string";
    if (options.random !== undefined && typeof options.random !== "function") return "random must be a function";
    if (options.onRetry !== undefined && typeof options.onRetry !== "function") return "onRetry must be a function";
    return undefined;
}

function integerProblem(field: string, value: unknown, min: number, max: number): string | undefined {
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? undefined
        : `${field} must be an integer from ${min} to ${max}`;
}

function isHostPattern(pattern: unknown): boolean {
    if (typeof pattern !== "string") return false;
    const host = normalizeHost(pattern);
    const name = host.startsWith("*.") ? host.slice(2) : host;
    return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name) || (!host.startsWith("*.") && /^[0-9a-f:.]+$/.test(name) && name.includes(":"));
}

// Lower case, no port, no IPv6 brackets, no trailing root dot: the forms a URL's host can take.
function normalizeHost(value: string): string {
    let host = String(value).trim().toLowerCase();
    if (host.startsWith("[")) {
        const end = host.indexOf("]");
        host = end < 0 ? host.slice(1) : host.slice(1, end);
    } else {
        // Only a single ":digits" suffix is a port; more colons mean a bare IPv6 address.
        const port = /^([^:]*):\d+$/.exec(host);
        if (port) host = port[1];
    }
    return host.endsWith(".") ? host.slice(0, -1) : host;
}

// Credentials never reach a message: they would land in logs and in the Pulumi state. The href is also bounded and
// printable (components/safeText.ts): a URL parser percent-encodes controls, but a 1 MiB path would still bury the message.
function displayUrl(url: URL): string {
    if (!url.username && !url.password) return excerptText(url.href);
    const copy = new URL(url.href);
    copy.username = "***";
    copy.password = "";
    return excerptText(copy.href);
}

function quote(value: unknown): string {
    return quoteText(value);
}
