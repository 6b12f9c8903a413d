// Validation of the Identity Center arguments, and the plan: the sorted, normalised list of everything to declare.
// All plain values are validated before the first resource exists, with a message that names the exact path
// (`identityCenter.users[3].email`) and the fix; nothing half-applies.
import { ArgumentProblems, InvalidArgumentError } from "../invalidArgumentError";
import type { IdentityCenterArgs } from "./identityCenterArgs";
import { EMAIL_PATTERN, checkCleanText } from "../plan/validateArgs";
import { quoteText } from "../safeText";

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

// ---------------------------------------------------------------------------------------------------------------
// Validation and the plan: the sorted, normalised list of everything to declare.

export interface PlannedUser {
    key: string;
    suffix: string;
    email: string;
    givenName: string;
    familyName: string;
    displayName: string;
}

export interface PlannedGroup {
    name: string;
    suffix: string;
    description?: string;
}

export interface PlannedMembership {
    suffix: string;
    group: string;
    user: string;
}

export interface PlannedPermissionSet {
    name: string;
    suffix: string;
    description?: string;
    sessionDuration?: string;
    relayState?: string;
    managedPolicies: PlannedManagedPolicy[];
    inlinePolicy?: PlannedInlinePolicy;
}

export interface PlannedManagedPolicy {
    suffix: string;
    permissionSet: string;
    arn: string;
}

export interface PlannedInlinePolicy {
    suffix: string;
    permissionSet: string;
    /** The JSON text, re-serialized without whitespace. */
    policy: string;
}

export interface PlannedAssignment {
    suffix: string;
    permissionSet: string;
    accountId: string;
    principalType: "USER" | "GROUP";
    principal: string;
}

export interface IdentityCenterPlan {
    users: PlannedUser[];
    groups: PlannedGroup[];
    memberships: PlannedMembership[];
    permissionSets: PlannedPermissionSet[];
    managedPolicies: PlannedManagedPolicy[];
    inlinePolicies: PlannedInlinePolicy[];
    assignments: PlannedAssignment[];
    /** With `scim` only: the SCIM groups and users the assignments name, looked up in the identity store. */
    scimLookups?: PlannedScimLookups;
}

/** The SCIM principals the assignments name (users and groups this stack does not create). */
export interface PlannedScimLookups {
    /** Groups by display name, sorted; `path` is the first argument that names the group. */
    groups: { name: string; path: string }[];
    /** Users by lower-cased email (`key`), sorted; `userName` is the spelling looked up (the first one given). */
    users: { key: string; userName: string; path: string }[];
}

/** How the Identity Center part is planned. */
export interface IdentityCenterPlanOptions {
    /**
     * True when `scim` is given: users and groups are provisioned by SCIM, so `users` and `groups` are refused, and
     * assignments name SCIM groups (display name) and users (user name = email), to be looked up. Default false.
     */
    scim?: boolean;
}

// The identity store limits user names to 128 characters (aws.identitystore.User.userName).
const MAX_USER_NAME = 128;
// AWS's pattern for permission-set names (CreatePermissionSet).
const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;
const POLICY_ARN = /^arn:aws[-a-z]*:iam::(aws|\d{12}):policy\/(?:.*\/)?([^/]+)$/;
const INSTANCE_ARN = /^arn:aws[-a-z]*:sso:::instance\/(?:sso)?ins-[A-Za-z0-9.-]+$/;
const ACCOUNT_ID = /^\d{12}$/;
const MIN_SESSION_SECONDS = 3600;
const MAX_SESSION_SECONDS = 12 * 3600;

/**
 * Validates `args` and returns the sorted, normalised plan of everything to declare. Every independent part is
 * checked (instance ids, users, permission sets, then the groups and assignments that refer to them), so one error
 * lists every problem: an {@link InvalidArgumentError} for one, an {@link InvalidArgumentsError} for several.
 *
 * @param field The path of `args` in the caller's arguments, e.g. `"identityCenter"`.
 * @param options `scim: true` when users and groups come from SCIM (see {@link IdentityCenterPlanOptions}).
 */
