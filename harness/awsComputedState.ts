// What the AWS provider computes on create and plain mocks would not return: the user's `userId`, the group's
// `groupId` and the permission set's `arn`. Without them, memberships and assignments would be registered with
// their principal and permission-set ids missing.

/** The ids AWS computes for Identity Center resources (deterministic, derived from the resource name). */
export function awsComputedState(type: string, name: string): Record<string, string> {
    switch (type) {
        case "aws:identitystore/user:User":
            return { userId: `uid-${name}` };
        case "aws:identitystore/group:Group":
            return { groupId: `gid-${name}` };
        case "aws:ssoadmin/permissionSet:PermissionSet":
            return { arn: `arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-${name}` };
        default:
            return {};
    }
}
