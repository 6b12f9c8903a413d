// The AWS side of the sign-in: IAM Identity Center users (username = email, because the SAML NameID Cloudflare
// sends is the email), groups, permission sets and account assignments, declared from plain lists.
//
// Two rules shape everything here:
// - Names and order never depend on list positions. Every resource name is derived from an email, a group name, a
//   permission-set name or an account id, and everything is declared in sorted order, so reordering a list in
//   config is neither a diff nor a different registration sequence (REFERENCE.md §4, `--expect-no-changes`).
// - All plain values are validated before the first resource exists, with a message that names the exact path
//   (`identityCenter.users[3].email`) and the fix; nothing half-applies.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentError } from "./invalidArgumentError";

/**
 * A person who may sign in to AWS through Cloudflare Access.
 *
 * The Identity Center username is the email exactly as written here, because the SAML NameID Cloudflare sends is
 * the email (Name ID format = Email). Emails are compared case-insensitively everywhere (Identity Center user
 * names are unique regardless of case), so changing only the case of an email updates the user in place.
 */
export interface IdentityCenterUser {
    /** The email address: the Identity Center username, the primary work email, and the SAML NameID. At most 128 characters. */
    email: string;
    /** Given (first) name. Required by Identity Center. */
    givenName: string;
    /** Family (last) name. Required by Identity Center. */
    familyName: string;
    /** Name shown in the AWS access portal. Default: `"<givenName> <familyName>"`. */
    displayName?: string;
}

/** An Identity Center group, with the declared users who belong to it. */
export interface IdentityCenterGroup {
    /** The group's display name; unique among the groups (compared case-insensitively). */
    name: string;
    /** A free-text description shown in the Identity Center console. */
    description?: string;
    /** Emails of members; each must be one of {@link IdentityCenterArgs.users} (compared case-insensitively). */
    members?: string[];
}

/** A permission set: the IAM role Identity Center provisions into each account it is assigned to. */
export interface IdentityCenterPermissionSet {
    /** The permission-set name: 1-32 characters from letters, digits and `+=,.@_-` (AWS's rule); unique (case-insensitively). */
    name: string;
    /** A free-text description shown in the Identity Center console. */
    description?: string;
    /**
     * How long a console or CLI session lasts, ISO 8601, from `PT1H` to `PT12H` inclusive (AWS's range), written with
     * whole hours, minutes or seconds: `PT8H`, `PT90M`, `PT1H30M`. Fractions (`PT0.5H`, `PT1.5H`) are rejected:
     * AWS's API does not accept them in hours or minutes, so write `PT1H30M` instead. Default (AWS): `PT1H`.
     */
    sessionDuration?: string;
    /**
     * AWS managed policies to attach, e.g. `arn:aws:iam::aws:policy/ReadOnlyAccess` (any partition). Customer managed
     * policy ARNs (`arn:aws:iam::123456789012:policy/...`) are rejected: Identity Center attaches only AWS managed
     * policies by ARN; put your own statements in {@link inlinePolicy} instead.
     */
    managedPolicyArns?: string[];
    /**
     * An IAM policy document as JSON text (a JSON object), e.g. `JSON.stringify({ Version: "2012-10-17", Statement: [...] })`.
     * It is re-serialized without whitespace, so formatting changes alone are not a diff.
     */
    inlinePolicy?: string;
    /** The URL the AWS console opens after sign-in (the relay state), e.g. `https://console.aws.amazon.com/ec2/home`. */
    relayState?: string;
}

/**
 * Grants a permission set on some AWS accounts to some groups and/or users. Every combination
 * (account x principal) becomes one `aws.ssoadmin.AccountAssignment`; the same combination may appear only once.
 */
export interface IdentityCenterAssignment {
    /** The name of one of {@link IdentityCenterArgs.permissionSets}. */
    permissionSet: string;
    /**
     * AWS account ids, each exactly 12 digits, written as strings so leading zeros are kept (`"012345678901"`).
     * At least one.
     */
    accountIds: string[];
    /** Names of {@link IdentityCenterArgs.groups} to grant the permission set to. */
    groups?: string[];
    /** Emails of {@link IdentityCenterArgs.users} to grant the permission set to (compared case-insensitively). */
    users?: string[];
}

/**
 * What to manage in IAM Identity Center. Everything listed here is created and owned by this stack; anything else
 * in the instance is left alone.
 */
