// The runnable Pulumi program: reads this stack's config and deploys one ZeroTrustAwsSso.
import * as pulumi from "@pulumi/pulumi";
import { ZeroTrustAwsSso, type IdentityCenterArgs, type MetadataRetrievalArgs, type SamlAttribute } from "./components";

const config = new pulumi.Config();
const optional = (key: string): string | undefined => config.get(key) || undefined;
const list = (key: string): string[] | undefined => {
    const values = config.getObject<string[]>(key);
    return values && values.length > 0 ? values : undefined;
};

const allowedIdps = list("allowedIdps");
const sso = new ZeroTrustAwsSso("aws", {
    accountId: config.require("accountId"),
    awsIssuerUrl: config.require("awsIssuerUrl"),
    awsAcsUrl: config.require("awsAcsUrl"),
    awsAccessPortalUrl: optional("awsAccessPortalUrl"),
    access: {
        emails: list("accessEmails"),
        emailDomains: list("accessEmailDomains"),
        groupIds: list("accessGroupIds"),
        policyIds: list("accessPolicyIds"),
    },
    allowedIdps,
    appName: optional("appName"),
    sessionDuration: optional("sessionDuration"),
    samlAttributes: config.getObject<SamlAttribute[]>("samlAttributes"),
    metadata: config.getObject<MetadataRetrievalArgs>("metadata"),
    identityCenter: config.getObject<IdentityCenterArgs>("identityCenter"),
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
