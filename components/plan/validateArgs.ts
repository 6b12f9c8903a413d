// Validation of ZeroTrustAwsSso arguments. Everything here is plain and synchronous so that a bad value stops
// the program at construction, before any resource is registered (no half-applied deployment). Values that
// are Outputs are checked again by the component once they resolve.
import { ArgumentProblems, InvalidArgumentError } from "../invalidArgumentError";
import {
    parseAwsAccessPortalUrl,
    parseAwsAcsUrl,
    parseAwsIssuerUrl,
    checkAwsUrlPair,
    type AwsIssuerFacts,
} from "../identityCenter/awsUrls";
import { fetchOptionsProblem } from "../metadata/metadataFetch";
import { checkNotExampleValue } from "./exampleValues";
import { firstUnsafeCharacter, quoteText, type QuotePolicy } from "../safeText";
import type { SamlAttribute, ZeroTrustAwsSsoAccess, ZeroTrustAwsSsoArgs } from "../zeroTrustAwsSsoArgs";

/** The SAML NameFormat URNs Cloudflare accepts. */
export const SAML_NAME_FORMATS = {
    uri: "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
    basic: "urn:oasis:names:tc:SAML:2.0:attrname-format:basic",
    unspecified: "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified",
} as const;

/**
 * What this package accepts as an email address, on the Access side and the Identity Center side alike.
 * Deliberately simple: one @, a dotted domain, no spaces. The real check is the IdP's; this catches typos such as
 * a missing domain or a pasted display name ("Ada <ada@example.com>").
 */
export const EMAIL_PATTERN = /^[^\s@<>()",;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** A plain (already known) string, as opposed to an Output or Promise resolved later. */
export function isKnownString(value: unknown): value is string {
    return typeof value === "string";
}

/**
 * Throws when `value` holds a line break, a control character or an invisible/bidi formatting character (see
 * `isUnsafeCharacter` in components/safeText.ts): such a name reads differently from what it is, in a console, a log
 * or a policy, and can hide or reorder text. The message names the field, the code point and its position.
 */
export function checkCleanText(value: string, field: string, what: string): void {
    const bad = firstUnsafeCharacter(value);
    if (!bad) return;
    const kind = /^[\n\r\u2028\u2029]$/.test(value[bad.index])
        ? "a line break"
        : /^\p{Cc}$/u.test(value[bad.index])
          ? "a control character"
          : "an invisible or bidirectional formatting character";
    throw new InvalidArgumentError(
        field,
        `${quoteText(value)} contains ${kind} (${bad.name}) at position ${bad.index + 1}; ${what} must be plain visible text: retype it rather than pasting it.`,
    );
}

/** Checks one email address and returns it lower-cased (Access and Identity Center compare case-insensitively). */
export function normalizeEmail(value: unknown, field: string): string {
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(field, "must be an email address such as ada@example.com.");
    }
    checkCleanText(value, field, "an email address");
    if (value.length > 254 || !EMAIL_PATTERN.test(value)) {
        throw new InvalidArgumentError(field, `${quoteText(value)} is not a valid email address; write it as name@example.com.`);
    }
    return value.toLowerCase();
}

/** Checks an email domain (`example.com`) and returns it lower-cased. */
export function normalizeEmailDomain(value: unknown, field: string): string {
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(field, "must be a domain such as example.com.");
    }
    checkCleanText(value, field, "a domain");
    if (value.includes("@")) {
        throw new InvalidArgumentError(
            field,
            `${quoteText(value)} contains "@": give the domain only, e.g. ${quoteText(value.slice(value.lastIndexOf("@") + 1))}, or move the address to access.emails.`,
        );
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes("/")) {
        throw new InvalidArgumentError(field, `${quoteText(value)} is a URL: give the bare domain, e.g. "example.com".`);
    }
    if (!/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(value)) {
        throw new InvalidArgumentError(field, `${quoteText(value)} is not a domain name; give it as example.com.`);
    }
    return value.toLowerCase();
}