export interface IdentityCenterArgs {
    /**
     * The Identity Center instance ARN (`arn:aws:sso:::instance/ssoins-...`, IAM Identity Center > Settings).
     * When this or {@link identityStoreId} is omitted, both are looked up with `aws.ssoadmin.getInstances` through the
     * parent's AWS provider: the given one must then match an instance, and when neither is given exactly one
     * instance must exist (otherwise the deployment fails, listing the instances found).
     */
    instanceArn?: pulumi.Input<string>;
    /** The identity store id (`d-xxxxxxxxxx`, IAM Identity Center > Settings). Looked up like {@link instanceArn}. */
    identityStoreId?: pulumi.Input<string>;
    /**
     * The people who may sign in. May be empty only if no group member or assignment names a user; the Cloudflare
     * Access policy then needs its own rules.
     */
    users: IdentityCenterUser[];
    /** Groups and their members. */
    groups?: IdentityCenterGroup[];
    /** Permission sets. */
    permissionSets?: IdentityCenterPermissionSet[];
    /** Who gets which permission set on which accounts. */
    assignments?: IdentityCenterAssignment[];
}

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
 * People allowed on one side only, lower-cased and sorted.
 */
export interface AccessMismatches {
    /**
     * Emails listed in the Access policy (`access.emails`) without an Identity Center user: they pass Cloudflare but
     * AWS rejects the sign-in. Email domains and Access groups cannot be enumerated, so they never appear here.
     */
    cloudflareOnly: string[];
    /**
     * Identity Center users whose email is neither listed in `access.emails` nor in one of `access.emailDomains`
     * (exact domain; Cloudflare's email-domain rule does not match subdomains): Cloudflare will not let them in.
     * Always empty when `access.groupIds` is non-empty, because Access group membership cannot be known here and
     * reporting every user would be noise.
     */
    awsOnly: string[];
}

/**
 * Validates the plain values of {@link IdentityCenterArgs} (Outputs are not inspected). Throws an
 * {@link InvalidArgumentError} whose message starts with the exact path, e.g. `identityCenter.users[3].email`,
 * and says how to fix it.
 *
 * @param field The path of `args` in the caller's arguments. Default `"identityCenter"`.
 */
export function validateIdentityCenterArgs(args: IdentityCenterArgs, field = "identityCenter"): void {
    planIdentityCenter(args, field);
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
    const { instanceArn, identityStoreId } = locateInstance(args, parent, "identityCenter");
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
        groups.set(
            g.name,
            new aws.identitystore.Group(
                `${name}-${g.suffix}`,
                { identityStoreId, displayName: g.name, ...(g.description !== undefined ? { description: g.description } : {}) },
                opts,
            ),
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
                opts,
            ),
        );
    }

    const assignmentsBySet = new Map<string, aws.ssoadmin.AccountAssignment[]>();
    const assignments = plan.assignments.map((a) => {
        const assignment = new aws.ssoadmin.AccountAssignment(
            `${name}-${a.suffix}`,
            {
                instanceArn,
                permissionSetArn: permissionSets.get(a.permissionSet)!.arn,
                principalType: a.principalType,
                principalId: a.principalType === "USER" ? users.get(a.principal)!.userId : groups.get(a.principal)!.groupId,
                targetType: "AWS_ACCOUNT",
                targetId: a.accountId,
            },
            opts,
        );
        const ofSet = assignmentsBySet.get(a.permissionSet);
        if (ofSet) ofSet.push(assignment);
        else assignmentsBySet.set(a.permissionSet, [assignment]);
        return assignment;
    });

    // Attaching or detaching a policy re-provisions the permission set into every assigned account. The AWS
    // provider's documentation asks for an explicit dependency on the assignments so that on destroy the policies
    // go first and the re-provisioning does not race the removal of the assignments.
    const policyOpts = (set: string): pulumi.CustomResourceOptions => ({ ...opts, dependsOn: assignmentsBySet.get(set) ?? [] });
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

    return {
        instanceArn,
        identityStoreId,
        users: Object.fromEntries(users),
        groups: Object.fromEntries(groups),
        permissionSets: Object.fromEntries(permissionSets),
        assignments,
        groupMemberships,
        managedPolicyAttachments,
        inlinePolicies,
        userEmails: plan.users.map((u) => u.key),
    };
}

