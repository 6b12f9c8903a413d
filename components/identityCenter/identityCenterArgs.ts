// The arguments of the Identity Center part of ZeroTrustAwsSso: plain lists of people, groups, permission sets and
// assignments. Plain (not Inputs) because names and the mismatch report are derived from them at construction.
import type * as pulumi from "@pulumi/pulumi";

/**
 * A person who may sign in to AWS through Cloudflare Access.
 *
 * The Identity Center username is the email exactly as written here, because the SAML NameID Cloudflare sends is
 * the email (Name ID format = Email). Emails are compared case-insensitively everywhere (Identity Center user
 * names are unique regardless of case). Changing the email, even only its case, replaces the user (AWS cannot
 * rename one): it gets a new user id, and its group memberships and account assignments are replaced with it.
 */
export interface IdentityCenterUser {
    /** The email address: the Identity Center username, the primary work email, and the SAML NameID. At most 128 characters. */
    email: string;
    /** Given (first) name. Required by Identity Center. */
    givenName: string;
    /** Family (last) name. Required by Identity Center. */
    familyName: string;
    /** Name shown in the AWS access portal. Default: `"<givenName> <familyName>"`. */
    displayName?: string | undefined;
}

/** An Identity Center group, with the declared users who belong to it. */
export interface IdentityCenterGroup {
    /** The group's display name; unique among the groups (compared case-insensitively). */
    name: string;
    /** A free-text description shown in the Identity Center console. */
    description?: string | undefined;
    /** Emails of members; each must be one of {@link IdentityCenterArgs.users} (compared case-insensitively). */
    members?: string[] | undefined;
}

/** A permission set: the IAM role Identity Center provisions into each account it is assigned to. */
export interface IdentityCenterPermissionSet {
    /** The permission-set name: 1-32 characters from letters, digits and `+=,.@_-` (AWS's rule); unique (case-insensitively). */
    name: string;
    /** A free-text description shown in the Identity Center console. */
    description?: string | undefined;
    /**
     * How long a console or CLI session lasts, ISO 8601, from `PT1H` to `PT12H` inclusive (AWS's range), written with
     * whole hours, minutes or seconds: `PT8H`, `PT90M`, `PT1H30M`. Fractions (`PT0.5H`, `PT1.5H`) are rejected:
     * AWS's API does not accept them in hours or minutes, so write `PT1H30M` instead. Default (AWS): `PT1H`.
     */
    sessionDuration?: string | undefined;
    /**
     * AWS managed policies to attach, e.g. `arn:aws:iam::aws:policy/ReadOnlyAccess` (any partition). Customer managed
     * policy ARNs (`arn:aws:iam::123456789012:policy/...`) are rejected: Identity Center attaches only AWS managed
     * policies by ARN; put your own statements in {@link inlinePolicy} instead.
     */
    managedPolicyArns?: string[] | undefined;
    /**
     * An IAM policy document as JSON text (a JSON object), e.g. `JSON.stringify({ Version: "2012-10-17", Statement: [...] })`.
     * It is re-serialized without whitespace, so formatting changes alone are not a diff.
     */
    inlinePolicy?: string | undefined;
    /** The URL the AWS console opens after sign-in (the relay state), e.g. `https://console.aws.amazon.com/ec2/home`. */
    relayState?: string | undefined;
}

/**
 * Grants a permission set on some AWS accounts to some groups and/or users. Every combination
 * (account x principal) becomes one `aws.ssoadmin.AccountAssignment`; the same combination may appear only once.
 */
export interface IdentityCenterAssignment {
    /** The name of one of {@link IdentityCenterArgs.permissionSets}. */
    permissionSet: string;
    /**
     * AWS account ids, each exactly 12 digits, written as strings so leading zeros are kept (`"012345678901"`).
     * At least one.
     */
    accountIds: string[];
    /**
     * Names of {@link IdentityCenterArgs.groups} to grant the permission set to; with `scim`, display names of groups
     * SCIM provisions (looked up with `aws.identitystore.getGroup`).
     */
    groups?: string[] | undefined;
    /**
     * Emails of {@link IdentityCenterArgs.users} to grant the permission set to (compared case-insensitively); with
     * `scim`, user names (emails) of users SCIM provisions (looked up with `aws.identitystore.getUser`).
     */
    users?: string[] | undefined;
}

/**
 * What to manage in IAM Identity Center. Everything listed here is created and owned by this stack; anything else
 * in the instance is left alone.
 */
export interface IdentityCenterArgs {
    /**
     * The Identity Center instance ARN (`arn:aws:sso:::instance/ssoins-...`, IAM Identity Center > Settings).
     * When this or {@link identityStoreId} is omitted, both are looked up with `aws.ssoadmin.getInstances` through the
     * parent's AWS provider: the given one must then match an instance, and when neither is given exactly one
     * instance must exist (otherwise the deployment fails, listing the instances found).
     */
    instanceArn?: pulumi.Input<string> | undefined;
    /** The identity store id (`d-xxxxxxxxxx`, IAM Identity Center > Settings). Looked up like {@link instanceArn}. */
    identityStoreId?: pulumi.Input<string> | undefined;
    /**
     * The people who may sign in. May be empty only if no group member or assignment names a user; the Cloudflare
     * Access policy then needs its own rules. With `scim`, give `[]`: SCIM provisions the users, so any entry is
     * refused.
     */
    users: IdentityCenterUser[];
    /** Groups and their members. Refused (unless empty) with `scim`, because SCIM then provisions the groups. */
    groups?: IdentityCenterGroup[] | undefined;
    /** Permission sets. */
    permissionSets?: IdentityCenterPermissionSet[] | undefined;
    /** Who gets which permission set on which accounts. */
    assignments?: IdentityCenterAssignment[] | undefined;
}