/** Throws on a Cloudflare account id that is not 32 hexadecimal characters; `show` quotes it (a secret is not shown). */
export function checkAccountId(value: unknown, field = "accountId", show: QuotePolicy = quoteText): void {
    if (typeof value !== "string" || !/^[0-9a-fA-F]{32}$/.test(value)) {
        throw new InvalidArgumentError(
            field,
            `${typeof value === "string" ? show(value) : "the value"} is not a Cloudflare account id: expected 32 hexadecimal characters, as shown in the dashboard URL (dash.cloudflare.com/<account id>) or under Account Home > Account ID.`,
        );
    }
    checkNotExampleValue("accountId", value, field);
}

/** Sorted, lower-cased, duplicate-free emails; duplicates are an error naming both positions. */
export function normalizeEmailList(values: readonly unknown[], field: string): string[] {
    return normalizeList(values, field, normalizeEmail, "email addresses");
}

/** Sorted, lower-cased, duplicate-free domains. */
export function normalizeEmailDomainList(values: readonly unknown[], field: string): string[] {
    return normalizeList(values, field, normalizeEmailDomain, "domains");
}

function normalizeList(values: readonly unknown[], field: string, normalize: (v: unknown, f: string) => string, plural: string): string[] {
    if (!Array.isArray(values)) {
        throw new InvalidArgumentError(field, `must be a list of ${plural}.`);
    }
    // Every entry is checked, so one error lists every bad entry of the list.
    const problems = new ArgumentProblems();
    const seen = new Map<string, number>();
    values.forEach((v, i) => {
        const n = problems.check(() => normalize(v, `${field}[${i}]`));
        if (n === undefined) return;
        const first = seen.get(n);
        if (first !== undefined) {
            problems.add(
                new InvalidArgumentError(
                    `${field}[${i}]`,
                    `${quoteText(v)} duplicates ${field}[${first}] (compared case-insensitively); remove one of them.`,
                ),
            );
            return;
        }
        seen.set(n, i);
    });
    problems.throwIfAny();
    return [...seen.keys()].sort();
}

/** The full NameFormat URN for an attribute (see {@link SamlAttribute.nameFormat} for the default). */
export function samlNameFormat(attribute: SamlAttribute, field: string): string {
    const given = attribute.nameFormat;
    if (given === undefined) {
        return /^[a-z][a-z0-9+.-]*:/i.test(attribute.name) ? SAML_NAME_FORMATS.uri : SAML_NAME_FORMATS.unspecified;
    }
    if (given in SAML_NAME_FORMATS) return SAML_NAME_FORMATS[given as keyof typeof SAML_NAME_FORMATS];
    if ((Object.values(SAML_NAME_FORMATS) as string[]).includes(given)) return given;
    throw new InvalidArgumentError(
        `${field}.nameFormat`,
        `${quoteText(given)} is not a SAML name format; use "uri", "basic" or "unspecified".`,
    );
}

/** Throws on empty or duplicate attribute names, or a missing source. */
export function checkSamlAttributes(attributes: readonly SamlAttribute[], field = "samlAttributes"): void {
    if (!Array.isArray(attributes as unknown)) {
        throw new InvalidArgumentError(field, "must be a list of { name, source } objects.");
    }
    const seen = new Map<string, number>();
    attributes.forEach((a, i) => {
        const at = `${field}[${i}]`;
        if (!a || typeof a.name !== "string" || a.name.trim() === "") {
            throw new InvalidArgumentError(
                `${at}.name`,
                "must be a non-empty attribute name, e.g. https://aws.amazon.com/SAML/Attributes/AccessControl:Team.",
            );
        }
        checkCleanText(a.name, `${at}.name`, "a SAML attribute name");
        if (typeof a.source !== "string" || a.source.trim() === "") {
            throw new InvalidArgumentError(
                `${at}.source`,
                `must name the identity provider claim that supplies ${quoteText(a.name)}, e.g. "email" or "groups".`,
            );
        }
        checkCleanText(a.source, `${at}.source`, "a claim name");
        if (typeof a.friendlyName === "string") checkCleanText(a.friendlyName, `${at}.friendlyName`, "a friendly name");
        const first = seen.get(a.name);
        if (first !== undefined) {
            throw new InvalidArgumentError(
                `${at}.name`,
                `${quoteText(a.name)} duplicates ${field}[${first}].name; SAML attribute names must be unique.`,
            );
        }
        seen.set(a.name, i);
        samlNameFormat(a, at);
        (a.idpSourceNames ?? []).forEach((s, j) => {
            if (!s || !s.idpId || !s.sourceName) {
                throw new InvalidArgumentError(`${at}.idpSourceNames[${j}]`, "needs both idpId and sourceName.");
            }
        });
    });
}