/**
 * Compares who the Cloudflare Access policy lets through with who has an Identity Center user. Everything is
 * compared case-insensitively and returned lower-cased and sorted.
 *
 * A user is covered when their email is in `access.emails` or the part after `@` equals one of
 * `access.emailDomains` exactly (Cloudflare's email-domain rule does not match subdomains). When `access.groupIds`
 * is non-empty, uncovered users are not reported in `awsOnly`: an Access group may well contain them, and its
 * membership cannot be known at deployment time.
 *
 * @param access The Access rules: `emails`, `emailDomains`, `groupIds`.
 * @param userEmails The Identity Center users' emails (any case).
 */
export function compareAccessWithIdentityCenter(
    access: { emails?: string[]; emailDomains?: string[]; groupIds?: string[] },
    userEmails: string[],
): AccessMismatches {
    const allowed = new Set((access.emails ?? []).map((e) => e.toLowerCase()));
    const domains = new Set((access.emailDomains ?? []).map((d) => d.toLowerCase()));
    const users = new Set(userEmails.map((e) => e.toLowerCase()));
    const cloudflareOnly = [...allowed].filter((e) => !users.has(e));
    const groupsMayCover = (access.groupIds ?? []).length > 0;
    const awsOnly = groupsMayCover
        ? []
        : [...users].filter((e) => !allowed.has(e) && !domains.has(e.slice(e.lastIndexOf("@") + 1)));
    return { cloudflareOnly: cloudflareOnly.sort(compareCodeUnits), awsOnly: awsOnly.sort(compareCodeUnits) };
}

// ---------------------------------------------------------------------------------------------------------------
// Validation and the plan: the sorted, normalised list of everything to declare.

interface PlannedUser {
    key: string;
    suffix: string;
    email: string;
    givenName: string;
    familyName: string;
    displayName: string;
}

interface PlannedGroup {
    name: string;
    suffix: string;
    description?: string;
}

interface PlannedMembership {
    suffix: string;
    group: string;
    user: string;
}

interface PlannedPermissionSet {
    name: string;
    suffix: string;
    description?: string;
    sessionDuration?: string;
    relayState?: string;
    managedPolicies: PlannedManagedPolicy[];
    inlinePolicy?: PlannedInlinePolicy;
}

interface PlannedManagedPolicy {
    suffix: string;
    permissionSet: string;
    arn: string;
}

interface PlannedInlinePolicy {
    suffix: string;
    permissionSet: string;
    /** The JSON text, re-serialized without whitespace. */
    policy: string;
}

interface PlannedAssignment {
    suffix: string;
    permissionSet: string;
    accountId: string;
    principalType: "USER" | "GROUP";
    principal: string;
}

interface Plan {
    users: PlannedUser[];
    groups: PlannedGroup[];
    memberships: PlannedMembership[];
    permissionSets: PlannedPermissionSet[];
    managedPolicies: PlannedManagedPolicy[];
    inlinePolicies: PlannedInlinePolicy[];
    assignments: PlannedAssignment[];
}

