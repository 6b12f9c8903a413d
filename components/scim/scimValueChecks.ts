// The checks of IAM Identity Center SCIM values that need nothing but the value: the endpoint's shape and region, the
// access token, the identity provider id, the token's expiry date and the runbook's expiry warning. Plain functions
// without Pulumi, so the CLI's `check` runs them too. No message here quotes the token, nor any value that may be the
// token pasted into the wrong field.
//
// Facts: the endpoint shape and the one-year token are in docs/aws.md ("SCIM automatic provisioning").
import { InvalidArgumentError } from "../invalidArgumentError";
import { quoteText } from "../safeText";

/** What a valid IAM Identity Center SCIM endpoint says. */
export interface ScimEndpointFacts {
    /** The endpoint without a trailing `/`: the application's `remoteUri`. */
    url: string;
    /** The AWS region of the Identity Center instance, e.g. `us-east-1`. */
    region: string;
    /** The SCIM tenant id (the first path segment). */
    tenantId: string;
}

/** The token expiry warning starts this many days before the expiry (as for the signing certificate). */
export const SCIM_TOKEN_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const ENDPOINT_EXAMPLE = "https://scim.us-east-1.amazonaws.com/a1b2c3d4-5678-90ab-cdef-111122223333/scim/v2";
const WHERE = "copy it from IAM Identity Center > Settings > Identity source > Automatic provisioning";
// scim.<region>.amazonaws.com (commercial regions and GovCloud) and scim.<region>.amazonaws.com.cn (China): the
// hosts are not all documented by AWS, see docs/aws.md ("SCIM endpoint hosts").
const SCIM_HOST_PATTERNS: readonly RegExp[] = [
    /^scim\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com$/,
    /^scim\.(cn-[a-z]+-\d)\.amazonaws\.com\.cn$/,
];
const SIGNIN_HOST = /\.signin\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn|aws)$/;

/**
 * Validates an IAM Identity Center SCIM endpoint and returns what it says. Messages quote the host at most, never the
 * whole value: a value that is not a URL may be the access token pasted into the wrong field.
 */
export function parseScimEndpoint(value: unknown, field = "scim.endpoint"): ScimEndpointFacts {
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(field, `is required: ${WHERE} (it looks like ${ENDPOINT_EXAMPLE}).`);
    }
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new InvalidArgumentError(
            field,
            `is not a URL (the value is not shown: it may be a secret); ${WHERE} (it looks like ${ENDPOINT_EXAMPLE}).`,
        );
    }
    if (url.protocol !== "https:" || url.username || url.password || url.search || url.hash) {
        throw new InvalidArgumentError(
            field,
            `must be a plain https URL without credentials, query or fragment; ${WHERE} (it looks like ${ENDPOINT_EXAMPLE}).`,
        );
    }
    const region = scimRegion(url.hostname, field);
    const match = /^\/([A-Za-z0-9-]+)\/scim\/v2\/?$/.exec(url.pathname);
    if (!match) {
        throw new InvalidArgumentError(
            field,
            `does not have the SCIM path /<tenant id>/scim/v2; ${WHERE} (it looks like ${ENDPOINT_EXAMPLE}).`,
        );
    }
    return { url: value.replace(/\/$/, ""), region, tenantId: match[1] };
}

function scimRegion(host: string, field: string): string {
    for (const pattern of SCIM_HOST_PATTERNS) {
        const match = pattern.exec(host);
        if (match) return match[1];
    }
    const swapped = SIGNIN_HOST.test(host) ? " That is a sign-in host (the issuer or ACS URL), not the SCIM endpoint." : "";
    throw new InvalidArgumentError(
        field,
        `has host ${host}, which is not an IAM Identity Center SCIM host (scim.<region>.amazonaws.com).${swapped} ${capitalized(WHERE)} (it looks like ${ENDPOINT_EXAMPLE}).`,
    );
}

