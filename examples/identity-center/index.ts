// Cloudflare Zero Trust as the SAML identity provider of AWS IAM Identity Center, and the Identity Center side
// managed from the same list of people: users (username = email, the SAML NameID Cloudflare sends), groups,
// permission sets with AWS managed and inline policies, and account assignments.
//
// `access` is omitted on purpose: the Access policy then allows exactly `identityCenter.users`, so adding or
// removing a person here changes both sides in one `pulumi up`, and nobody can pass Cloudflare without an AWS user.
import * as pulumi from "@pulumi/pulumi";
import { ZeroTrustAwsSso, type IdentityCenterArgs } from "zero-trust-aws-sso";

const config = new pulumi.Config();

// The AWS accounts of the organization (AWS Organizations > AWS accounts). Strings keep leading zeros.
const accounts = {
    production: "111122223333",
    staging: "444455556666",
    sandbox: "777788889999",
};

const identityCenter: IdentityCenterArgs = {
    // instanceArn and identityStoreId are omitted: both are looked up with ssoadmin.getInstances through the AWS
    // provider (aws:region must be the Identity Center region). Give both when the account has several instances.
    users: [
        { email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" },
        { email: "grace@example.com", givenName: "Grace", familyName: "Hopper" },
        { email: "linus@example.com", givenName: "Linus", familyName: "Torvalds", displayName: "Linus T." },
        { email: "margaret@example.com", givenName: "Margaret", familyName: "Hamilton" },
    ],
    groups: [
        { name: "Platform", description: "Runs the AWS organization.", members: ["ada@example.com", "grace@example.com"] },
        { name: "Developers", description: "Build and ship services.", members: ["grace@example.com", "linus@example.com"] },
        { name: "Auditors", description: "Read-only access for audits.", members: ["margaret@example.com"] },
    ],
    permissionSets: [
        {
            name: "Admin",
            description: "Full administrative access.",
            sessionDuration: "PT1H",
            managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
        },
        {
            name: "Developer",
            description: "Power user, without the power to blind the audit trail.",
            sessionDuration: "PT8H",
            managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"],
            // An inline policy is JSON text; the component re-serializes it, so formatting is never a diff.
            inlinePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "KeepTheAuditTrail",
                        Effect: "Deny",
                        Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "guardduty:DeleteDetector"],
                        Resource: "*",
                    },
                ],
            }),
        },
        {
            name: "ReadOnly",
            description: "View resources and read logs.",
            sessionDuration: "PT4H",
            managedPolicyArns: ["arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/SecurityAudit"],
            inlinePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "ReadLogs",
                        Effect: "Allow",
                        Action: ["logs:GetLogEvents", "logs:FilterLogEvents", "logs:StartQuery", "logs:GetQueryResults"],
                        Resource: "*",
                    },
                ],
            }),
        },
    ],
    // Each (account x group or user) pair becomes one account assignment; names never depend on list order.
    assignments: [
        { permissionSet: "Admin", accountIds: [accounts.production, accounts.staging, accounts.sandbox], groups: ["Platform"] },
        { permissionSet: "Developer", accountIds: [accounts.staging, accounts.sandbox], groups: ["Developers"] },
        { permissionSet: "ReadOnly", accountIds: [accounts.production], groups: ["Developers", "Auditors"] },
        // One person's extra grant, without a group.
        { permissionSet: "ReadOnly", accountIds: [accounts.staging], users: ["margaret@example.com"] },
    ],
};

const sso = new ZeroTrustAwsSso("aws", {
    accountId: config.require("accountId"),
    awsIssuerUrl: config.require("awsIssuerUrl"),
    awsAcsUrl: config.require("awsAcsUrl"),
    // awsAccessPortalUrl is derived from the identity store id: https://d-xxxxxxxxxx.awsapps.com/start.
    appName: "Amazon AWS",
    sessionDuration: "8h",
    identityCenter,
});

/** `pulumi stack output metadataXml > access_saml_metadata.xml`: upload it in IAM Identity Center (awsSetupSteps). */
export const metadataXml = sso.metadataXml;
export const signingCertificateSha256 = sso.signingCertificateSha256;
export const signingCertificateNotAfter = sso.signingCertificateNotAfter;
export const awsAccessPortalUrl = sso.awsAccessPortalUrl;
/** Empty here by construction: the Access policy is built from identityCenter.users. */
export const accessMismatches = sso.accessMismatches;
export const awsSetupSteps = sso.awsSetupSteps;

// The Identity Center side, as looked up and created.
const managed = sso.identityCenter;
export const identityStoreId = managed?.identityStoreId;
export const instanceArn = managed?.instanceArn;
/** Identity Center user ids by (lower-cased) email. */
export const userIds = pulumi.output(Object.fromEntries(Object.entries(managed?.users ?? {}).map(([email, user]) => [email, user.userId])));
/** Permission set ARNs by name. */
export const permissionSetArns = pulumi.output(
    Object.fromEntries(Object.entries(managed?.permissionSets ?? {}).map(([name, set]) => [name, set.arn])),
);