// Same rule as the Access emails (validateArgs.ts), so an address accepted on one side is accepted on the other.
const EMAIL = /^[^\s@<>()",;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
// The identity store limits user names to 128 characters (aws.identitystore.User.userName).
const MAX_USER_NAME = 128;
// AWS's pattern for permission-set names (CreatePermissionSet).
const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;
const POLICY_ARN = /^arn:aws[-a-z]*:iam::(aws|\d{12}):policy\/(?:.*\/)?([^/]+)$/;
const INSTANCE_ARN = /^arn:aws[-a-z]*:sso:::instance\/(?:sso)?ins-[A-Za-z0-9.-]+$/;
const ACCOUNT_ID = /^\d{12}$/;
const MIN_SESSION_SECONDS = 3600;
const MAX_SESSION_SECONDS = 12 * 3600;

function planIdentityCenter(args: IdentityCenterArgs, field: string): Plan {
    if (!isObject(args)) {
        throw new InvalidArgumentError(field, "must be an object with at least `users` (a list, possibly empty).");
    }
    checkInstanceIds(args, field);
    const users = planUsers(args.users, `${field}.users`);
    const userList = `${field}.users`;
    const groups = planGroups(args.groups, `${field}.groups`, users, userList);
    const permissionSets = planPermissionSets(args.permissionSets, `${field}.permissionSets`);
    const assignments = planAssignments(args.assignments, field, users, groups.byName, permissionSets);
    const sets = [...permissionSets.values()];
    return {
        users: bySuffix([...users.values()]),
        groups: bySuffix([...groups.byName.values()]),
        memberships: bySuffix(groups.memberships),
        permissionSets: bySuffix(sets),
        managedPolicies: bySuffix(sets.flatMap((p) => p.managedPolicies)),
        inlinePolicies: bySuffix(sets.flatMap((p) => (p.inlinePolicy ? [p.inlinePolicy] : []))),
        assignments: bySuffix(assignments),
    };
}

function checkInstanceIds(args: IdentityCenterArgs, field: string): void {
    const arn = args.instanceArn;
    if (typeof arn === "string" && !INSTANCE_ARN.test(arn)) {
        const swapped = /^d-/.test(arn) ? " It looks like an identity store id: did you swap instanceArn and identityStoreId?" : "";
        throw new InvalidArgumentError(
            `${field}.instanceArn`,
            `"${arn}" is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-...).${swapped} Copy it from IAM Identity Center > Settings, or omit it (with identityStoreId) to look it up.`,
        );
    }
    const store = args.identityStoreId;
    if (typeof store === "string" && (store.trim() === "" || store.startsWith("arn:"))) {
        throw new InvalidArgumentError(
            `${field}.identityStoreId`,
            `${store.trim() === "" ? "is empty" : `"${store}" is an ARN`}; give the identity store id (d-xxxxxxxxxx) shown in IAM Identity Center > Settings, or omit it (with instanceArn) to look it up.`,
        );
    }
}

function planUsers(list: unknown, field: string): Map<string, PlannedUser & { index: number }> {
    const users = new Map<string, PlannedUser & { index: number }>();
    if (!Array.isArray(list)) {
        throw new InvalidArgumentError(field, "must be a list of { email, givenName, familyName } (it may be empty).");
    }
    list.forEach((u: unknown, i) => {
        const at = `${field}[${i}]`;
        if (!isObject(u)) throw new InvalidArgumentError(at, "must be an object { email, givenName, familyName }.");
        const email = u.email;
        if (typeof email !== "string" || email.trim() === "") {
            throw new InvalidArgumentError(`${at}.email`, "is required: the email address is the Identity Center username, e.g. ada@example.com.");
        }
        if (!EMAIL.test(email)) {
            throw new InvalidArgumentError(`${at}.email`, `"${email}" is not a valid email address; write it as name@example.com.`);
        }
        if (email.length > MAX_USER_NAME) {
            throw new InvalidArgumentError(`${at}.email`, `is ${email.length} characters long; Identity Center usernames (the email) are limited to ${MAX_USER_NAME}.`);
        }
        const key = email.toLowerCase();
        const first = users.get(key);
        if (first) {
            throw new InvalidArgumentError(
                `${at}.email`,
                `"${email}" duplicates ${field}[${first.index}].email ("${first.email}"); Identity Center usernames are unique regardless of case, so keep one of the two entries.`,
            );
        }
        const givenName = requiredText(u.givenName, `${at}.givenName`, "a given (first) name");
        const familyName = requiredText(u.familyName, `${at}.familyName`, "a family (last) name");
        let displayName = `${givenName} ${familyName}`;
        if (u.displayName !== undefined) {
            if (typeof u.displayName !== "string" || u.displayName.trim() === "") {
                throw new InvalidArgumentError(`${at}.displayName`, `is empty; omit it to use "${displayName}".`);
            }
            displayName = u.displayName;
        }
        users.set(key, { key, suffix: `user-${key}`, email, givenName, familyName, displayName, index: i });
    });
    return users;
}

function planGroups(
    list: unknown,
    field: string,
    users: Map<string, PlannedUser>,
    userList: string,
): { byName: Map<string, PlannedGroup & { index: number }>; memberships: PlannedMembership[] } {
    const byName = new Map<string, PlannedGroup & { index: number }>();
    const byFolded = new Map<string, { name: string; index: number }>();
    const memberships: PlannedMembership[] = [];
    const names = new NameRegistry();
    for (const [g, i] of listOf(list, field, "{ name, members }")) {
        const at = `${field}[${i}]`;
        if (typeof g.name !== "string" || g.name.trim() === "") {
            throw new InvalidArgumentError(`${at}.name`, "is required: give the group a name, e.g. \"Administrators\".");
        }
        const name = g.name;
        const first = byFolded.get(name.toLowerCase());
        if (first) {
            throw new InvalidArgumentError(
                `${at}.name`,
                `"${name}" duplicates ${field}[${first.index}].name ("${first.name}"); group names must be unique (compared case-insensitively), so rename or merge them.`,
            );
        }
        byFolded.set(name.toLowerCase(), { name, index: i });
        if (g.description !== undefined && typeof g.description !== "string") {
            throw new InvalidArgumentError(`${at}.description`, "must be a string.");
        }
        byName.set(name, { name, suffix: `group-${name}`, index: i, ...(g.description !== undefined ? { description: g.description } : {}) });

        const seen = new Map<string, number>();
        for (const [member, j] of stringList(g.members, `${at}.members`, "emails of identityCenter.users")) {
            const mat = `${at}.members[${j}]`;
            const key = declaredUser(member, mat, users, userList, "the group");
            const dup = seen.get(key);
            if (dup !== undefined) {
                throw new InvalidArgumentError(mat, `"${member}" is already listed as ${at}.members[${dup}] (compared case-insensitively); remove one of them.`);
            }
            seen.set(key, j);
            const suffix = `member-${name}-${key}`;
            names.claim(suffix, mat);
            memberships.push({ suffix, group: name, user: key });
        }
    }
    return { byName, memberships };
}

function planPermissionSets(list: unknown, field: string): Map<string, PlannedPermissionSet & { index: number }> {
    const sets = new Map<string, PlannedPermissionSet & { index: number }>();
    const byFolded = new Map<string, { name: string; index: number }>();
    const names = new NameRegistry();
    for (const [p, i] of listOf(list, field, "{ name, managedPolicyArns, inlinePolicy }")) {
        const at = `${field}[${i}]`;
        const name = p.name;
        if (typeof name !== "string" || !PERMISSION_SET_NAME.test(name)) {
            throw new InvalidArgumentError(
                `${at}.name`,
                `${typeof name === "string" ? `"${name}"` : "the value"} is not a valid permission set name: AWS allows 1 to 32 characters from letters, digits and + = , . @ _ - (no spaces), e.g. "ReadOnly".`,
            );
        }
        const first = byFolded.get(name.toLowerCase());
        if (first) {
            throw new InvalidArgumentError(
                `${at}.name`,
                `"${name}" duplicates ${field}[${first.index}].name ("${first.name}"); permission set names must be unique (compared case-insensitively), so rename or merge them.`,
            );
        }
        byFolded.set(name.toLowerCase(), { name, index: i });
        for (const key of ["description", "relayState"] as const) {
            const text = p[key];
            if (text !== undefined && (typeof text !== "string" || text.trim() === "")) {
                throw new InvalidArgumentError(`${at}.${key}`, "must be a non-empty string; give a value or omit it.");
            }
        }
        const sessionDuration = p.sessionDuration === undefined ? undefined : checkSessionDuration(p.sessionDuration, `${at}.sessionDuration`);

        const managedPolicies: PlannedManagedPolicy[] = [];
        const seenArns = new Map<string, number>();
        for (const [arn, k] of stringList(p.managedPolicyArns, `${at}.managedPolicyArns`, "AWS managed policy ARNs")) {
            const kat = `${at}.managedPolicyArns[${k}]`;
            const policyName = checkManagedPolicyArn(arn, kat);
            const dup = seenArns.get(arn);
            if (dup !== undefined) {
                throw new InvalidArgumentError(kat, `"${arn}" is already listed as ${at}.managedPolicyArns[${dup}]; remove one of them.`);
            }
            seenArns.set(arn, k);
            const suffix = `managed-policy-${name}-${policyName}`;
            names.claim(suffix, kat);
            managedPolicies.push({ suffix, permissionSet: name, arn });
        }

        const inlinePolicy =
            p.inlinePolicy === undefined
                ? undefined
                : { suffix: `inline-policy-${name}`, permissionSet: name, policy: normalizePolicyJson(p.inlinePolicy, `${at}.inlinePolicy`) };
        sets.set(name, {
            name,
            suffix: `permission-set-${name}`,
            index: i,
            managedPolicies,
            ...(p.description !== undefined ? { description: p.description as string } : {}),
            ...(sessionDuration !== undefined ? { sessionDuration } : {}),
            ...(p.relayState !== undefined ? { relayState: p.relayState as string } : {}),
            ...(inlinePolicy !== undefined ? { inlinePolicy } : {}),
        });
    }
    return sets;
}

function planAssignments(
    list: unknown,
    base: string,
    users: Map<string, PlannedUser>,
    groups: Map<string, PlannedGroup>,
    permissionSets: Map<string, PlannedPermissionSet>,
): PlannedAssignment[] {
    const field = `${base}.assignments`;
    const planned: PlannedAssignment[] = [];
    const byTuple = new Map<string, number>();
    const names = new NameRegistry();
    for (const [a, i] of listOf(list, field, "{ permissionSet, accountIds, groups, users }")) {
        const at = `${field}[${i}]`;
        const setName = a.permissionSet;
        if (typeof setName !== "string" || !permissionSets.has(setName)) {
            const declared = [...permissionSets.keys()];
            const hint = typeof setName === "string" ? caseHint(setName, declared) : "";
            throw new InvalidArgumentError(
                `${at}.permissionSet`,
                `${typeof setName === "string" ? `"${setName}"` : "the value"} is not one of ${base}.permissionSets (${quoteList(declared)}).${hint} Declare it there or fix the name.`,
            );
        }
        const accounts = [...stringList(a.accountIds, `${at}.accountIds`, "12-digit AWS account ids", true)];
        if (accounts.length === 0) {
            throw new InvalidArgumentError(`${at}.accountIds`, "lists no AWS accounts; give at least one 12-digit account id, e.g. \"012345678901\".");
        }
        const seenAccounts = new Map<string, number>();
        for (const [id, k] of accounts) {
            const kat = `${at}.accountIds[${k}]`;
            if (!ACCOUNT_ID.test(id)) {
                throw new InvalidArgumentError(kat, `"${id}" is not an AWS account id: expected exactly 12 digits, written as a string with any leading zeros kept, e.g. "012345678901".`);
            }
            const dup = seenAccounts.get(id);
            if (dup !== undefined) throw new InvalidArgumentError(kat, `"${id}" is already listed as ${at}.accountIds[${dup}]; remove one of them.`);
            seenAccounts.set(id, k);
        }

        const principals: { type: "USER" | "GROUP"; principal: string; label: string; path: string }[] = [];
        const seenGroups = new Map<string, number>();
        for (const [group, k] of stringList(a.groups, `${at}.groups`, `names of ${base}.groups`)) {
            const kat = `${at}.groups[${k}]`;
            if (!groups.has(group)) {
                const declared = [...groups.keys()];
                throw new InvalidArgumentError(
                    kat,
                    `"${group}" is not one of ${base}.groups (${quoteList(declared)}).${caseHint(group, declared)} Declare the group or fix the name.`,
                );
            }
            const dup = seenGroups.get(group);
            if (dup !== undefined) throw new InvalidArgumentError(kat, `"${group}" is already listed as ${at}.groups[${dup}]; remove one of them.`);
            seenGroups.set(group, k);
            principals.push({ type: "GROUP", principal: group, label: `group "${group}"`, path: kat });
        }
        const seenUsers = new Map<string, number>();
        for (const [email, k] of stringList(a.users, `${at}.users`, `emails of ${base}.users`)) {
            const kat = `${at}.users[${k}]`;
            const key = declaredUser(email, kat, users, `${base}.users`, "the assignment");
            const dup = seenUsers.get(key);
            if (dup !== undefined) {
                throw new InvalidArgumentError(kat, `"${email}" is already listed as ${at}.users[${dup}] (compared case-insensitively); remove one of them.`);
            }
            seenUsers.set(key, k);
            principals.push({ type: "USER", principal: key, label: `user "${key}"`, path: kat });
        }
        if (principals.length === 0) {
            throw new InvalidArgumentError(
                at,
                `grants permission set "${setName}" to nobody; list at least one group (names from ${base}.groups) or user (emails from ${base}.users), or remove the assignment.`,
            );
        }

        for (const [accountId] of accounts) {
            for (const p of principals) {
                const tuple = `${setName}\n${accountId}\n${p.type}\n${p.principal}`;
                const first = byTuple.get(tuple);
                if (first !== undefined) {
                    throw new InvalidArgumentError(
                        at,
                        `assigns permission set "${setName}" on account ${accountId} to ${p.label} again (already in ${field}[${first}]); remove the duplicate from one of them.`,
                    );
                }
                byTuple.set(tuple, i);
                const suffix = `assignment-${setName}-${accountId}-${p.type === "USER" ? "user" : "group"}-${p.principal}`;
                names.claim(suffix, p.path);
                planned.push({ suffix, permissionSet: setName, accountId, principalType: p.type, principal: p.principal });
            }
        }
    }
    return planned;
}

function requiredText(value: unknown, field: string, what: string): string {
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(field, `is empty; Identity Center requires ${what} for every user.`);
    }
    return value;
}

