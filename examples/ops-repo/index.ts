// Cloudflare Zero Trust as the SAML identity provider of AWS IAM Identity Center, configured entirely from
// Pulumi.<stack>.yaml. Every key is declared in Pulumi.yaml or documented in Pulumi.dev.yaml.
//
//   pulumi up
//   pulumi stack output metadataXml > access_saml_metadata.xml
//   pulumi stack output awsSetupSteps          # the console steps AWS has no API for, values filled in
import * as pulumi from "@pulumi/pulumi";
import { ZeroTrustAwsSso, type IdentityCenterArgs, type MetadataRetrievalArgs, type SamlAttribute } from "zero-trust-aws-sso";

const config = new pulumi.Config();

// Pulumi.yaml gives optional keys empty defaults ("" and []), because a declared key without a default is
// required. The component reads an optional "" or [] as "not set", so config values are passed on as they are.
const sso = new ZeroTrustAwsSso("aws", {
    accountId: config.require("accountId"),
    awsIssuerUrl: config.require("awsIssuerUrl"),
    awsAcsUrl: config.require("awsAcsUrl"),
    awsAccessPortalUrl: config.get("awsAccessPortalUrl"),
    access: {
        emails: config.getObject<string[]>("accessEmails"),
        emailDomains: config.getObject<string[]>("accessEmailDomains"),
        groupIds: config.getObject<string[]>("accessGroupIds"),
        policyIds: config.getObject<string[]>("accessPolicyIds"),
    },
    allowedIdps: config.getObject<string[]>("allowedIdps"),
    // Not declared in Pulumi.yaml: a declared boolean needs a default, and "unset" means "true when exactly one
    // identity provider is allowed".
    autoRedirectToIdentity: config.getBoolean("autoRedirectToIdentity"),
    appName: config.get("appName"),
    sessionDuration: config.get("sessionDuration"),
    // Object-valued settings, set with `pulumi config set --path` (see Pulumi.dev.yaml). The component validates
    // them and names the exact path of a bad value, e.g. identityCenter.users[2].email.
    samlAttributes: config.getObject<SamlAttribute[]>("samlAttributes"),
    metadata: config.getObject<MetadataRetrievalArgs>("metadata"),
    identityCenter: config.getObject<IdentityCenterArgs>("identityCenter"),
});

/** The Access application id (Zero Trust > Access > Applications). */
export const applicationId = sso.applicationId;
/** Where Cloudflare publishes the application's SAML metadata. */
export const metadataUrl = sso.metadataUrl;
/** The IdP entity ID (issuer) AWS will show after the upload. */
export const idpEntityId = sso.idpEntityId;
/** The IdP sign-in URL AWS will show after the upload. */
export const ssoEndpoint = sso.ssoEndpoint;
/** `pulumi stack output metadataXml > access_saml_metadata.xml`: the file to upload to IAM Identity Center. */
export const metadataXml = sso.metadataXml;
/** Compare with the certificate IAM Identity Center shows after the upload. */
export const signingCertificateSha256 = sso.signingCertificateSha256;
/** When the signing certificate expires; Cloudflare rotates it, and AWS then needs the new metadata. */
export const signingCertificateNotAfter = sso.signingCertificateNotAfter;
/** The URL people open to sign in to AWS; it must redirect to Cloudflare Access. */
export const awsAccessPortalUrl = sso.awsAccessPortalUrl;
/** People allowed on one side only (only computed when identityCenter is set). */
export const accessMismatches = sso.accessMismatches;
/** Markdown runbook of the remaining AWS console steps: `pulumi stack output awsSetupSteps`. */
export const awsSetupSteps = sso.awsSetupSteps;
