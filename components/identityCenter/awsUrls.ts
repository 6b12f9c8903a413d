// The three URLs an operator copies out of the IAM Identity Center console. They are easy to paste into the
// wrong field (issuer and ACS look alike), so each is checked for its own shape and for being the other one.
import { InvalidArgumentError } from "../invalidArgumentError";
import { checkNotExampleValue } from "../plan/exampleValues";
import { excerptText, quoteText, type QuotePolicy } from "../safeText";

/** What an IAM Identity Center issuer URL says about the instance behind it. */
export interface AwsIssuerFacts {
    /** The AWS region of the Identity Center instance, e.g. `us-east-1`. */
    region: string;
    /** The identity store id (`d-xxxxxxxxxx`) when the issuer path carries one. */
    identityStoreId?: string;
}

// IPv4 sign-in hosts (commercial, GovCloud, China), the dual-stack `<region>.sso.signin.aws` variant, and
// `<region>.signin.aws`, which AWS documents for instances created from February 2026
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/multi-Region-workforce-access.html; docs/aws.md).
const SIGNIN_HOST_PATTERNS: readonly RegExp[] = [
    /^([a-z]{2}(?:-gov)?-[a-z]+-\d)\.signin\.aws\.amazon\.com$/,
    /^([a-z]{2}-gov-[a-z]+-\d)\.signin\.amazonaws-us-gov\.com$/,
    /^(cn-[a-z]+-\d)\.signin\.amazonaws\.cn$/,
    /^([a-z]{2}(?:-gov)?-[a-z]+-\d)\.sso\.signin\.aws$/,
    /^([a-z]{2}(?:-gov)?-[a-z]+-\d)\.signin\.aws$/,
];

const ISSUER_EXAMPLE = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS_EXAMPLE = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/01234567-89ab-cdef-0123-456789abcdef";
const WHERE =
    "copy it from IAM Identity Center > Settings > Identity source > Change identity source > External identity provider > Service provider metadata";

function parseHttps(value: unknown, field: string, example: string, show: QuotePolicy): URL {
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(field, `is required: ${WHERE} (it looks like ${example}).`);
    }
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new InvalidArgumentError(field, `${show(value)} is not a URL; ${WHERE} (it looks like ${example}).`);
    }
    if (url.protocol !== "https:") {
        throw new InvalidArgumentError(field, `${show(value)} must use https; ${WHERE} (it looks like ${example}).`);
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new InvalidArgumentError(
            field,
            `${show(value)} must not carry credentials, a query or a fragment; ${WHERE} (it looks like ${example}).`,
        );
    }
    return url;
}

function signinRegion(url: URL, value: string, field: string, example: string, show: QuotePolicy): string {
    for (const pattern of SIGNIN_HOST_PATTERNS) {
        const match = pattern.exec(url.hostname);
        if (match) return match[1];
    }
    throw new InvalidArgumentError(
        field,
        `${show(value)} is not an AWS sign-in URL (host ${show === quoteText ? excerptText(url.hostname) : show(url.hostname)}); ${WHERE} (it looks like ${example}).`,
    );
}

/**
 * The value to suggest for `field` when it holds the other URL: the other field's value when that is the right kind
 * (the two were swapped), otherwise the shape on the user's own sign-in host, never a made-up example id.
 */
