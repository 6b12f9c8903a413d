import type * as pulumi from "@pulumi/pulumi";
import type { IdentityCenterArgs } from "./identityCenter/identityCenterArgs";
import type { MetadataRetrievalArgs } from "./metadata/samlMetadata";
import type { ScimArgs } from "./scim/scimArgs";

/**
 * Who may sign in to AWS through Cloudflare Access. The rules are OR-ed into one reusable Access policy
 * (`decision: "allow"`) attached to the application with precedence 1; `policyIds` follow it in order.
 *
 * Nothing is implied: an application without any rule would deny everyone, so at least one rule (or
 * `identityCenter.users`) is required. To allow everyone, attach your own policy through `policyIds`.
 */
export interface ZeroTrustAwsSsoAccess {
    /** Email addresses allowed to sign in (compared case-insensitively; stored lower-cased and sorted). */
    emails?: string[] | undefined;
    /** Email domains allowed to sign in, e.g. `example.com` (no `@`, no scheme). */
    emailDomains?: string[] | undefined;
    /** Cloudflare Access group ids whose members may sign in. */
    groupIds?: pulumi.Input<string>[] | undefined;
    /**
     * Ids of existing reusable Access policies to attach after this component's own policy, in this order
     * (precedence 2, 3, ...). When only `policyIds` are given, no policy is created.
     */
    policyIds?: pulumi.Input<string>[] | undefined;
}

/** Where a SAML attribute's value comes from in the identity provider. */
export interface SamlAttributeIdpSource {
    /** The Zero Trust identity provider id. */
    idpId: string;
    /** The attribute name in that identity provider. */
    sourceName: string;
}

/**
 * An extra SAML attribute statement in the assertion Cloudflare sends to AWS, e.g. an ABAC tag
 * `https://aws.amazon.com/SAML/Attributes/AccessControl:<TagKey>`.
 */
export interface SamlAttribute {
    /** The attribute name AWS sees. Must be unique and non-empty. */
    name: string;
    /** The identity provider claim to take the value from. */
    source: string;
    /**
     * The SAML NameFormat: `"uri"`, `"basic"` or `"unspecified"` (or the full
     * `urn:oasis:names:tc:SAML:2.0:attrname-format:*` value). Default: `"uri"` when the name is a URI
     * (as AWS attribute names are), otherwise `"unspecified"`.
     */
    nameFormat?: "uri" | "basic" | "unspecified" | string | undefined;
    /** A human-readable FriendlyName. */
    friendlyName?: string | undefined;
    /** Fail the sign-in when the identity provider does not supply the attribute. Default false. */
    required?: boolean | undefined;
    /** Per identity provider source names, when they differ from `source`. */
    idpSourceNames?: SamlAttributeIdpSource[] | undefined;
}

/**
 * Arguments of {@link ZeroTrustAwsSso}. Optional strings given as `""` and optional lists given as `[]` count as
 * not set (that is how optional stack-config keys arrive).
 */
export interface ZeroTrustAwsSsoArgs {
    /** The Cloudflare account id (32 hexadecimal characters). */
    accountId: pulumi.Input<string>;
    /**
     * The "IAM Identity Center issuer URL" from the AWS console's service provider metadata,
     * e.g. `https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890`. Becomes the SAML SP entity ID.
     */
    awsIssuerUrl: pulumi.Input<string>;
    /**
     * The "IAM Identity Center Assertion Consumer Service (ACS) URL",
     * e.g. `https://us-east-1.signin.aws.amazon.com/platform/saml/acs/<uuid>`.
     */
    awsAcsUrl: pulumi.Input<string>;
    /**
     * The AWS access portal URL users open to sign in, e.g. `https://d-1234567890.awsapps.com/start`.
     * Only used in `awsSetupSteps`; defaults to `https://<identityStoreId>.awsapps.com/start` when the
     * identity store id is known.
     */
    awsAccessPortalUrl?: pulumi.Input<string> | undefined;
    /** Who may sign in. Optional only when `identityCenter.users` is given (then those users are allowed). */
    access?: ZeroTrustAwsSsoAccess | undefined;
    /** Zero Trust identity provider ids users may sign in with. Default: all configured providers. */
    allowedIdps?: pulumi.Input<string>[] | undefined;
    /**
     * Skip the Cloudflare identity provider picker. Default: true when `allowedIdps` has exactly one entry.
     */
    autoRedirectToIdentity?: boolean | undefined;
    /** The application name shown in Zero Trust. Default `"Amazon AWS"`. */
    appName?: pulumi.Input<string> | undefined;
    /** The Access session duration, e.g. `"8h"`. Default: the account's setting. */
    sessionDuration?: pulumi.Input<string> | undefined;
    /** Extra SAML attribute statements. */
    samlAttributes?: SamlAttribute[] | undefined;
    /** How the SAML metadata is retrieved from the Cloudflare team domain. */
    metadata?: MetadataRetrievalArgs | undefined;
    /**
     * Manage the AWS side too: Identity Center users (username = email), groups, permission sets and account
     * assignments. One list of people then drives both the Access policy and Identity Center.
     */
    identityCenter?: IdentityCenterArgs | undefined;
    /**
     * Let Cloudflare Access provision the IAM Identity Center users and groups (SCIM 2.0, a Cloudflare beta) from the
     * identity provider `scim.sourceIdpId`. Then `identityCenter.users` and `identityCenter.groups` are refused, and
     * `identityCenter.assignments` name SCIM groups and users. Default: no provisioning (manual, or `identityCenter.users`).
     */
    scim?: ScimArgs | undefined;
}