export function planIdentityCenter(args: IdentityCenterArgs, field: string, options: IdentityCenterPlanOptions = {}): IdentityCenterPlan {
    if (options.scim) return planScimIdentityCenter(args, field);
    if (!isObject(args)) {
        throw new InvalidArgumentError(field, "must be an object with at least `users` (a list, possibly empty).");
    }
    const problems = new ArgumentProblems();
    problems.check(() => checkInstanceIds(args, field));
    const userList = `${field}.users`;
    const users = problems.check(() => planUsers(args.users, userList));
    const permissionSets = problems.check(() => planPermissionSets(args.permissionSets, `${field}.permissionSets`));
    // Groups name users, and assignments name all three: checked only against lists that are valid themselves.
    const groups = users && problems.check(() => planGroups(args.groups, `${field}.groups`, users, userList));
    const resolver = users && groups && declaredPrincipals(field, users, groups.byName);
    const assignments =
        resolver && permissionSets && problems.check(() => planAssignments(args.assignments, field, resolver, permissionSets));
    problems.throwIfAny();
    return {
        users: bySuffix([...users!.values()]),
        groups: bySuffix([...groups!.byName.values()]),
        memberships: bySuffix(groups!.memberships),
        ...permissionSetsPlan(permissionSets!),
        assignments: bySuffix(assignments!),
    };
}

// With SCIM: no users, groups or memberships; the assignments' principals are lookups.
function planScimIdentityCenter(args: IdentityCenterArgs, field: string): IdentityCenterPlan {
    if (!isObject(args)) {
        throw new InvalidArgumentError(
            field,
            "must be an object with permissionSets and assignments (with scim, users and groups come from SCIM).",
        );
    }
    const problems = new ArgumentProblems();
    problems.check(() => checkInstanceIds(args, field));
    for (const key of ["users", "groups"] as const) {
        const list: unknown = args[key];
        if (list === undefined || (Array.isArray(list) && list.length === 0)) continue;
        problems.add(
            new InvalidArgumentError(
                `${field}.${key}`,
                `cannot be combined with scim: Cloudflare provisions the IAM Identity Center ${key} from scim.sourceIdpId, and two writers of one directory overwrite each other. Remove ${field}.${key} and manage them in the identity provider (assignments still name SCIM groups by display name and users by email), or remove scim to manage them here.`,
            ),
        );
    }
    const permissionSets = problems.check(() => planPermissionSets(args.permissionSets, `${field}.permissionSets`));
    const lookups = new ScimPrincipals();
    const assignments = permissionSets && problems.check(() => planAssignments(args.assignments, field, lookups, permissionSets));
    problems.throwIfAny();
    return {
        users: [],
        groups: [],
        memberships: [],
        ...permissionSetsPlan(permissionSets!),
        assignments: bySuffix(assignments!),
        scimLookups: lookups.planned(),
    };
}

function permissionSetsPlan(
    permissionSets: Map<string, PlannedPermissionSet>,
): Pick<IdentityCenterPlan, "permissionSets" | "managedPolicies" | "inlinePolicies"> {
    const sets = [...permissionSets.values()];
    return {
        permissionSets: bySuffix(sets),
        managedPolicies: bySuffix(sets.flatMap((p) => p.managedPolicies)),
        inlinePolicies: bySuffix(sets.flatMap((p) => (p.inlinePolicy ? [p.inlinePolicy] : []))),
    };
}

/** Principals provisioned by SCIM: any group display name, any email; each is recorded for a lookup. */
class ScimPrincipals implements PrincipalResolver {
    readonly groupsWhat = "display names of SCIM groups";
    readonly usersWhat = "user names (emails) of SCIM users";
    readonly nobodyFix =
        "list at least one group (display names of groups SCIM provisions) or user (user names, i.e. emails, of SCIM users)";
    private readonly groups = new Map<string, string>();
    private readonly users = new Map<string, { userName: string; path: string }>();

