// The AWS side of the sign-in: IAM Identity Center users (username = email, because the SAML NameID Cloudflare
// sends is the email), groups, permission sets and account assignments, declared from plain lists.
//
// Two rules shape everything here:
// - Names and order never depend on list positions. Every resource name is derived from an email, a group name, a
//   permission-set name or an account id, and everything is declared in sorted order, so reordering a list in
//   config is neither a diff nor a different registration sequence (docs/pulumi.md, `--expect-no-changes`).
// - All plain values are validated before the first resource exists, with a message that names the exact path
//   (`identityCenter.users[3].email`) and the fix; nothing half-applies.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { IdentityCenterArgs } from "./identityCenterArgs";
import { planIdentityCenter, type IdentityCenterPlan } from "./identityCenterPlan";
import { lookupScimPrincipals, type ScimPrincipalIds } from "./scimPrincipals";
import { excerptText, quoteList, quoteText } from "../safeText";

/** The resources {@link declareIdentityCenter} declared, keyed by the names used in the arguments. */
export interface IdentityCenterResources {
    /** The instance ARN, as given or looked up. */
    instanceArn: pulumi.Output<string>;
    /** The identity store id, as given or looked up. */
    identityStoreId: pulumi.Output<string>;
    /** Users by lower-cased email. */
    users: Record<string, aws.identitystore.User>;
    /** Groups by name. */
    groups: Record<string, aws.identitystore.Group>;
    /** Permission sets by name. */
    permissionSets: Record<string, aws.ssoadmin.PermissionSet>;
    /** Account assignments, sorted by resource name. */
    assignments: aws.ssoadmin.AccountAssignment[];
    /** Group memberships, sorted by resource name. */
    groupMemberships: aws.identitystore.GroupMembership[];
    /** Managed policy attachments, sorted by resource name. */
    managedPolicyAttachments: aws.ssoadmin.ManagedPolicyAttachment[];
    /** Inline policies (at most one per permission set), sorted by resource name. */
    inlinePolicies: aws.ssoadmin.PermissionSetInlinePolicy[];
    /** The users' emails, lower-cased and sorted. */
    userEmails: string[];
}

/**
 * Declares the Identity Center users, groups, memberships, permission sets, policy attachments and account
 * assignments of `args`, each with `{ parent }` (so the parent's AWS provider is used, and the getInstances
 * lookup goes through it too). Validates first, like {@link validateIdentityCenterArgs}.
 *
 * Resource names derive from `name` and the email, group, permission-set and account names, never from list
 * positions: `<name>-user-<email lower-cased>`, `<name>-group-<group>`, `<name>-member-<group>-<email>`,
 * `<name>-permission-set-<set>`, `<name>-managed-policy-<set>-<policy name>`, `<name>-inline-policy-<set>`,
 * `<name>-assignment-<set>-<account>-<user|group>-<email|group>`. Resources are declared in sorted order, so the
 * registration sequence is the same whatever the order of the lists.
 *
 * If the instance lookup fails (no instance, several instances, or a given id that matches none), the Outputs
 * reject with a `pulumi.ResourceError` on `parent` that lists the instances found.
 */
export function declareIdentityCenter(name: string, args: IdentityCenterArgs, parent: pulumi.Resource): IdentityCenterResources {
    const plan = planIdentityCenter(args, "identityCenter");
    return declarePlannedIdentityCenter(name, plan, locateInstance(args, parent, "identityCenter"), parent);
}

/** The instance a plan is declared in: its ARN and identity store id, given or looked up. */
export interface IdentityCenterInstance {
    instanceArn: pulumi.Output<string>;
    identityStoreId: pulumi.Output<string>;
}

/**
 * Declares an already validated plan (see {@link planIdentityCenter}) in `instance`; what
 * {@link declareIdentityCenter} does after validating, and what the component calls with the plan it built once.
 */
export function declarePlannedIdentityCenter(
    name: string,
    plan: IdentityCenterPlan,
    instance: IdentityCenterInstance,
    parent: pulumi.Resource,
): IdentityCenterResources {
    const directory = declareDirectory(name, plan, instance.identityStoreId, parent);
    const permissionSets = declarePermissionSets(name, plan, instance.instanceArn, parent);
    // With SCIM the plan has no users or groups; the principals the assignments name are looked up instead.
    const scim = plan.scimLookups && lookupScimPrincipals(plan.scimLookups, instance.identityStoreId, parent);
    const assignments = declareAssignments(name, plan, instance.instanceArn, { ...directory, permissionSets, scim }, parent);
    const policies = declarePolicies(name, plan, instance.instanceArn, permissionSets, assignments, parent);
    return {
        ...instance,
        users: Object.fromEntries(directory.users),
        groups: Object.fromEntries(directory.groups),
        permissionSets: Object.fromEntries(permissionSets),
        assignments,
        groupMemberships: directory.groupMemberships,
        ...policies,
        userEmails: plan.users.map((u) => u.key),
    };
}