function declaredUser(email: string, field: string, users: Map<string, PlannedUser>, userList: string, where: string): string {
    const key = email.toLowerCase();
    if (!users.has(key)) {
        const none = users.size === 0 ? ` (${userList} is empty)` : "";
        throw new InvalidArgumentError(field, `"${email}" is not one of ${userList}${none}; add a user with this email or remove it from ${where}.`);
    }
    return key;
}

// Accepts PT<h>H<m>M<s>S with whole numbers. AWS's own pattern allows a fraction only in seconds, and nobody means
// fractional seconds here, so a fraction anywhere is refused with the exact whole-minute rewrite when there is one.
function checkSessionDuration(value: unknown, field: string): string {
    const range = "IAM Identity Center sessions last from 1 to 12 hours (PT1H to PT12H)";
    if (typeof value !== "string") {
        throw new InvalidArgumentError(field, `must be an ISO 8601 duration string such as "PT8H"; ${range}.`);
    }
    const loose = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(value);
    if (!loose || value.length <= 2) {
        const hours = /^(\d+)\s*h(?:ours?)?$/i.exec(value);
        const minutes = /^(\d+)\s*m(?:in(?:utes?)?)?$/i.exec(value);
        const hint = hours ? ` Did you mean "PT${hours[1]}H"?` : minutes ? ` Did you mean "PT${minutes[1]}M"?` : "";
        throw new InvalidArgumentError(field, `"${value}" is not an ISO 8601 duration of the form PT<hours>H<minutes>M, e.g. "PT8H", "PT90M" or "PT1H30M"; ${range}.${hint}`);
    }
    const seconds = Math.round((Number(loose[1] ?? 0) * 3600 + Number(loose[2] ?? 0) * 60 + Number(loose[3] ?? 0)) * 1000) / 1000;
    if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
        throw new InvalidArgumentError(field, `"${value}" is ${describeSeconds(seconds)}; ${range}.`);
    }
    if (value.includes(".")) {
        const h = Math.floor(seconds / 3600);
        const m = (seconds % 3600) / 60;
        const rewrite = Number.isInteger(m) ? `write it as "PT${h}H${m > 0 ? `${m}M` : ""}"` : "use whole hours and minutes";
        throw new InvalidArgumentError(field, `"${value}" has a fraction, which AWS does not accept in hours or minutes; ${rewrite}.`);
    }
    if (value !== value.toUpperCase()) {
        throw new InvalidArgumentError(field, `"${value}" must be written in upper case, as AWS requires: "${value.toUpperCase()}".`);
    }
    return value;
}

