// The type tokens tests look registrations up by, in one place.
export const COMPONENT = "zero-trust-aws-sso:index:ZeroTrustAwsSso";
export const APP = "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication";
export const POLICY = "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy";
export const METADATA = "pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata";
export const USER = "aws:identitystore/user:User";
export const GROUP = "aws:identitystore/group:Group";
export const MEMBER = "aws:identitystore/groupMembership:GroupMembership";
export const PERMISSION_SET = "aws:ssoadmin/permissionSet:PermissionSet";
export const MANAGED = "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment";
export const INLINE = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";
export const ASSIGNMENT = "aws:ssoadmin/accountAssignment:AccountAssignment";
export const GET_INSTANCES = "aws:ssoadmin/getInstances:getInstances";
