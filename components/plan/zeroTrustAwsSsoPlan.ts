// The plan: a pure function from ZeroTrustAwsSso's arguments to a validated, normalised description of everything
// the component declares (Access policy and application inputs, Identity Center resources, the people on one side
// only, the values the runbook quotes). Built once per component; the class only declares resources from it.
//
// Arguments that are Outputs cannot be judged here; checkLateValues judges them, with the same validators, once they
// resolve, and the component makes every child wait for that check (docs/design.md, "the gate").
import { compareAccessWithIdentityCenter, type AccessMismatches } from "../access/accessMismatches";
import { planAccess, type AccessPlan } from "../access/accessPlan";
import * as pulumi from "@pulumi/pulumi";
import { checkAwsUrlPair, parseAwsAcsUrl, parseAwsIssuerUrl, withoutTrailingSlash } from "../identityCenter/awsUrls";
import type { IdentityCenterArgs } from "../identityCenter/identityCenterArgs";
import { planIdentityCenter, type IdentityCenterPlan } from "../identityCenter/identityCenterPlan";
import { ArgumentProblems, InvalidArgumentError } from "../invalidArgumentError";
import type { ScimArgs } from "../scim/scimArgs";
import { checkScimValues, isLate, planScim, type ScimPlan, type ScimValues } from "../scim/scimPlan";
import { excerptText, quoteSecret, quoteText, type QuotePolicy } from "../safeText";
import type { ZeroTrustAwsSsoArgs } from "../zeroTrustAwsSsoArgs";
import { checkAccountId, isKnownString, validateZeroTrustAwsSsoArgs, withoutEmptyOptionals } from "./validateArgs";

/** Everything the component declares, validated and normalised. */
export interface ZeroTrustAwsSsoPlan {
    /** The arguments with optional `""` and `[]` removed (they mean "not set"). */
    args: ZeroTrustAwsSsoArgs;
    /** The Cloudflare policy and application. */
    access: AccessPlan;
    /** The Identity Center resources, when `identityCenter` is given. */
    identityCenter?: { args: IdentityCenterArgs; plan: IdentityCenterPlan };
    /** People on one side only; empty lists without `identityCenter`, and with `scim` (there is no list to compare). */
    accessMismatches: AccessMismatches;
    /** The application's SCIM provisioning, when `scim` is given. */
    scim?: ScimPlan;
    /** True when the account id, an AWS URL or a `scim` value is an Output, to be checked by {@link checkLateValues}. */
    hasLateValues: boolean;
}

/**
 * Validates `givenArgs` and returns the plan. Every problem among the known values is reported at once: one throws
 * its {@link InvalidArgumentError}, several an `InvalidArgumentsError` listing each field, value and fix.
 *
 * @param name The component's name: child names and the policy name derive from it.
 */
export function planZeroTrustAwsSso(name: string, givenArgs: ZeroTrustAwsSsoArgs): ZeroTrustAwsSsoPlan {
    const args = withoutTrailingSlashes(withoutEmptyOptionals(givenArgs));
    const problems = new ArgumentProblems();
    const given = args?.identityCenter;
    const scim = args?.scim;
    // Problems are listed in the order the arguments are documented: the top-level ones, identityCenter, then scim.
    const userEmails = scim === undefined ? userEmailsOf(given) : [];
    const access = problems.check(() => validateZeroTrustAwsSsoArgs(args, userEmails));
    const identityCenter = given
        ? problems.check(() => planIdentityCenter(given, "identityCenter", { scim: scim !== undefined }))
        : undefined;
    if (given && isKnownString(given.identityStoreId) && isKnownString(args.awsIssuerUrl)) {
        problems.check(() => checkIssuerMatchesIdentityStore(args.awsIssuerUrl as string, given.identityStoreId as string));
    }
    if (scim !== undefined) problems.check(() => checkScimValues(scimValuesOf(scim), knownIssuerRegion(args.awsIssuerUrl), true));
    problems.throwIfAny();
    const accessMismatches: AccessMismatches =
        given && scim === undefined
            ? compareAccessWithIdentityCenter(
                  // Only whether Access groups are present matters (their members cannot be known), so Outputs are fine.
                  { emails: access!.emails, emailDomains: access!.emailDomains, groupIds: (args.access?.groupIds ?? []).map(String) },
                  userEmails,
              )
            : { cloudflareOnly: [], awsOnly: [] };
    const late = [args.accountId, args.awsIssuerUrl, args.awsAcsUrl].some((v) => v !== undefined && !isKnownString(v));
    return {
        args,
        access: planAccess(name, args, access!),
        identityCenter: given && { args: given, plan: identityCenter! },
        accessMismatches,
        ...(scim !== undefined ? { scim: planScim(scim) } : {}),
        hasLateValues: late || (scim !== undefined && Object.values(scimValuesOf(scim)).some(isLate)),
    };
}

/** The checked values of `scim`, by name. */
export function scimValuesOf(scim: ScimArgs): ScimValues {
    return {
        endpoint: scim?.endpoint,
        token: scim?.token,
        sourceIdpId: scim?.sourceIdpId,
        deactivateOnDelete: scim?.deactivateOnDelete,
        tokenExpiresAt: scim?.tokenExpiresAt,
        mappings: scim?.mappings,
    };
}

