// The Cloudflare side of the plan: the inputs of the reusable Access policy and of the Access for SaaS application,
// as plain data built from validated arguments. Nothing here creates a resource; declareAccess.ts does that.
//
// Field meanings and why each value is what it is: docs/cloudflare.md.
import type * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { isKnownString, samlNameFormat, type NormalizedAccess } from "../plan/validateArgs";
import type { SamlAttribute, ZeroTrustAwsSsoArgs } from "../zeroTrustAwsSsoArgs";

/** The application name when `appName` is not given. */
export const DEFAULT_APP_NAME = "Amazon AWS";

type PolicyRule = cloudflare.types.input.ZeroTrustAccessPolicyInclude;
type SaasApp = cloudflare.types.input.ZeroTrustAccessApplicationSaasApp;
type CustomAttribute = cloudflare.types.input.ZeroTrustAccessApplicationSaasAppCustomAttribute;

/** What the component declares on the Cloudflare side. */
export interface AccessPlan {
    /** The component's own allow policy; undefined when only `access.policyIds` are given. */
    policy?: { name: pulumi.Input<string>; includes: PolicyRule[] };
    /** Existing policies to attach after the component's own, in this order. */
    policyIds: pulumi.Input<string>[];
    /** The application's inputs, except `accountId` and `policies` (which depend on the declared policy). */
    application: {
        name: pulumi.Input<string>;
        saasApp: SaasApp;
        allowedIdps?: pulumi.Input<string>[];
        autoRedirectToIdentity?: boolean;
        sessionDuration?: pulumi.Input<string>;
    };
}

/**
 * The policy and application inputs for validated `args`. Lists that Cloudflare treats as sets are sorted, so that
 * reordering them in config is not a diff; `access` carries the emails and domains already normalized.
 */
export function planAccess(name: string, args: ZeroTrustAwsSsoArgs, access: NormalizedAccess): AccessPlan {
    const appName = args.appName ?? DEFAULT_APP_NAME;
    const groupIds = args.access?.groupIds ?? [];
    const includes: PolicyRule[] = [
        ...access.emails.map((email) => ({ email: { email } })),
        ...access.emailDomains.map((domain) => ({ emailDomain: { domain } })),
        ...sortKnown(groupIds).map((id) => ({ group: { id } })),
    ];
    const allowedIdps = args.allowedIdps && sortKnown(args.allowedIdps);
    return {
        policy: access.createsPolicy
            ? { name: isKnownString(appName) ? `${appName} - ${name}` : pulumi.interpolate`${appName} - ${name}`, includes }
            : undefined,
        policyIds: args.access?.policyIds ?? [],
        application: {
            name: appName,
            saasApp: saasApp(args),
            ...(allowedIdps !== undefined ? { allowedIdps } : {}),
            ...(autoRedirect(args) ? { autoRedirectToIdentity: true } : {}),
            ...(args.sessionDuration !== undefined ? { sessionDuration: args.sessionDuration } : {}),
        },
    };
}

/** The application's policies: the component's own first (precedence 1), then `policyIds` in order. */
export function applicationPolicies(
    policyId: pulumi.Input<string> | undefined,
    policyIds: readonly pulumi.Input<string>[],
): { id: pulumi.Input<string>; precedence: number }[] {
    const first = policyId === undefined ? [] : [{ id: policyId, precedence: 1 }];
    return [...first, ...policyIds.map((id, i) => ({ id, precedence: i + first.length + 1 }))];
}

// SAML with the email as NameID: AWS matches the NameID against the Identity Center username (docs/aws.md).
function saasApp(args: ZeroTrustAwsSsoArgs): SaasApp {
    const attributes = args.samlAttributes ?? [];
    return {
        authType: "saml",
        spEntityId: args.awsIssuerUrl,
        consumerServiceUrl: args.awsAcsUrl,
        nameIdFormat: "email",
        ...(attributes.length > 0 ? { customAttributes: attributes.map((a, i) => customAttribute(a, `samlAttributes[${i}]`)) } : {}),
    };
}

function customAttribute(a: SamlAttribute, field: string): CustomAttribute {
    return {
        name: a.name,
        nameFormat: samlNameFormat(a, field),
        ...(a.friendlyName !== undefined ? { friendlyName: a.friendlyName } : {}),
        ...(a.required !== undefined ? { required: a.required } : {}),
        source: {
            name: a.source,
            ...(a.idpSourceNames && a.idpSourceNames.length > 0
                ? { nameByIdps: a.idpSourceNames.map((s) => ({ idpId: s.idpId, sourceName: s.sourceName })) }
                : {}),
        },
    };
}

/** Skipping the identity provider picker makes sense when exactly one provider is allowed. */
function autoRedirect(args: ZeroTrustAwsSsoArgs): boolean {
    if (args.autoRedirectToIdentity !== undefined) return args.autoRedirectToIdentity;
    return Array.isArray(args.allowedIdps) && args.allowedIdps.length === 1;
}

// Known ids are sorted so that reordering them in config is not a diff; Outputs keep their place.
function sortKnown(ids: pulumi.Input<string>[]): pulumi.Input<string>[] {
    return ids.every(isKnownString) ? [...(ids as string[])].sort() : ids;
}