function describeSeconds(seconds: number): string {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const parts = [h ? `${h} hour${h === 1 ? "" : "s"}` : "", m ? `${m} minute${m === 1 ? "" : "s"}` : "", s ? `${s} second${s === 1 ? "" : "s"}` : ""];
    return parts.filter(Boolean).join(" ") || "0 seconds";
}

function checkManagedPolicyArn(arn: string, field: string): string {
    const match = POLICY_ARN.exec(arn);
    if (!match) {
        const bare = /^[\w+=,.@-]+$/.test(arn) ? ` Did you mean "arn:aws:iam::aws:policy/${arn}"?` : "";
        throw new InvalidArgumentError(
            field,
            `"${arn}" is not an IAM managed policy ARN; write it as arn:aws:iam::aws:policy/<name>, e.g. arn:aws:iam::aws:policy/ReadOnlyAccess.${bare}`,
        );
    }
    if (match[1] !== "aws") {
        // AttachManagedPolicyToPermissionSet only takes arn:<partition>:iam::aws:policy/... (AWS's API pattern);
        // customer managed policies are referenced by name and path and must already exist in every target account.
        throw new InvalidArgumentError(
            field,
            `"${arn}" is a customer managed policy (account ${match[1]}); IAM Identity Center attaches only AWS managed policies by ARN. Put these statements in inlinePolicy, or use an arn:aws:iam::aws:policy/... ARN.`,
        );
    }
    return match[2];
}