    group(name: string, path: string): string {
        if (name.trim() === "") {
            throw new InvalidArgumentError(
                path,
                "is empty; give the display name of a group that SCIM provisions into IAM Identity Center.",
            );
        }
        if (!this.groups.has(name)) this.groups.set(name, path);
        return name;
    }

    user(email: string, path: string): string {
        if (!EMAIL_PATTERN.test(email) || email.length > MAX_USER_NAME) {
            throw new InvalidArgumentError(
                path,
                `${quoteText(email)} is not an email address; with scim, users are named by their IAM Identity Center user name, the email the identity provider sends (at most ${MAX_USER_NAME} characters).`,
            );
        }
        const key = email.toLowerCase();
        if (!this.users.has(key)) this.users.set(key, { userName: email, path });
        return key;
    }

    planned(): PlannedScimLookups {
        return {
            groups: [...this.groups].map(([name, path]) => ({ name, path })).sort((a, b) => compareCodeUnits(a.name, b.name)),
            users: [...this.users].map(([key, u]) => ({ key, ...u })).sort((a, b) => compareCodeUnits(a.key, b.key)),
        };
    }
}

function checkInstanceIds(args: IdentityCenterArgs, field: string): void {
    const arn = args.instanceArn;
    if (typeof arn === "string" && !INSTANCE_ARN.test(arn)) {
        const swapped = /^d-/.test(arn) ? " It looks like an identity store id: did you swap instanceArn and identityStoreId?" : "";
        throw new InvalidArgumentError(
            `${field}.instanceArn`,
            `${quoteText(arn)} is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-...).${swapped} Copy it from IAM Identity Center > Settings, or omit it (with identityStoreId) to look it up.`,
        );
    }
    const store = args.identityStoreId;
    if (typeof store === "string" && (store.trim() === "" || store.startsWith("arn:"))) {
        throw new InvalidArgumentError(
            `${field}.identityStoreId`,
            `${store.trim() === "" ? "is empty" : `${quoteText(store)} is an ARN`}; give the identity store id (d-xxxxxxxxxx) shown in IAM Identity Center > Settings, or omit it (with instanceArn) to look it up.`,
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
            throw new InvalidArgumentError(
                `${at}.email`,
                "is required: the email address is the Identity Center username, e.g. ada@example.com.",
            );
        }
        checkCleanText(email, `${at}.email`, "an email address");
        if (!EMAIL_PATTERN.test(email)) {
            throw new InvalidArgumentError(
                `${at}.email`,
                `${quoteText(email)} is not a valid email address; write it as name@example.com.`,
            );
        }
        if (email.length > MAX_USER_NAME) {
            throw new InvalidArgumentError(
                `${at}.email`,
                `is ${email.length} characters long; Identity Center usernames (the email) are limited to ${MAX_USER_NAME}.`,
            );
        }
        const key = email.toLowerCase();
        const first = users.get(key);
        if (first) {
            throw new InvalidArgumentError(
                `${at}.email`,
                `${quoteText(email)} duplicates ${field}[${first.index}].email (${quoteText(first.email)}); Identity Center usernames are unique regardless of case, so keep one of the two entries.`,
            );
        }
        const givenName = requiredText(u.givenName, `${at}.givenName`, "a given (first) name");
        const familyName = requiredText(u.familyName, `${at}.familyName`, "a family (last) name");
        let displayName = `${givenName} ${familyName}`;
        if (u.displayName !== undefined) {
            if (typeof u.displayName !== "string" || u.displayName.trim() === "") {
                throw new InvalidArgumentError(`${at}.displayName`, `is empty; omit it to use ${quoteText(displayName)}.`);
            }
            displayName = u.displayName;
            checkCleanText(displayName, `${at}.displayName`, "a display name");
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
            throw new InvalidArgumentError(`${at}.name`, 'is required: give the group a name, e.g. "Administrators".');
        }
        const name = g.name;
        checkCleanText(name, `${at}.name`, "a group name");
        const first = byFolded.get(name.toLowerCase());
        if (first) {
            throw new InvalidArgumentError(
                `${at}.name`,
                `${quoteText(name)} duplicates ${field}[${first.index}].name (${quoteText(first.name)}); group names must be unique (compared case-insensitively), so rename or merge them.`,
            );
        }
        byFolded.set(name.toLowerCase(), { name, index: i });
        if (g.description !== undefined && typeof g.description !== "string") {
            throw new InvalidArgumentError(`${at}.description`, "must be a string.");
        }
        byName.set(name, {
            name,
            suffix: `group-${name}`,
            index: i,
            ...(g.description !== undefined ? { description: g.description } : {}),
        });

        const seen = new Map<string, number>();
        for (const [member, j] of stringList(g.members, `${at}.members`, "emails of identityCenter.users")) {
            const mat = `${at}.members[${j}]`;
            const key = declaredUser(member, mat, users, userList, "the group");
            const dup = seen.get(key);
            if (dup !== undefined) {
                throw new InvalidArgumentError(
                    mat,
                    `${quoteText(member)} is already listed as ${at}.members[${dup}] (compared case-insensitively); remove one of them.`,
                );
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
        const name = permissionSetName(p.name, at, field, byFolded, i);
        for (const key of ["description", "relayState"] as const) {
            const text = p[key];
            if (text !== undefined && (typeof text !== "string" || text.trim() === "")) {
                throw new InvalidArgumentError(`${at}.${key}`, "must be a non-empty string; give a value or omit it.");
            }
        }
        const sessionDuration =
            p.sessionDuration === undefined ? undefined : checkSessionDuration(p.sessionDuration, `${at}.sessionDuration`);
        const managedPolicies = planManagedPolicies(p.managedPolicyArns, at, name, names);
        const inlinePolicy =
            p.inlinePolicy === undefined
                ? undefined
                : {
                      suffix: `inline-policy-${name}`,
                      permissionSet: name,
                      policy: normalizePolicyJson(p.inlinePolicy, `${at}.inlinePolicy`),
                  };
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

// A valid permission-set name, unique among the sets regardless of case.
function permissionSetName(
    name: unknown,
    at: string,
    field: string,
    byFolded: Map<string, { name: string; index: number }>,
    index: number,
): string {
    if (typeof name === "string") checkCleanText(name, `${at}.name`, "a permission set name");
    if (typeof name !== "string" || !PERMISSION_SET_NAME.test(name)) {
        throw new InvalidArgumentError(
            `${at}.name`,
            `${typeof name === "string" ? `${quoteText(name)}` : "the value"} is not a valid permission set name: AWS allows 1 to 32 characters from letters, digits and + = , . @ _ - (no spaces), e.g. "ReadOnly".`,
        );
    }
    const first = byFolded.get(name.toLowerCase());
    if (first) {
        throw new InvalidArgumentError(
            `${at}.name`,
            `${quoteText(name)} duplicates ${field}[${first.index}].name (${quoteText(first.name)}); permission set names must be unique (compared case-insensitively), so rename or merge them.`,
        );
    }
    byFolded.set(name.toLowerCase(), { name, index });
    return name;
}

function planManagedPolicies(list: unknown, at: string, setName: string, names: NameRegistry): PlannedManagedPolicy[] {
    const managedPolicies: PlannedManagedPolicy[] = [];
    const seenArns = new Map<string, number>();
    for (const [arn, k] of stringList(list, `${at}.managedPolicyArns`, "AWS managed policy ARNs")) {
        const kat = `${at}.managedPolicyArns[${k}]`;
        const policyName = checkManagedPolicyArn(arn, kat);
        const dup = seenArns.get(arn);
        if (dup !== undefined) {
            throw new InvalidArgumentError(
                kat,
                `${quoteText(arn)} is already listed as ${at}.managedPolicyArns[${dup}]; remove one of them.`,
            );
        }
        seenArns.set(arn, k);
        const suffix = `managed-policy-${setName}-${policyName}`;
        names.claim(suffix, kat);
        managedPolicies.push({ suffix, permissionSet: setName, arn });
    }
    return managedPolicies;
}

/** How an assignment's `groups` and `users` entries are checked and turned into principals. */
interface PrincipalResolver {
    /** What a `groups` list holds, for messages. */
    groupsWhat: string;
    /** What a `users` list holds, for messages. */
    usersWhat: string;
    /** The fix for an assignment that names nobody. */
    nobodyFix: string;
    /** The principal key of a group name (throws when it names no group). */
    group(name: string, path: string): string;
    /** The principal key (lower-cased email) of a user (throws when it names no user). */
    user(email: string, path: string): string;
}

/** Principals declared in `identityCenter.users` and `identityCenter.groups`. */
function declaredPrincipals(base: string, users: Map<string, PlannedUser>, groups: Map<string, PlannedGroup>): PrincipalResolver {
    return {
        groupsWhat: `names of ${base}.groups`,
        usersWhat: `emails of ${base}.users`,
        nobodyFix: `list at least one group (names from ${base}.groups) or user (emails from ${base}.users)`,
        group(name, path) {
            if (!groups.has(name)) {
                const declared = [...groups.keys()];
                throw new InvalidArgumentError(
                    path,
                    `${quoteText(name)} is not one of ${base}.groups (${quoteList(declared)}).${caseHint(name, declared)} Declare the group or fix the name.`,
                );
            }
            return name;
        },
        user: (email, path) => declaredUser(email, path, users, `${base}.users`, "the assignment"),
    };
}

type AssignmentPrincipal = { type: "USER" | "GROUP"; principal: string; label: string; path: string };

function planAssignments(
    list: unknown,
    base: string,
    resolver: PrincipalResolver,
    permissionSets: Map<string, PlannedPermissionSet>,
): PlannedAssignment[] {
    const field = `${base}.assignments`;
    const planned: PlannedAssignment[] = [];
    const byTuple = new Map<string, number>();
    const names = new NameRegistry();
    for (const [a, i] of listOf(list, field, "{ permissionSet, accountIds, groups, users }")) {
        const at = `${field}[${i}]`;
        const setName = assignedPermissionSet(a.permissionSet, at, base, permissionSets);
        const accounts = assignedAccounts(a.accountIds, at);
        const principals = [...assignedGroups(a.groups, at, resolver), ...assignedUsers(a.users, at, resolver)];
        if (principals.length === 0) {
            throw new InvalidArgumentError(
                at,
                `grants permission set ${quoteText(setName)} to nobody; ${resolver.nobodyFix}, or remove the assignment.`,
            );
        }
        for (const accountId of accounts) {
            for (const p of principals) {
                const tuple = `${setName}\n${accountId}\n${p.type}\n${p.principal}`;
                const first = byTuple.get(tuple);
                if (first !== undefined) {
                    throw new InvalidArgumentError(
                        at,
                        `assigns permission set ${quoteText(setName)} on account ${accountId} to ${p.label} again (already in ${field}[${first}]); remove the duplicate from one of them.`,
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

function assignedPermissionSet(setName: unknown, at: string, base: string, permissionSets: Map<string, PlannedPermissionSet>): string {
    if (typeof setName !== "string" || !permissionSets.has(setName)) {
        const declared = [...permissionSets.keys()];
        const hint = typeof setName === "string" ? caseHint(setName, declared) : "";
        throw new InvalidArgumentError(
            `${at}.permissionSet`,
            `${typeof setName === "string" ? `${quoteText(setName)}` : "the value"} is not one of ${base}.permissionSets (${quoteList(declared)}).${hint} Declare it there or fix the name.`,
        );
    }
    return setName;
}

function assignedAccounts(list: unknown, at: string): string[] {
    const accounts = [...stringList(list, `${at}.accountIds`, "12-digit AWS account ids", true)];
    if (accounts.length === 0) {
        throw new InvalidArgumentError(
            `${at}.accountIds`,
            'lists no AWS accounts; give at least one 12-digit account id, e.g. "012345678901".',
        );
    }
    const seenAccounts = new Map<string, number>();
    for (const [id, k] of accounts) {
        const kat = `${at}.accountIds[${k}]`;
        if (!ACCOUNT_ID.test(id)) {
            throw new InvalidArgumentError(
                kat,
                `${quoteText(id)} is not an AWS account id: expected exactly 12 digits, written as a string with any leading zeros kept, e.g. "012345678901".`,
            );
        }
        const dup = seenAccounts.get(id);
        if (dup !== undefined)
            throw new InvalidArgumentError(kat, `${quoteText(id)} is already listed as ${at}.accountIds[${dup}]; remove one of them.`);
        seenAccounts.set(id, k);
    }
    return accounts.map(([id]) => id);
}

function assignedGroups(list: unknown, at: string, resolver: PrincipalResolver): AssignmentPrincipal[] {
    const principals: AssignmentPrincipal[] = [];
    const seenGroups = new Map<string, number>();
    for (const [group, k] of stringList(list, `${at}.groups`, resolver.groupsWhat)) {
        const kat = `${at}.groups[${k}]`;
        const principal = resolver.group(group, kat);
        const dup = seenGroups.get(group);
        if (dup !== undefined)
            throw new InvalidArgumentError(kat, `${quoteText(group)} is already listed as ${at}.groups[${dup}]; remove one of them.`);
        seenGroups.set(group, k);
        principals.push({ type: "GROUP", principal, label: `group ${quoteText(group)}`, path: kat });
    }
    return principals;
}

function assignedUsers(list: unknown, at: string, resolver: PrincipalResolver): AssignmentPrincipal[] {
    const principals: AssignmentPrincipal[] = [];
    const seenUsers = new Map<string, number>();
    for (const [email, k] of stringList(list, `${at}.users`, resolver.usersWhat)) {
        const kat = `${at}.users[${k}]`;
        const key = resolver.user(email, kat);
        const dup = seenUsers.get(key);
        if (dup !== undefined) {
            throw new InvalidArgumentError(
                kat,
                `${quoteText(email)} is already listed as ${at}.users[${dup}] (compared case-insensitively); remove one of them.`,
            );
        }
        seenUsers.set(key, k);
        principals.push({ type: "USER", principal: key, label: `user ${quoteText(key)}`, path: kat });
    }
    return principals;
}

function requiredText(value: unknown, field: string, what: string): string {
    if (typeof value !== "string" || value.trim() === "") {
        throw new InvalidArgumentError(field, `is empty; Identity Center requires ${what} for every user.`);
    }
    checkCleanText(value, field, what);
    return value;
}

function declaredUser(email: string, field: string, users: Map<string, PlannedUser>, userList: string, where: string): string {
    const key = email.toLowerCase();
    if (!users.has(key)) {
        const none = users.size === 0 ? ` (${userList} is empty)` : "";
        throw new InvalidArgumentError(
            field,
            `${quoteText(email)} is not one of ${userList}${none}; add a user with this email or remove it from ${where}.`,
        );
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
        throw new InvalidArgumentError(
            field,
            `${quoteText(value)} is not an ISO 8601 duration of the form PT<hours>H<minutes>M, e.g. "PT8H", "PT90M" or "PT1H30M"; ${range}.${hint}`,
        );
    }
    const seconds = Math.round((Number(loose[1] ?? 0) * 3600 + Number(loose[2] ?? 0) * 60 + Number(loose[3] ?? 0)) * 1000) / 1000;
    if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
        throw new InvalidArgumentError(field, `${quoteText(value)} is ${describeSeconds(seconds)}; ${range}.`);
    }
    if (value.includes(".")) {
        const h = Math.floor(seconds / 3600);
        const m = (seconds % 3600) / 60;
        const rewrite = Number.isInteger(m) ? `write it as "PT${h}H${m > 0 ? `${m}M` : ""}"` : "use whole hours and minutes";
        throw new InvalidArgumentError(
            field,
            `${quoteText(value)} has a fraction, which AWS does not accept in hours or minutes; ${rewrite}.`,
        );
    }
    if (value !== value.toUpperCase()) {
        throw new InvalidArgumentError(
            field,
            `${quoteText(value)} must be written in upper case, as AWS requires: ${quoteText(value.toUpperCase())}.`,
        );
    }
    return value;
}

function describeSeconds(seconds: number): string {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const parts = [
        h ? `${h} hour${h === 1 ? "" : "s"}` : "",
        m ? `${m} minute${m === 1 ? "" : "s"}` : "",
        s ? `${s} second${s === 1 ? "" : "s"}` : "",
    ];
    return parts.filter(Boolean).join(" ") || "0 seconds";
}

function checkManagedPolicyArn(arn: string, field: string): string {
    const match = POLICY_ARN.exec(arn);
    if (!match) {
        const bare = /^[\w+=,.@-]+$/.test(arn) ? ` Did you mean "arn:aws:iam::aws:policy/${arn}"?` : "";
        throw new InvalidArgumentError(
            field,
            `${quoteText(arn)} is not an IAM managed policy ARN; write it as arn:aws:iam::aws:policy/<name>, e.g. arn:aws:iam::aws:policy/ReadOnlyAccess.${bare}`,
        );
    }
    if (match[1] !== "aws") {
        // AttachManagedPolicyToPermissionSet only takes arn:<partition>:iam::aws:policy/... (AWS's API pattern);
        // customer managed policies are referenced by name and path and must already exist in every target account.
        throw new InvalidArgumentError(
            field,
            `${quoteText(arn)} is a customer managed policy (account ${match[1]}); IAM Identity Center attaches only AWS managed policies by ARN. Put these statements in inlinePolicy, or use an arn:aws:iam::aws:policy/... ARN.`,
        );
    }
    return match[2];
}

function normalizePolicyJson(value: unknown, field: string): string {
    if (typeof value !== "string") {
        throw new InvalidArgumentError(
            field,
            'must be the policy document as JSON text, e.g. JSON.stringify({ Version: "2012-10-17", Statement: [...] }).',
        );
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
        throw new InvalidArgumentError(
            field,
            `is ${kind}, not a JSON object; an IAM policy document is an object { "Version": "2012-10-17", "Statement": [...] }.`,
        );
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
            const number =
                accountIds && typeof item === "number"
                    ? `is the number ${item}, not a string; write AWS account ids as 12-digit strings (${quoteText(String(item).padStart(12, "0"))}), because a number loses leading zeros.`
                    : `must be a string (one of the ${what}).`;
            throw new InvalidArgumentError(`${field}[${i}]`, number);
        }
        yield [item, i];
    }
}

function caseHint(value: string, declared: string[]): string {
    const same = declared.find((d) => d.toLowerCase() === value.toLowerCase());
    return same !== undefined ? ` Names are case-sensitive: did you mean ${quoteText(same)}?` : "";
}

function quoteList(values: string[]): string {
    if (values.length === 0) return "none declared";
    const shown = [...values]
        .sort(compareCodeUnits)
        .slice(0, 10)
        .map((v) => `${quoteText(v)}`)
        .join(", ");
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
export function compareCodeUnits(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