function swapSuggestion(kind: "issuer" | "acs", otherField: string, otherValue: unknown, own: URL, show: QuotePolicy): string {
    if (typeof otherValue === "string") {
        const path = /^https:\/\/[^/?#]+(\/[^?#]*)$/.exec(otherValue.trim())?.[1]?.replace(/\/+$/, "") ?? "";
        const isAcs = /^\/platform\/saml\/acs\/[A-Za-z0-9-]+$/.test(path);
        const isIssuer = !isAcs && /^\/platform\/saml\/[A-Za-z0-9-]+$/.test(path);
        if ((kind === "acs" && isAcs) || (kind === "issuer" && isIssuer))
            return `${show === quoteText ? excerptText(otherValue) : show(otherValue)}, the value now in ${otherField}`;
    }
    return kind === "acs" ? `it looks like ${own.origin}/platform/saml/acs/<id>` : `it looks like ${own.origin}/platform/saml/<id>`;
}

/**
 * Validates the IAM Identity Center issuer URL (the SAML SP entity ID) and returns what it reveals.
 *
 * @param acsUrl The ACS URL given with it, when known: a swap error then suggests it.
 * @param show How a value is quoted in a message (a secret one is not).
 */
export function parseAwsIssuerUrl(value: unknown, field = "awsIssuerUrl", acsUrl?: unknown, show: QuotePolicy = quoteText): AwsIssuerFacts {
    const url = parseHttps(value, field, ISSUER_EXAMPLE, show);
    const region = signinRegion(url, value as string, field, ISSUER_EXAMPLE, show);
    const path = url.pathname.replace(/\/+$/, "");
    if (/\/platform\/saml\/acs\//.test(path)) {
        throw new InvalidArgumentError(
            field,
            `${show(value)} is the Assertion Consumer Service (ACS) URL, not the issuer URL: the two values were swapped. ` +
                `Put it in awsAcsUrl and use the "IAM Identity Center issuer URL" here (${swapSuggestion("issuer", "awsAcsUrl", acsUrl, url, show)}).`,
        );
    }
    const match = /^\/platform\/saml\/([A-Za-z0-9-]+)$/.exec(path);
    if (!match) {
        throw new InvalidArgumentError(
            field,
            `${show(value)} does not have the issuer URL path /platform/saml/<id>; ${WHERE} (it looks like ${ISSUER_EXAMPLE}).`,
        );
    }
    checkNotExampleValue("awsIssuerUrl", value, field);
    const id = match[1];
    return /^d-[0-9a-f]{10}$/.test(id) ? { region, identityStoreId: id } : { region };
}

/**
 * Validates the IAM Identity Center Assertion Consumer Service URL; returns its region.
 *
 * @param issuerUrl The issuer URL given with it, when known: a swap error then suggests it.
 * @param show How a value is quoted in a message (a secret one is not).
 */
export function parseAwsAcsUrl(
    value: unknown,
    field = "awsAcsUrl",
    issuerUrl?: unknown,
    show: QuotePolicy = quoteText,
): { region: string } {
    const url = parseHttps(value, field, ACS_EXAMPLE, show);
    const region = signinRegion(url, value as string, field, ACS_EXAMPLE, show);
    const path = url.pathname.replace(/\/+$/, "");
    if (/^\/platform\/saml\/acs\/[A-Za-z0-9-]+$/.test(path)) {
        checkNotExampleValue("awsAcsUrl", value, field);
        return { region };
    }
    if (/^\/platform\/saml\/[A-Za-z0-9-]+$/.test(path)) {
        throw new InvalidArgumentError(
            field,
            `${show(value)} is the issuer URL, not the Assertion Consumer Service (ACS) URL: the two values were swapped. ` +
                `Put it in awsIssuerUrl and use the "IAM Identity Center Assertion Consumer Service (ACS) URL" here (${swapSuggestion("acs", "awsIssuerUrl", issuerUrl, url, show)}).`,
        );
    }
    throw new InvalidArgumentError(
        field,
        `${show(value)} does not have the ACS URL path /platform/saml/acs/<id>; ${WHERE} (it looks like ${ACS_EXAMPLE}).`,
    );
}

/** Checks that issuer and ACS URL belong to the same region (both copied from one Identity Center instance). */
export function checkAwsUrlPair(issuer: AwsIssuerFacts, acs: { region: string }, secret = false): void {
    if (issuer.region !== acs.region) {
        // A region read from a secret URL is part of the secret: then the message only says that they differ.
        throw new InvalidArgumentError(
            "awsAcsUrl",
            secret
                ? "is in another region than awsIssuerUrl; copy both from the same IAM Identity Center instance."
                : `is in region ${acs.region} but awsIssuerUrl is in ${issuer.region}; copy both from the same IAM Identity Center instance.`,
        );
    }
}

const PORTAL_EXAMPLE = "https://d-1234567890.awsapps.com/start";

/** Validates the AWS access portal URL (where users start signing in). */
export function parseAwsAccessPortalUrl(value: unknown, field = "awsAccessPortalUrl", show: QuotePolicy = quoteText): void {
    const where = "copy the AWS access portal URL from IAM Identity Center > Settings > Identity source";
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(field, `must be a URL such as ${PORTAL_EXAMPLE}; ${where}.`);
    }
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new InvalidArgumentError(field, `${show(value)} is not a URL; ${where} (it looks like ${PORTAL_EXAMPLE}).`);
    }
    const host = url.hostname;
    // The regional portal endpoint `ssoins-<id>.<region>.portal.amazonaws.com` is documented for additional Regions
    // (https://docs.aws.amazon.com/singlesignon/latest/userguide/multi-region-workforce-access.html).
    const isPortalHost =
        /^[a-z0-9][a-z0-9-]{0,62}\.awsapps\.(com|cn)$/.test(host) ||
        /^[a-z0-9][a-z0-9-]{0,62}\.portal\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.app\.aws$/.test(host) ||
        /^ssoins-[a-z0-9]{16}\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.portal\.amazonaws\.com$/.test(host);
    if (url.protocol !== "https:" || !isPortalHost) {
        throw new InvalidArgumentError(
            field,
            `${show(value)} is not an AWS access portal URL (expected https://<d-xxxxxxxxxx or alias>.awsapps.com/start); ${where}.`,
        );
    }
    checkNotExampleValue("awsAccessPortalUrl", value, field);
}

/**
 * The issuer or ACS URL without trailing slashes. Cloudflare compares the SP entity ID byte for byte with the Issuer of
 * AWS's sign-in requests, which never ends in `/` (docs/aws.md), so a pasted trailing slash would break every sign-in;
 * the component registers the URL without it. A URL without a trailing slash is returned as the same string.
 */
export function withoutTrailingSlash(value: string): string {
    return value.endsWith("/") ? value.replace(/\/+$/, "") : value;
}