/**
 * Optional arguments given as "" or [] mean "not set": that is how optional keys arrive from stack config (a
 * declared key needs a default), and treating them as values would turn a harmless default into an error or a diff.
 */
export function withoutEmptyOptionals(args: ZeroTrustAwsSsoArgs): ZeroTrustAwsSsoArgs {
    if (!args || typeof args !== "object") return args;
    const copy: ZeroTrustAwsSsoArgs = { ...args };
    for (const key of ["awsAccessPortalUrl", "appName", "sessionDuration"] as const) {
        if (copy[key] === "") delete copy[key];
    }
    if (Array.isArray(copy.allowedIdps) && copy.allowedIdps.length === 0) delete copy.allowedIdps;
    if (Array.isArray(copy.samlAttributes) && copy.samlAttributes.length === 0) delete copy.samlAttributes;
    if (copy.scim && typeof copy.scim === "object") {
        const scim = { ...copy.scim };
        if (scim.tokenExpiresAt === "") delete scim.tokenExpiresAt;
        if (Array.isArray(scim.mappings) && scim.mappings.length === 0) delete scim.mappings;
        copy.scim = scim;
    }
    return copy;
}

/** The access rules in the form the policy needs, after validation. */
export interface NormalizedAccess {
    emails: string[];
    emailDomains: string[];
    /** True when any rule (email, domain, group) makes this component create its own policy. */
    createsPolicy: boolean;
}

/**
 * Validates every argument whose value is already known and returns the normalized access rules. Every problem is
 * reported: one problem throws its {@link InvalidArgumentError}, several an {@link InvalidArgumentsError} listing them.
 * `identityCenterEmails` (lower-cased) stand in for `access.emails` when those are omitted.
 */
export function validateZeroTrustAwsSsoArgs(args: ZeroTrustAwsSsoArgs, identityCenterEmails: readonly string[] = []): NormalizedAccess {
    if (!args || typeof args !== "object") {
        throw new InvalidArgumentError("args", "are required: accountId, awsIssuerUrl, awsAcsUrl and access.");
    }
    const problems = new ArgumentProblems();
    // In the order the arguments are documented, so the list of problems reads like the argument table.
    checkKnownAwsArgs(args, problems);
    const access = normalizeAccess(args.access ?? {}, identityCenterEmails, problems);
    if (args.allowedIdps !== undefined && !Array.isArray(args.allowedIdps)) {
        problems.add(new InvalidArgumentError("allowedIdps", "must be a list of Zero Trust identity provider ids."));
    }
    if (isKnownString(args.appName)) problems.check(() => checkAppName(args.appName as string));
    if (isKnownString(args.sessionDuration)) problems.check(() => checkAccessSessionDuration(args.sessionDuration as string));
    if (args.samlAttributes !== undefined) problems.check(() => checkSamlAttributes(args.samlAttributes!));
    if (args.metadata !== undefined) {
        const problem = fetchOptionsProblem(args.metadata);
        if (problem) problems.add(new InvalidArgumentError("metadata", problem));
    }
    problems.throwIfAny();
    return access;
}

/** The account id and the AWS URLs, where known now (Outputs are checked when they resolve). */
function checkKnownAwsArgs(args: ZeroTrustAwsSsoArgs, problems: ArgumentProblems): void {
    if (isKnownString(args.accountId) || args.accountId === undefined) problems.check(() => checkAccountId(args.accountId));
    let issuer: AwsIssuerFacts | undefined;
    if (isKnownString(args.awsIssuerUrl) || args.awsIssuerUrl === undefined)
        issuer = problems.check(() => parseAwsIssuerUrl(args.awsIssuerUrl, undefined, args.awsAcsUrl));
    if (isKnownString(args.awsAcsUrl) || args.awsAcsUrl === undefined) {
        const acs = problems.check(() => parseAwsAcsUrl(args.awsAcsUrl, undefined, args.awsIssuerUrl));
        if (issuer && acs) problems.check(() => checkAwsUrlPair(issuer, acs));
    }
    if (isKnownString(args.awsAccessPortalUrl)) problems.check(() => parseAwsAccessPortalUrl(args.awsAccessPortalUrl));
}