// The issuer URL's region when it is known and valid (its own problems are reported by the top-level checks).
function knownIssuerRegion(issuerUrl: unknown): string | undefined {
    if (!isKnownString(issuerUrl)) return undefined;
    try {
        return parseAwsIssuerUrl(issuerUrl).region;
    } catch {
        return undefined;
    }
}

/** The values that may only be known once Outputs resolve. */
export interface LateValues {
    accountId: unknown;
    awsIssuerUrl: unknown;
    awsAcsUrl: unknown;
    /** The identity store id, given or looked up, when Identity Center is managed. */
    identityStoreId?: string;
    /** The values of `scim`, resolved, when `scim` is given. */
    scim?: ScimValues;
    /**
     * Which of the values were Pulumi secrets: their problems are reported without their text (the field and why,
     * never what it holds). Default: none.
     */
    secret?: { accountId?: boolean; awsIssuerUrl?: boolean; awsAcsUrl?: boolean };
}

/** The checks of {@link planZeroTrustAwsSso} for values that were Outputs; throws like it, listing every problem. */
export function checkLateValues(values: LateValues): void {
    const problems = new ArgumentProblems();
    const show = (secret: boolean | undefined): QuotePolicy => (secret ? quoteSecret : quoteText);
    const secret = values.secret ?? {};
    problems.check(() => checkAccountId(values.accountId, "accountId", show(secret.accountId)));
    // A swap error suggests the other URL; a secret one is never shown (the policy of the field quoted applies).
    const issuer = problems.check(() =>
        parseAwsIssuerUrl(values.awsIssuerUrl, "awsIssuerUrl", values.awsAcsUrl, show(secret.awsIssuerUrl || secret.awsAcsUrl)),
    );
    const acs = problems.check(() =>
        parseAwsAcsUrl(values.awsAcsUrl, "awsAcsUrl", values.awsIssuerUrl, show(secret.awsAcsUrl || secret.awsIssuerUrl)),
    );
    if (issuer && acs) problems.check(() => checkAwsUrlPair(issuer, acs, Boolean(secret.awsIssuerUrl || secret.awsAcsUrl)));
    if (issuer && values.identityStoreId) {
        problems.check(() =>
            checkIssuerMatchesIdentityStore(values.awsIssuerUrl as string, values.identityStoreId!, Boolean(secret.awsIssuerUrl)),
        );
    }
    if (values.scim) problems.check(() => checkScimValues(values.scim!, issuer?.region, false));
    problems.throwIfAny();
}

/** Throws when the issuer URL names another identity store than the one Identity Center resources go to. */
export function checkIssuerMatchesIdentityStore(issuerUrl: string, identityStoreId: string, secret = false): void {
    const fromIssuer = parseAwsIssuerUrl(issuerUrl).identityStoreId;
    if (fromIssuer && fromIssuer !== identityStoreId) {
        const names = secret ? "names another identity store" : `names identity store ${fromIssuer}`;
        throw new InvalidArgumentError(
            "awsIssuerUrl",
            `${names} but identityCenter.identityStoreId is ${excerptText(identityStoreId)}: the issuer URL was copied from another IAM Identity Center instance. Copy it again from the instance this stack manages.`,
        );
    }
}

/**
 * The arguments with trailing slashes removed from the issuer and ACS URLs (see {@link withoutTrailingSlash}). A
 * known URL without one is kept as the very same string and an Output is left untouched unless it needs it, so a
 * stack that never had a trailing slash registers byte-identical inputs.
 */
export function withoutTrailingSlashes(args: ZeroTrustAwsSsoArgs): ZeroTrustAwsSsoArgs {
    if (!args || typeof args !== "object") return args;
    const fix = (value: pulumi.Input<string>): pulumi.Input<string> => {
        if (isKnownString(value)) return withoutTrailingSlash(value);
        // An Output is only known later; apply keeps its secrecy and its dependencies.
        return pulumi.Output.isInstance(value) ? value.apply((v) => (typeof v === "string" ? withoutTrailingSlash(v) : v)) : value;
    };
    const issuer = args.awsIssuerUrl;
    const acs = args.awsAcsUrl;
    const fixedIssuer = issuer === undefined ? issuer : fix(issuer);
    const fixedAcs = acs === undefined ? acs : fix(acs);
    if (fixedIssuer === issuer && fixedAcs === acs) return args;
    return { ...args, awsIssuerUrl: fixedIssuer, awsAcsUrl: fixedAcs };
}

// The Identity Center users' emails, lower-cased and sorted: they stand in for access.emails when those are omitted.
// Read leniently (planIdentityCenter reports what is wrong with them), so that a bad user entry does not also produce
// a misleading "access allows nobody".
function userEmailsOf(args: IdentityCenterArgs | undefined): string[] {
    if (!args || !Array.isArray(args.users)) return [];
    return args.users
        .map((u) => (typeof u?.email === "string" ? u.email.toLowerCase() : ""))
        .filter((e) => e !== "")
        .sort();
}
