import type * as pulumi from "@pulumi/pulumi";
import type { IdentityCenterResources } from "../components/identityCenter/identityCenter";

/** Every resource declareIdentityCenter declared, for waiting on their registration. */
export function identityCenterResourceList(ic: IdentityCenterResources): pulumi.Resource[] {
    return [
        ...Object.values(ic.users),
        ...Object.values(ic.groups),
        ...ic.groupMemberships,
        ...Object.values(ic.permissionSets),
        ...ic.managedPolicyAttachments,
        ...ic.inlinePolicies,
        ...ic.assignments,
    ];
}
