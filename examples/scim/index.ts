// Cloudflare Zero Trust as the SAML identity provider of AWS IAM Identity Center, and Cloudflare Access as its
// provisioner: the Access application's SCIM configuration pushes the users and groups of one identity provider
// (Okta, Entra ID, any SCIM 2.0 source connected to Cloudflare) into Identity Center. Nobody is created twice, and
// people appear, change and disappear in AWS with the identity provider.
//
// This stack still owns what SCIM does not carry: the permission sets and who gets them on which account. The
// assignments name the SCIM groups by display name and people by user name (their email); the component looks them
// up in the identity store. Cloudflare marks outbound SCIM to applications as a beta (see README.md).
import * as pulumi from "@pulumi/pulumi";
import { ZeroTrustAwsSso, type IdentityCenterArgs } from "zero-trust-aws-sso";

const config = new pulumi.Config();

// The AWS accounts of the organization (AWS Organizations > AWS accounts). Strings keep leading zeros.
const accounts = {
    production: "111122223333",
    staging: "444455556666",
};

const identityCenter: IdentityCenterArgs = {
    // Users and groups belong to SCIM: listing any here is refused (two writers of one directory).
    users: [],
    permissionSets: [
        { name: "Admin", sessionDuration: "PT1H", managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] },
        { name: "ReadOnly", sessionDuration: "PT4H", managedPolicyArns: ["arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"] },
    ],
    assignments: [
        // Groups by their display name in the identity provider (and so in Identity Center, once provisioned).
        { permissionSet: "Admin", accountIds: [accounts.production, accounts.staging], groups: ["aws-platform"] },
        { permissionSet: "ReadOnly", accountIds: [accounts.production], groups: ["aws-developers"] },
        // One person's extra grant, by user name (= email).
        { permissionSet: "ReadOnly", accountIds: [accounts.staging], users: ["ada@example.com"] },
    ],
};

const sourceIdpId = config.require("scimSourceIdpId");

const sso = new ZeroTrustAwsSso("aws", {
    accountId: config.require("accountId"),
    awsIssuerUrl: config.require("awsIssuerUrl"),
    awsAcsUrl: config.require("awsAcsUrl"),
    // The Access policy still decides who may sign in; SCIM only decides who exists in AWS.
    access: { emailDomains: ["example.com"] },
    // Sign in through the same identity provider SCIM provisions from, without the login-method picker.
    allowedIdps: [sourceIdpId],
    identityCenter,
    scim: {
        endpoint: config.require("scimEndpoint"),
        // The Identity Center access token: a secret in the stack config, and a secret everywhere after.
        token: config.requireSecret("scimToken"),
        sourceIdpId,
        tokenExpiresAt: config.require("scimTokenExpiresAt"),
        // Deactivate (rather than delete) people removed in the identity provider: their AWS history keeps a name.
        deactivateOnDelete: true,
        // Push only the groups meant for AWS; users are pushed as members of those groups or on their own.
        mappings: [{ schema: "urn:ietf:params:scim:schemas:core:2.0:Group", filter: 'displayName sw "aws-"' }],
    },
});

/** `pulumi stack output metadataXml > access_saml_metadata.xml`: upload it in IAM Identity Center (awsSetupSteps). */
export const metadataXml = sso.metadataXml;
export const signingCertificateSha256 = sso.signingCertificateSha256;
export const signingCertificateNotAfter = sso.signingCertificateNotAfter;
export const awsAccessPortalUrl = sso.awsAccessPortalUrl;
/** Always empty with SCIM: there is no list of people to compare with the Access policy. */
export const accessMismatches = sso.accessMismatches;
/** The console steps, with provisioning = Automatic, and a warning at the top when the token expires within 30 days. */
export const awsSetupSteps = sso.awsSetupSteps;
/** Permission set ARNs by name. */
export const permissionSetArns = pulumi.output(
    Object.fromEntries(Object.entries(sso.identityCenter?.permissionSets ?? {}).map(([name, set]) => [name, set.arn])),
);