/** `access`, normalized; problems are recorded, and a list with a bad entry counts as given (no "allows nobody"). */
function normalizeAccess(
    access: ZeroTrustAwsSsoAccess,
    identityCenterEmails: readonly string[],
    problems: ArgumentProblems,
): NormalizedAccess {
    // An empty list means "not given" (config defaults arrive as []), so Identity Center users then stand in.
    const emailsGiven = access.emails !== undefined && access.emails.length > 0;
    const emails = emailsGiven
        ? (problems.check(() => normalizeEmailList(access.emails!, "access.emails")) ?? [])
        : [...identityCenterEmails];
    const emailDomains =
        access.emailDomains !== undefined
            ? (problems.check(() => normalizeEmailDomainList(access.emailDomains!, "access.emailDomains")) ?? [])
            : [];
    const groupIds = access.groupIds ?? [];
    const policyIds = access.policyIds ?? [];
    problems.check(() => checkIdList(groupIds, "access.groupIds"));
    problems.check(() => checkIdList(policyIds, "access.policyIds"));
    const given = (list: readonly unknown[] | undefined): number => (Array.isArray(list) ? list.length : 0);
    const createsPolicy = emails.length + emailDomains.length + given(groupIds) > 0;
    if (given(access.emails) + given(access.emailDomains) + given(groupIds) + given(policyIds) + emails.length === 0) {
        problems.add(
            new InvalidArgumentError(
                "access",
                "allows nobody: give at least one of access.emails, access.emailDomains, access.groupIds, access.policyIds " +
                    '(or identityCenter.users). An Access application without an allow rule denies everyone, and this component never implies "everyone".',
            ),
        );
    }
    return { emails, emailDomains, createsPolicy: createsPolicy || (emailsGiven && emails.length === 0) };
}

/** A list of ids: no empty entry, no duplicate among the known ones. */
export function checkIdList(list: readonly unknown[], field: string): void {
    if (!Array.isArray(list)) throw new InvalidArgumentError(field, "must be a list of ids.");
    const problems = new ArgumentProblems();
    const seen = new Set<string>();
    list.forEach((id, i) => {
        if (!isKnownString(id)) return;
        if (id.trim() === "") problems.add(new InvalidArgumentError(`${field}[${i}]`, "is empty; give the id or remove the entry."));
        else if (seen.has(id)) problems.add(new InvalidArgumentError(field, `lists ${quoteText(id)} twice; remove the duplicate.`));
        seen.add(id);
    });
    problems.throwIfAny();
}

/** Throws on an application name that is blank or carries a line break, control or invisible character. */
export function checkAppName(value: string, field = "appName"): void {
    if (value.trim() === "") throw new InvalidArgumentError(field, 'is blank; give a name such as "Amazon AWS", or omit it.');
    checkCleanText(value, field, "the application name");
}

/**
 * Throws unless `value` is a duration Cloudflare accepts for an Access application's `session_duration`: one or more
 * decimal numbers each with a unit (`ns`, `us` or `µs`, `ms`, `s`, `m`, `h`), e.g. `24h`, `30m`, `1h30m`, `300ms`,
 * `2.5h` (Go's time.ParseDuration format; the Cloudflare API reference, Access applications, session_duration), and
 * greater than zero.
 */
export function checkAccessSessionDuration(value: string, field = "sessionDuration"): void {
    const form = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/;
    if (!form.test(value)) {
        throw new InvalidArgumentError(
            field,
            `${quoteText(value)} is not a Cloudflare duration: write numbers with units ns, us, ms, s, m or h, e.g. "24h", "30m" or "1h30m" (no spaces, no days).`,
        );
    }
    if (!/[1-9]/.test(value)) {
        throw new InvalidArgumentError(
            field,
            `${quoteText(value)} is zero; give a positive duration such as "24h", or omit it for Cloudflare's default.`,
        );
    }
}