function normalizePolicyJson(value: unknown, field: string): string {
    if (typeof value !== "string") {
        throw new InvalidArgumentError(field, "must be the policy document as JSON text, e.g. JSON.stringify({ Version: \"2012-10-17\", Statement: [...] }).");
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(value);
    } catch (err) {
        throw new InvalidArgumentError(
            field,
            `is not valid JSON (${(err as Error).message}); give the policy document as JSON text, e.g. JSON.stringify({ Version: "2012-10-17", Statement: [...] }).`,
        );
    }
    if (!isObject(parsed)) {
        const kind = parsed === null ? "null" : Array.isArray(parsed) ? "an array" : `a ${typeof parsed}`;
        throw new InvalidArgumentError(field, `is ${kind}, not a JSON object; an IAM policy document is an object { "Version": "2012-10-17", "Statement": [...] }.`);
    }
    return JSON.stringify(parsed);
}

/** Resource names are `<name>-<suffix>`; two entries whose suffixes coincide would collide as URNs. */
class NameRegistry {
    private readonly owners = new Map<string, string>();

    claim(suffix: string, path: string): void {
        const other = this.owners.get(suffix);
        if (other !== undefined) {
            throw new InvalidArgumentError(
                path,
                `would get the same resource name "<name>-${suffix}" as ${other} (names are joined with "-"); rename the group, permission set or policy so they differ.`,
            );
        }
        this.owners.set(suffix, path);
    }
}

