// The package entry. Importing it creates no resources.
//
// First, before any module that loads a Pulumi SDK: the peers are optional in package.json (so the CLI installs
// light), so check here that they are installed and name the missing ones (components/peerDependencies.ts).
import { requirePeers } from "./peerDependencies";
requirePeers();

export { ZeroTrustAwsSso, ZERO_TRUST_AWS_SSO_TYPE } from "./zeroTrustAwsSso";
export type { ZeroTrustAwsSsoArgs, ZeroTrustAwsSsoAccess, SamlAttribute, SamlAttributeIdpSource } from "./zeroTrustAwsSsoArgs";
export { SamlMetadata } from "./metadata/samlMetadata";
export type { SamlMetadataArgs, MetadataRetrievalArgs } from "./metadata/samlMetadata";
export type {
    IdentityCenterArgs,
    IdentityCenterUser,
    IdentityCenterGroup,
    IdentityCenterPermissionSet,
    IdentityCenterAssignment,
} from "./identityCenter/identityCenterArgs";
export type { IdentityCenterResources } from "./identityCenter/identityCenter";
export type { ScimArgs, ScimMapping } from "./scim/scimArgs";
export { parseScimEndpoint } from "./scim/scimValueChecks";
export type { ScimEndpointFacts } from "./scim/scimValueChecks";
export type { AccessMismatches } from "./access/accessMismatches";
export { InvalidArgumentError, InvalidArgumentsError } from "./invalidArgumentError";
export { renderAwsSetupSteps } from "./runbook/awsSetupSteps";
export type { AwsSetupFacts, AwsSetupScimFacts } from "./runbook/awsSetupSteps";
export { parseSamlMetadata } from "./metadata/samlMetadataDocument";
export type { SamlMetadataFacts, MetadataExpectations } from "./metadata/samlMetadataDocument";
export { fetchMetadataDocument, DEFAULT_ALLOWED_HOSTS, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from "./metadata/metadataFetch";
export type { RetryPolicy, RetryProgress, MetadataFetchOptions, FetchedDocument } from "./metadata/metadataFetch";
export { parseAwsIssuerUrl, parseAwsAcsUrl, parseAwsAccessPortalUrl } from "./identityCenter/awsUrls";
export type { AwsIssuerFacts } from "./identityCenter/awsUrls";
export { MissingPeerDependencyError, COMPONENT_PEERS } from "./peerDependencies";
export type { PeerPackage } from "./peerDependencies";