interface Directory {
    users: Map<string, aws.identitystore.User>;
    groups: Map<string, aws.identitystore.Group>;
    groupMemberships: aws.identitystore.GroupMembership[];
}

function declareDirectory(
    name: string,
    plan: IdentityCenterPlan,
    identityStoreId: pulumi.Output<string>,
    parent: pulumi.Resource,
): Directory {
    const opts: pulumi.CustomResourceOptions = { parent };
    const users = new Map<string, aws.identitystore.User>();
    for (const u of plan.users) {
        users.set(
            u.key,
            new aws.identitystore.User(
                `${name}-${u.suffix}`,
                {
                    identityStoreId,
                    userName: u.email,
                    displayName: u.displayName,
                    name: { givenName: u.givenName, familyName: u.familyName },
                    emails: { value: u.email, primary: true, type: "work" },
                },
                // User names are unique regardless of case; if a change of case in the email makes the provider
                // replace the user, the new one can only be created after the old one is gone.
                { ...opts, deleteBeforeReplace: true },
            ),
        );
    }
    const groups = new Map<string, aws.identitystore.Group>();
    for (const g of plan.groups) {
        const description = g.description !== undefined ? { description: g.description } : {};
        groups.set(
            g.name,
            new aws.identitystore.Group(`${name}-${g.suffix}`, { identityStoreId, displayName: g.name, ...description }, opts),
        );
    }
    const groupMemberships = plan.memberships.map(
        (m) =>
            new aws.identitystore.GroupMembership(
                `${name}-${m.suffix}`,
                { identityStoreId, groupId: groups.get(m.group)!.groupId, memberId: users.get(m.user)!.userId },
                opts,
            ),
    );
    return { users, groups, groupMemberships };
}

function declarePermissionSets(
    name: string,
    plan: IdentityCenterPlan,
    instanceArn: pulumi.Output<string>,
    parent: pulumi.Resource,
): Map<string, aws.ssoadmin.PermissionSet> {
    const permissionSets = new Map<string, aws.ssoadmin.PermissionSet>();
    for (const p of plan.permissionSets) {
        permissionSets.set(
            p.name,
            new aws.ssoadmin.PermissionSet(
                `${name}-${p.suffix}`,
                {
                    instanceArn,
                    name: p.name,
                    ...(p.description !== undefined ? { description: p.description } : {}),
                    ...(p.sessionDuration !== undefined ? { sessionDuration: p.sessionDuration } : {}),
                    ...(p.relayState !== undefined ? { relayState: p.relayState } : {}),
                },
                { parent },
            ),
        );
    }
    return permissionSets;
}

function declareAssignments(
    name: string,
    plan: IdentityCenterPlan,
    instanceArn: pulumi.Output<string>,
    targets: Directory & { permissionSets: Map<string, aws.ssoadmin.PermissionSet>; scim?: ScimPrincipalIds },
    parent: pulumi.Resource,
): aws.ssoadmin.AccountAssignment[] {
    return plan.assignments.map(
        (a) =>
            new aws.ssoadmin.AccountAssignment(
                `${name}-${a.suffix}`,
                {
                    instanceArn,
                    permissionSetArn: targets.permissionSets.get(a.permissionSet)!.arn,
                    principalType: a.principalType,
                    principalId: principalIdOf(a, targets),
                    targetType: "AWS_ACCOUNT",
                    targetId: a.accountId,
                },
                { parent },
            ),
    );
}

function principalIdOf(
    a: IdentityCenterPlan["assignments"][number],
    targets: Directory & { scim?: ScimPrincipalIds },
): pulumi.Output<string> {
    if (targets.scim) {
        return a.principalType === "USER" ? targets.scim.users.get(a.principal)! : targets.scim.groups.get(a.principal)!;
    }
    return a.principalType === "USER" ? targets.users.get(a.principal)!.userId : targets.groups.get(a.principal)!.groupId;
}