/** Throws when the SCIM endpoint and the issuer URL are in different regions (copied from two instances). */
export function checkScimRegion(endpoint: ScimEndpointFacts, issuerRegion: string, field = "scim.endpoint"): void {
    if (endpoint.region !== issuerRegion) {
        throw new InvalidArgumentError(
            field,
            `is in region ${endpoint.region} but awsIssuerUrl is in ${issuerRegion}; both come from the same IAM Identity Center instance, so copy them from the instance this stack manages.`,
        );
    }
}

/** Throws on an empty or malformed access token. Never quotes it. */
export function checkScimToken(value: unknown, field = "scim.token"): void {
    const how =
        "give the IAM Identity Center SCIM access token from secret config (pulumi config set --secret ...; config.requireSecret(...))";
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(field, `is empty; ${how}.`);
    }
    if (/^https?:\/\//i.test(value)) {
        throw new InvalidArgumentError(
            field,
            `is a URL, not an access token: were scim.endpoint and scim.token swapped? ${capitalized(how)}.`,
        );
    }
    if (/\s/.test(value)) {
        throw new InvalidArgumentError(
            field,
            "contains whitespace (a line break from copying?), which would break the Authorization header; set the token again without it.",
        );
    }
}

/** Throws on an empty identity provider id. */
export function checkScimSourceIdpId(value: unknown, field = "scim.sourceIdpId"): void {
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(
            field,
            "is empty; give the id of the Zero Trust identity provider whose users and groups are provisioned (Zero Trust > Settings > Authentication > Login methods > the provider).",
        );
    }
}

/** Parses `YYYY-MM-DD` or an ISO 8601 time (with `Z` or an offset). */
export function parseScimTokenExpiry(value: unknown, field = "scim.tokenExpiresAt"): Date {
    const shape = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
    const how =
        "write it as YYYY-MM-DD or an ISO 8601 time such as 2027-11-30T00:00:00Z (IAM Identity Center > Settings > Automatic provisioning > Access tokens shows it)";
    const match = typeof value === "string" ? shape.exec(value) : null;
    if (!match) throw new InvalidArgumentError(field, `is not a date; ${how}.`);
    const date = new Date(/T/.test(value as string) ? (value as string) : `${value as string}T00:00:00Z`);
    // Date rolls 2027-02-30 over to March; a date that does not survive the round trip does not exist.
    const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    const exists =
        day.getUTCFullYear() === Number(match[1]) && day.getUTCMonth() === Number(match[2]) - 1 && day.getUTCDate() === Number(match[3]);
    if (!exists || Number.isNaN(date.getTime())) {
        throw new InvalidArgumentError(field, `${quoteText(value as string)} is not a valid date; ${how}.`);
    }
    return date;
}

/**
 * The runbook's warning about the access token when it expires within {@link SCIM_TOKEN_WARNING_DAYS} days of `now`
 * or has expired; undefined otherwise (or when `tokenExpiresAt` is not a date). The date is written YYYY-MM-DD.
 */
export function scimTokenWarning(tokenExpiresAt: string | undefined, now: Date): string | undefined {
    if (tokenExpiresAt === undefined) return undefined;
    let expiry: Date;
    try {
        expiry = parseScimTokenExpiry(tokenExpiresAt);
    } catch {
        return undefined;
    }
    const remainingMs = expiry.getTime() - now.getTime();
    if (remainingMs >= SCIM_TOKEN_WARNING_DAYS * DAY_MS) return undefined;
    const date = expiry.toISOString().slice(0, 10);
    const renew =
        "generate a new token (IAM Identity Center > Settings > Identity source > Actions > Manage provisioning > Generate token), " +
        "put it in the stack's secret config with the new scim.tokenExpiresAt, run `pulumi up`, then delete the old token.";
    if (remainingMs <= 0) {
        return `the IAM Identity Center SCIM access token expired on ${date}: Cloudflare can no longer provision users and groups into AWS; ${renew}`;
    }
    const days = Math.floor(remainingMs / DAY_MS);
    const left = days < 1 ? "in less than a day" : days === 1 ? "in 1 day" : `in ${days} days`;
    return `the IAM Identity Center SCIM access token expires on ${date} (${left}); before then, ${renew}`;
}

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
