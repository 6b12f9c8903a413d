// The package entry. Importing it creates no resources.
export { ZeroTrustAwsSso, ZERO_TRUST_AWS_SSO_TYPE } from "./zeroTrustAwsSso";
export type { ZeroTrustAwsSsoArgs, ZeroTrustAwsSsoAccess, SamlAttribute, SamlAttributeIdpSource } from "./zeroTrustAwsSsoArgs";
export { SamlMetadata } from "./samlMetadata";
export type { SamlMetadataArgs, MetadataRetrievalArgs } from "./samlMetadata";
export type {
    IdentityCenterArgs,
    IdentityCenterUser,
    IdentityCenterGroup,
    IdentityCenterPermissionSet,
    IdentityCenterAssignment,
} from "./identityCenterArgs";
export type { IdentityCenterResources } from "./identityCenter";
export type { AccessMismatches } from "./accessMismatches";
export { InvalidArgumentError } from "./invalidArgumentError";
export { renderAwsSetupSteps } from "./awsSetupSteps";
export type { AwsSetupFacts } from "./awsSetupSteps";
export { parseSamlMetadata } from "./samlMetadataDocument";
export type { SamlMetadataFacts, MetadataExpectations } from "./samlMetadataDocument";
export { fetchMetadataDocument, DEFAULT_ALLOWED_HOSTS, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from "./metadataFetch";
export type { RetryPolicy, MetadataFetchOptions, FetchedDocument } from "./metadataFetch";
export { parseAwsIssuerUrl, parseAwsAcsUrl, parseAwsAccessPortalUrl } from "./awsUrls";
export type { AwsIssuerFacts } from "./awsUrls";