function declarePolicies(
    name: string,
    plan: IdentityCenterPlan,
    instanceArn: pulumi.Output<string>,
    permissionSets: Map<string, aws.ssoadmin.PermissionSet>,
    assignments: aws.ssoadmin.AccountAssignment[],
    parent: pulumi.Resource,
): Pick<IdentityCenterResources, "managedPolicyAttachments" | "inlinePolicies"> {
    // Attaching or detaching a policy re-provisions the permission set into every assigned account. The AWS
    // provider's documentation asks for an explicit dependency on the assignments so that on destroy the policies
    // go first and the re-provisioning does not race the removal of the assignments.
    const bySet = new Map<string, aws.ssoadmin.AccountAssignment[]>();
    for (const [i, assignment] of assignments.entries()) {
        const set = plan.assignments[i].permissionSet;
        const ofSet = bySet.get(set);
        if (ofSet) ofSet.push(assignment);
        else bySet.set(set, [assignment]);
    }
    const policyOpts = (set: string): pulumi.CustomResourceOptions => ({ parent, dependsOn: bySet.get(set) ?? [] });
    const managedPolicyAttachments = plan.managedPolicies.map(
        (m) =>
            new aws.ssoadmin.ManagedPolicyAttachment(
                `${name}-${m.suffix}`,
                { instanceArn, permissionSetArn: permissionSets.get(m.permissionSet)!.arn, managedPolicyArn: m.arn },
                policyOpts(m.permissionSet),
            ),
    );
    const inlinePolicies = plan.inlinePolicies.map(
        (p) =>
            new aws.ssoadmin.PermissionSetInlinePolicy(
                `${name}-${p.suffix}`,
                { instanceArn, permissionSetArn: permissionSets.get(p.permissionSet)!.arn, inlinePolicy: p.policy },
                policyOpts(p.permissionSet),
            ),
    );
    return { managedPolicyAttachments, inlinePolicies };
}
// ---------------------------------------------------------------------------------------------------------------
// The Identity Center instance.

interface Instance {
    arn: string;
    identityStoreId: string;
}

/**
 * The Identity Center instance `args` names, looked up with `aws.ssoadmin.getInstances` (through `parent`, so its
 * AWS provider is used) unless both ids are given. The Outputs reject with a `pulumi.ResourceError` on `parent`
 * listing the instances found when there is none, several, or none that matches a given id.
 */
export function locateInstance(
    args: IdentityCenterArgs,
    parent: pulumi.Resource,
    field = "identityCenter",
): { instanceArn: pulumi.Output<string>; identityStoreId: pulumi.Output<string> } {
    if (args.instanceArn !== undefined && args.identityStoreId !== undefined) {
        return { instanceArn: pulumi.output(args.instanceArn), identityStoreId: pulumi.output(args.identityStoreId) };
    }
    // Through the parent, so a component given an explicit AWS provider (another region or account) looks up the
    // instance where its resources will be created.
    const found = pulumi
        .all([aws.ssoadmin.getInstancesOutput({}, { parent }), args.instanceArn, args.identityStoreId])
        .apply(([result, arn, storeId]) => pickInstance(result.arns ?? [], result.identityStoreIds ?? [], arn, storeId, parent, field));
    return { instanceArn: found.apply((i) => i.arn), identityStoreId: found.apply((i) => i.identityStoreId) };
}

// getInstances returns two parallel lists (one entry per instance, in the same order).
function pickInstance(
    arns: string[],
    storeIds: string[],
    arn: string | undefined,
    storeId: string | undefined,
    parent: pulumi.Resource,
    field: string,
): Instance {
    const instances: Instance[] = arns.map((a, i) => ({ arn: a, identityStoreId: storeIds[i] ?? "" }));
    const listed =
        instances.length === 0
            ? "none"
            : quoteList(
                  instances.map((i) => `${excerptText(i.arn)} (identity store ${excerptText(i.identityStoreId)})`),
                  5,
                  String,
              );
    const fail = (path: string, message: string): never => {
        throw new pulumi.ResourceError(`${path}: ${message}`, parent);
    };
    if (arn !== undefined) {
        return (
            instances.find((i) => i.arn === arn) ??
            fail(
                `${field}.instanceArn`,
                `${quoteText(arn)} is not an IAM Identity Center instance of the AWS account and region the provider uses (found: ${listed}); check the ARN and the provider's region, or pass identityStoreId as well.`,
            )
        );
    }
    if (storeId !== undefined) {
        return (
            instances.find((i) => i.identityStoreId === storeId) ??
            fail(
                `${field}.identityStoreId`,
                `${quoteText(storeId)} is not the identity store of an IAM Identity Center instance of the AWS account and region the provider uses (found: ${listed}); check the id and the provider's region, or pass instanceArn as well.`,
            )
        );
    }
    if (instances.length === 1) return instances[0];
    if (instances.length === 0) {
        return fail(
            field,
            "found no IAM Identity Center instance in the AWS account and region the provider uses. Enable IAM Identity Center there (or point the AWS provider at its region), or pass instanceArn and identityStoreId.",
        );
    }
    return fail(
        field,
        `found ${instances.length} IAM Identity Center instances, so which one to manage is ambiguous: ${listed}. Pass instanceArn and identityStoreId of the one to manage.`,
    );
}