function* listOf(list: unknown, field: string, shape: string): Generator<[Record<string, unknown>, number]> {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new InvalidArgumentError(field, `must be a list of ${shape}.`);
    for (let i = 0; i < list.length; i++) {
        const item: unknown = list[i];
        if (!isObject(item)) throw new InvalidArgumentError(`${field}[${i}]`, `must be an object ${shape}.`);
        yield [item, i];
    }
}

function* stringList(list: unknown, field: string, what: string, accountIds = false): Generator<[string, number]> {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new InvalidArgumentError(field, `must be a list of ${what}.`);
    for (let i = 0; i < list.length; i++) {
        const item: unknown = list[i];
        if (typeof item !== "string") {
            const number = accountIds && typeof item === "number"
                ? `is the number ${item}, not a string; write AWS account ids as 12-digit strings ("${String(item).padStart(12, "0")}"), because a number loses leading zeros.`
                : `must be a string (one of the ${what}).`;
            throw new InvalidArgumentError(`${field}[${i}]`, number);
        }
        yield [item, i];
    }
}

function caseHint(value: string, declared: string[]): string {
    const same = declared.find((d) => d.toLowerCase() === value.toLowerCase());
    return same !== undefined ? ` Names are case-sensitive: did you mean "${same}"?` : "";
}

function quoteList(values: string[]): string {
    if (values.length === 0) return "none declared";
    const shown = [...values].sort(compareCodeUnits).slice(0, 10).map((v) => `"${v}"`).join(", ");
    return values.length > 10 ? `${shown}, and ${values.length - 10} more` : shown;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function bySuffix<T extends { suffix: string }>(items: T[]): T[] {
    return [...items].sort((a, b) => compareCodeUnits(a.suffix, b.suffix));
}

// Code-unit order, not localeCompare: the order (and so the registration sequence) must not depend on the ICU
// data or locale of the machine running the preview.
function compareCodeUnits(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The Identity Center instance.

interface Instance {
    arn: string;
    identityStoreId: string;
}

function locateInstance(
    args: IdentityCenterArgs,
    parent: pulumi.Resource,
    field: string,
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
    const listed = instances.length === 0 ? "none" : instances.map((i) => `${i.arn} (identity store ${i.identityStoreId})`).join(", ");
    const fail = (path: string, message: string): never => {
        throw new pulumi.ResourceError(`${path}: ${message}`, parent);
    };
    if (arn !== undefined) {
        return instances.find((i) => i.arn === arn) ??
            fail(`${field}.instanceArn`, `"${arn}" is not an IAM Identity Center instance of the AWS account and region the provider uses (found: ${listed}); check the ARN and the provider's region, or pass identityStoreId as well.`);
    }
    if (storeId !== undefined) {
        return instances.find((i) => i.identityStoreId === storeId) ??
            fail(`${field}.identityStoreId`, `"${storeId}" is not the identity store of an IAM Identity Center instance of the AWS account and region the provider uses (found: ${listed}); check the id and the provider's region, or pass instanceArn as well.`);
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
