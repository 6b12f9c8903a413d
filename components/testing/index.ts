// The package's `zero-trust-aws-sso/testing` entry: Pulumi mocks for a consumer's own unit tests. The main entry
// never imports it, so the component (and the CLI) load neither these mocks nor their certificate library.
export { zeroTrustAwsSsoMocks, ACCESS_APPLICATION_TYPE, SAML_METADATA_TYPE, GET_INSTANCES_TOKEN } from "./zeroTrustAwsSsoMocks";
export type { ZeroTrustAwsSsoMocksOptions } from "./zeroTrustAwsSsoMocks";
