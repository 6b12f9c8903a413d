// The runnable Pulumi program: reads this stack's config and deploys one ZeroTrustAwsSso.
import * as pulumi from "@pulumi/pulumi";
import {
    ZeroTrustAwsSso,
    type IdentityCenterArgs,
    type MetadataRetrievalArgs,
    type SamlAttribute,
    type ScimArgs,
    type ScimMapping,
} from "./components";

const config = new pulumi.Config();

// SCIM provisioning is on when scimEndpoint is set; the token is then required, and read as a secret.
function scimFromConfig(): ScimArgs | undefined {
    const endpoint = config.get("scimEndpoint");
    if (!endpoint) return undefined;
    return {
        endpoint,
        token: config.requireSecret("scimToken"),
        sourceIdpId: config.require("scimSourceIdpId"),
        deactivateOnDelete: config.getBoolean("scimDeactivateOnDelete"),
        tokenExpiresAt: config.get("scimTokenExpiresAt"),
        mappings: config.getObject<ScimMapping[]>("scimMappings"),
    };
}

// Optional keys arrive as their Pulumi.yaml defaults ("" and []) when not set; the component reads those as unset.
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
    appName: config.get("appName"),
    sessionDuration: config.get("sessionDuration"),
    samlAttributes: config.getObject<SamlAttribute[]>("samlAttributes"),
    metadata: config.getObject<MetadataRetrievalArgs>("metadata"),
    identityCenter: config.getObject<IdentityCenterArgs>("identityCenter"),
    scim: scimFromConfig(),
});

export const applicationId = sso.applicationId;
export const ssoEndpoint = sso.ssoEndpoint;
export const idpEntityId = sso.idpEntityId;
export const metadataUrl = sso.metadataUrl;
/** `pulumi stack output metadataXml > access_saml_metadata.xml` gives the file to upload to AWS. */
export const metadataXml = sso.metadataXml;
export const signingCertificate = sso.signingCertificate;
export const signingCertificateSha256 = sso.signingCertificateSha256;
export const signingCertificateNotAfter = sso.signingCertificateNotAfter;
export const awsAccessPortalUrl = sso.awsAccessPortalUrl;
export const accessMismatches = sso.accessMismatches;
export const awsSetupSteps = sso.awsSetupSteps;
