// The Identity Center module under mocks: what it registers (names, inputs, order), how it finds the instance, every
// refusal with its exact message (the message is the product), the Access/Identity Center comparison, and that
// list order never leaks into names or registration order.
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { MockCloud, type MockCloudOptions } from "../harness/mockCloud";
import { isKnown, isSecret, valueOf } from "../harness/outputs";
import { compareAccessWithIdentityCenter } from "../components/access/accessMismatches";
import { declareIdentityCenter, type IdentityCenterResources } from "../components/identityCenter/identityCenter";
import type { IdentityCenterArgs } from "../components/identityCenter/identityCenterArgs";
import { validateIdentityCenterArgs } from "../components/identityCenter/identityCenterPlan";
import { scaleArgs, type ScaleShape } from "../bench/identityCenterScale";
import { awsComputedState } from "../harness/awsComputedState";
import { USER, GROUP, MEMBER, PERMISSION_SET, MANAGED, INLINE, ASSIGNMENT, GET_INSTANCES } from "../harness/resourceTypes";
import { identityCenterResourceList } from "../harness/identityCenterResources";
import { shuffler } from "../harness/shuffle";

const PARENT = "test:index:Parent";

const INSTANCE_ARN = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
const STORE_ID = "d-1234567890";
const PS_ARN = (name: string): string => `arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-${name}`;

class Parent extends pulumi.ComponentResource {
    constructor(n: string) {
        super(PARENT, n, {}, {});
    }
}

/** The shared mocks, plus the ids AWS computes (userId, groupId, permission-set arn) that they do not return. */
async function startCloud(options: MockCloudOptions = {}): Promise<MockCloud> {
    const cloud = await MockCloud.start(options);
    const newResource = cloud.newResource.bind(cloud);
    // A new state object: the mocks may hand back the recorded inputs themselves as state.
    cloud.newResource = async (args) => {
        const { id, state } = await newResource(args);
        return { id, state: { ...awsComputedState(args.type, args.name), ...state } };
    };
    return cloud;
}

function declared(ic: IdentityCenterResources): pulumi.Resource[] {
    return identityCenterResourceList(ic);
}

/** Waits until every declared resource is registered (its URN resolved). */
function settle(ic: IdentityCenterResources): Promise<void> {
    return new Promise((resolve) =>
        pulumi.all([ic.instanceArn, ic.identityStoreId, ...declared(ic).map((r) => r.urn)]).apply(() => resolve()),
    );
}

/** The lookup error both id Outputs reject with; every derived promise is awaited so nothing rejects unhandled. */
async function lookupFailure(ic: IdentityCenterResources): Promise<Error> {
    const outcomes = await Promise.allSettled([ic.instanceArn, ic.identityStoreId].flatMap((o) => [valueOf(o), isKnown(o), isSecret(o)]));
    const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as Error] : []));
    assert.ok(errors.length >= 2, "both ids should reject");
    assert.equal(errors[0].message, errors[1].message);
    return errors[0];
}

function example(): IdentityCenterArgs {
    return {
        users: [
            { email: "Grace@Example.com", givenName: "Grace", familyName: "Hopper", displayName: "Amazing Grace" },
            { email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" },
        ],
        groups: [{ name: "Readers" }, { name: "Admins", description: "Break-glass", members: ["grace@example.com", "ADA@example.com"] }],
        permissionSets: [
            {
                name: "ReadOnly",
                sessionDuration: "PT8H",
                managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
                inlinePolicy:
                    '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Deny", "Action": "s3:*", "Resource": "*" } ]\n}\n',
            },
            {
                name: "Admin",
                description: "Full access",
                sessionDuration: "PT1H",
                relayState: "https://console.aws.amazon.com/",
                managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
            },
        ],
        assignments: [
            { permissionSet: "ReadOnly", accountIds: ["210987654321", "012345678901"], groups: ["Readers"], users: ["Grace@example.com"] },
            { permissionSet: "Admin", accountIds: ["012345678901"], groups: ["Admins"] },
        ],
    };
}

describe("Identity Center: declared resources", function () {
    let cloud: MockCloud;
    before(async () => {
        cloud = await startCloud();
    });
    after(async () => cloud.close());
    beforeEach(() => {
        cloud.resources.length = 0;
        cloud.calls.length = 0;
    });

    it("declares users, groups, memberships, permission sets, policies and assignments with the documented inputs", async () => {
        const ic = declareIdentityCenter("ic", example(), new Parent("p"));
        await settle(ic);

        assert.deepEqual(cloud.find(USER, "ic-user-grace@example.com").inputs, {
            identityStoreId: STORE_ID,
            userName: "Grace@Example.com",
            displayName: "Amazing Grace",
            name: { givenName: "Grace", familyName: "Hopper" },
            emails: { value: "Grace@Example.com", primary: true, type: "work" },
        });
        assert.equal(cloud.find(USER, "ic-user-ada@example.com").inputs.displayName, "Ada Lovelace");
        assert.deepEqual(cloud.find(GROUP, "ic-group-Admins").inputs, {
            identityStoreId: STORE_ID,
            displayName: "Admins",
            description: "Break-glass",
        });
        assert.deepEqual(cloud.find(GROUP, "ic-group-Readers").inputs, { identityStoreId: STORE_ID, displayName: "Readers" });
        assert.deepEqual(cloud.find(MEMBER, "ic-member-Admins-ada@example.com").inputs, {
            identityStoreId: STORE_ID,
            groupId: "gid-ic-group-Admins",
            memberId: "uid-ic-user-ada@example.com",
        });
        assert.deepEqual(cloud.find(PERMISSION_SET, "ic-permission-set-Admin").inputs, {
            instanceArn: INSTANCE_ARN,
            name: "Admin",
            description: "Full access",
            sessionDuration: "PT1H",
            relayState: "https://console.aws.amazon.com/",
        });
        assert.deepEqual(cloud.find(PERMISSION_SET, "ic-permission-set-ReadOnly").inputs, {
            instanceArn: INSTANCE_ARN,
            name: "ReadOnly",
            sessionDuration: "PT8H",
        });
        assert.deepEqual(cloud.find(MANAGED, "ic-managed-policy-ReadOnly-ViewOnlyAccess").inputs, {
            instanceArn: INSTANCE_ARN,
            permissionSetArn: PS_ARN("ic-permission-set-ReadOnly"),
            managedPolicyArn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
        });
        assert.deepEqual(cloud.find(INLINE, "ic-inline-policy-ReadOnly").inputs, {
            instanceArn: INSTANCE_ARN,
            permissionSetArn: PS_ARN("ic-permission-set-ReadOnly"),
            inlinePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}',
        });
        assert.deepEqual(cloud.find(ASSIGNMENT, "ic-assignment-ReadOnly-210987654321-user-grace@example.com").inputs, {
            instanceArn: INSTANCE_ARN,
            permissionSetArn: PS_ARN("ic-permission-set-ReadOnly"),
            principalType: "USER",
            principalId: "uid-ic-user-grace@example.com",
            targetType: "AWS_ACCOUNT",
            targetId: "210987654321",
        });
        assert.deepEqual(cloud.find(ASSIGNMENT, "ic-assignment-Admin-012345678901-group-Admins").inputs, {
            instanceArn: INSTANCE_ARN,
            permissionSetArn: PS_ARN("ic-permission-set-Admin"),
            principalType: "GROUP",
            principalId: "gid-ic-group-Admins",
            targetType: "AWS_ACCOUNT",
            targetId: "012345678901",
        });

        // Every resource, once. (The registration order is not the declaration order: the SDK serializes inputs
        // asynchronously, so a resource with fewer inputs can overtake; the shuffle test below shows it is stable.)
        assert.deepEqual(cloud.resources.map((r) => `${r.type.split(":").pop()} ${r.name}`).sort(), [
            "AccountAssignment ic-assignment-Admin-012345678901-group-Admins",
            "AccountAssignment ic-assignment-ReadOnly-012345678901-group-Readers",
            "AccountAssignment ic-assignment-ReadOnly-012345678901-user-grace@example.com",
            "AccountAssignment ic-assignment-ReadOnly-210987654321-group-Readers",
            "AccountAssignment ic-assignment-ReadOnly-210987654321-user-grace@example.com",
            "Group ic-group-Admins",
            "Group ic-group-Readers",
            "GroupMembership ic-member-Admins-ada@example.com",
            "GroupMembership ic-member-Admins-grace@example.com",
            "ManagedPolicyAttachment ic-managed-policy-Admin-AdministratorAccess",
            "ManagedPolicyAttachment ic-managed-policy-ReadOnly-ReadOnlyAccess",
            "ManagedPolicyAttachment ic-managed-policy-ReadOnly-ViewOnlyAccess",
            "Parent p",
            "PermissionSet ic-permission-set-Admin",
            "PermissionSet ic-permission-set-ReadOnly",
            "PermissionSetInlinePolicy ic-inline-policy-ReadOnly",
            "User ic-user-ada@example.com",
            "User ic-user-grace@example.com",
        ]);
    });

    it("returns the resources keyed by lower-cased email, group and permission-set name, parented to the given resource", async () => {
        const ic = declareIdentityCenter("ic", example(), new Parent("p"));
        await settle(ic);
        assert.deepEqual(Object.keys(ic.users), ["ada@example.com", "grace@example.com"]);
        assert.deepEqual(Object.keys(ic.groups), ["Admins", "Readers"]);
        assert.deepEqual(Object.keys(ic.permissionSets), ["Admin", "ReadOnly"]);
        assert.deepEqual(ic.userEmails, ["ada@example.com", "grace@example.com"]);
        assert.equal(await valueOf(ic.users["grace@example.com"].userId), "uid-ic-user-grace@example.com");
        assert.equal(await valueOf(ic.groups.Admins.groupId), "gid-ic-group-Admins");
        assert.equal(await valueOf(ic.permissionSets.Admin.arn), PS_ARN("ic-permission-set-Admin"));
        assert.deepEqual(await Promise.all(ic.assignments.map((a) => valueOf(a.urn))), [
            ...[
                "Admin-012345678901-group-Admins",
                "ReadOnly-012345678901-group-Readers",
                "ReadOnly-012345678901-user-grace@example.com",
                "ReadOnly-210987654321-group-Readers",
                "ReadOnly-210987654321-user-grace@example.com",
            ].map((n) => `urn:pulumi:test::zero-trust-aws-sso::${PARENT}$${ASSIGNMENT}::ic-assignment-${n}`),
        ]);
        for (const resource of declared(ic)) {
            assert.match(await valueOf(resource.urn), new RegExp(`::${PARENT.replace(/\$/g, "\\$")}\\$aws:`));
        }
        assert.equal(ic.groupMemberships.length, 2);
        assert.equal(ic.managedPolicyAttachments.length, 3);
        assert.equal(ic.inlinePolicies.length, 1);
    });

    it("keeps the email as written for the username but treats a change of case as the same user", async () => {
        const args = example();
        args.users[1].email = "ADA@EXAMPLE.COM";
        const ic = declareIdentityCenter("ic", args, new Parent("p"));
        await settle(ic);
        const ada = cloud.find(USER, "ic-user-ada@example.com");
        assert.equal(ada.inputs.userName, "ADA@EXAMPLE.COM");
        assert.deepEqual(ada.inputs.emails, { value: "ADA@EXAMPLE.COM", primary: true, type: "work" });
    });

    it("declares only users when there are no groups, permission sets or assignments", async () => {
        const ic = declareIdentityCenter(
            "solo",
            { users: [{ email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" }] },
            new Parent("p"),
        );
        await settle(ic);
        assert.deepEqual(
            cloud.resources.map((r) => `${r.type} ${r.name}`),
            [`${PARENT} p`, `${USER} solo-user-ada@example.com`],
        );
        assert.deepEqual(ic.assignments, []);
    });

    it("refuses bad arguments before registering anything", async () => {
        const args = example();
        args.users[1].email = "ada@example";
        assert.throws(() => declareIdentityCenter("ic", args, new Parent("p")), {
            name: "InvalidArgumentError",
            message: 'identityCenter.users[1].email: "ada@example" is not a valid email address; write it as name@example.com.',
        });
        await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(
            cloud.resources.filter((r) => r.type !== PARENT),
            [],
        );
    });
});

describe("Identity Center: finding the instance", function () {
    const users = [{ email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" }];
    const two = [
        { arn: "arn:aws:sso:::instance/ssoins-aaaaaaaaaaaaaaaa", identityStoreId: "d-aaaaaaaaaa" },
        { arn: "arn:aws:sso:::instance/ssoins-bbbbbbbbbbbbbbbb", identityStoreId: "d-bbbbbbbbbb" },
    ];
    let cloud: MockCloud | undefined;
    afterEach(async () => {
        await cloud?.close();
        cloud = undefined;
    });

    it("looks both ids up with getInstances when neither is given", async () => {
        cloud = await startCloud();
        const ic = declareIdentityCenter("ic", { users }, new Parent("p"));
        await settle(ic);
        assert.equal(await valueOf(ic.instanceArn), INSTANCE_ARN);
        assert.equal(await valueOf(ic.identityStoreId), STORE_ID);
        assert.equal(cloud.find(USER, "ic-user-ada@example.com").inputs.identityStoreId, STORE_ID);
        assert.deepEqual(
            cloud.calls.map((c) => c.token),
            [GET_INSTANCES],
        );
    });

    it("does not look anything up when both ids are given", async () => {
        cloud = await startCloud();
        const ic = declareIdentityCenter(
            "ic",
            {
                users,
                instanceArn: pulumi.output(two[0].arn),
                identityStoreId: two[0].identityStoreId,
                permissionSets: [{ name: "ReadOnly" }],
            },
            new Parent("p"),
        );
        await settle(ic);
        assert.deepEqual(cloud.calls, []);
        assert.equal(cloud.find(USER, "ic-user-ada@example.com").inputs.identityStoreId, "d-aaaaaaaaaa");
        assert.equal(cloud.find(PERMISSION_SET, "ic-permission-set-ReadOnly").inputs.instanceArn, two[0].arn);
    });

    it("completes a given instance ARN with its own identity store id, even among several instances", async () => {
        cloud = await startCloud({ identityCenterInstances: two });
        const ic = declareIdentityCenter("ic", { users, instanceArn: two[1].arn }, new Parent("p"));
        await settle(ic);
        assert.equal(await valueOf(ic.identityStoreId), "d-bbbbbbbbbb");
        assert.equal(cloud.find(USER, "ic-user-ada@example.com").inputs.identityStoreId, "d-bbbbbbbbbb");
    });

    it("completes a given identity store id with its own instance ARN", async () => {
        cloud = await startCloud({ identityCenterInstances: two });
        const ic = declareIdentityCenter("ic", { users: [], identityStoreId: pulumi.output("d-aaaaaaaaaa") }, new Parent("p"));
        assert.equal(await valueOf(ic.instanceArn), two[0].arn);
    });

    it("fails when there is no instance, saying how to fix it", async () => {
        cloud = await startCloud({ identityCenterInstances: [] });
        const err = await lookupFailure(declareIdentityCenter("ic", { users: [] }, new Parent("p")));
        assert.ok(err instanceof pulumi.ResourceError);
        assert.equal(
            err.message,
            "identityCenter: found no IAM Identity Center instance in the AWS account and region the provider uses. " +
                "Enable IAM Identity Center there (or point the AWS provider at its region), or pass instanceArn and identityStoreId.",
        );
    });

    it("fails when there are two instances, naming both", async () => {
        cloud = await startCloud({ identityCenterInstances: two });
        const err = await lookupFailure(declareIdentityCenter("ic", { users: [] }, new Parent("p")));
        assert.ok(err instanceof pulumi.ResourceError);
        assert.equal(
            err.message,
            "identityCenter: found 2 IAM Identity Center instances, so which one to manage is ambiguous: " +
                "arn:aws:sso:::instance/ssoins-aaaaaaaaaaaaaaaa (identity store d-aaaaaaaaaa), " +
                "arn:aws:sso:::instance/ssoins-bbbbbbbbbbbbbbbb (identity store d-bbbbbbbbbb). " +
                "Pass instanceArn and identityStoreId of the one to manage.",
        );
    });

    it("fails when a given instance ARN is not one of the instances found", async () => {
        cloud = await startCloud();
        const err = await lookupFailure(declareIdentityCenter("ic", { users: [], instanceArn: two[0].arn }, new Parent("p")));
        assert.equal(
            err.message,
            `identityCenter.instanceArn: "${two[0].arn}" is not an IAM Identity Center instance of the AWS account and region the provider uses ` +
                `(found: ${INSTANCE_ARN} (identity store ${STORE_ID})); check the ARN and the provider's region, or pass identityStoreId as well.`,
        );
    });
});

describe("Identity Center: validation", function () {
    const ok = (mutate: (a: IdentityCenterArgs) => void): IdentityCenterArgs => {
        const args = example();
        mutate(args);
        return args;
    };
    const rejects = (mutate: (a: IdentityCenterArgs) => void, message: string, field?: string): void => {
        assert.throws(
            () => validateIdentityCenterArgs(ok(mutate), field),
            (err: Error) => {
                assert.equal(err.name, "InvalidArgumentError");
                assert.equal(err.message, message);
                return true;
            },
        );
    };
    const user = (email: string) => ({ email, givenName: "Given", familyName: "Family" });

    it("accepts the example, and an empty user list that nothing refers to", () => {
        validateIdentityCenterArgs(example());
        validateIdentityCenterArgs({ users: [] });
        validateIdentityCenterArgs({
            users: [],
            groups: [{ name: "Ops" }],
            permissionSets: [{ name: "ReadOnly" }],
            assignments: [{ permissionSet: "ReadOnly", accountIds: ["012345678901"], groups: ["Ops"] }],
        });
    });

    it("names the path given by the caller", () => {
        rejects(
            (a) => (a.users[0].givenName = ""),
            "sso.ic.users[0].givenName: is empty; Identity Center requires a given (first) name for every user.",
            "sso.ic",
        );
    });

    describe("users", () => {
        it("must be a list", () => {
            rejects(
                (a) => ((a as { users: unknown }).users = undefined),
                "identityCenter.users: must be a list of { email, givenName, familyName } (it may be empty).",
            );
        });
        it("are unique by email, regardless of case", () => {
            rejects(
                (a) => a.users.push(user("ADA@example.com")),
                'identityCenter.users[2].email: "ADA@example.com" duplicates identityCenter.users[1].email ("ada@example.com"); ' +
                    "Identity Center usernames are unique regardless of case, so keep one of the two entries.",
            );
        });
        it("have a well-formed email", () => {
            rejects(
                (a) => (a.users[1].email = "Ada Lovelace <ada@example.com>"),
                'identityCenter.users[1].email: "Ada Lovelace <ada@example.com>" is not a valid email address; write it as name@example.com.',
            );
            rejects(
                (a) => (a.users[0].email = ""),
                "identityCenter.users[0].email: is required: the email address is the Identity Center username, e.g. ada@example.com.",
            );
        });
        it("have an email Identity Center accepts as a username (at most 128 characters)", () => {
            const long = `${"a".repeat(117)}@example.com`;
            rejects(
                (a) => (a.users[0].email = long),
                "identityCenter.users[0].email: is 129 characters long; Identity Center usernames (the email) are limited to 128.",
            );
        });
        it("have a given and a family name", () => {
            rejects(
                (a) => (a.users[1].givenName = "  "),
                "identityCenter.users[1].givenName: is empty; Identity Center requires a given (first) name for every user.",
            );
            rejects(
                (a) => (a.users[0].familyName = ""),
                "identityCenter.users[0].familyName: is empty; Identity Center requires a family (last) name for every user.",
            );
        });
        it("have a non-empty display name when one is given", () => {
            rejects((a) => (a.users[1].displayName = ""), 'identityCenter.users[1].displayName: is empty; omit it to use "Ada Lovelace".');
        });
    });

    describe("groups", () => {
        it("are unique by name, regardless of case", () => {
            rejects(
                (a) => a.groups!.push({ name: "admins" }),
                'identityCenter.groups[2].name: "admins" duplicates identityCenter.groups[1].name ("Admins"); ' +
                    "group names must be unique (compared case-insensitively), so rename or merge them.",
            );
        });
        it("have a name", () => {
            rejects(
                (a) => (a.groups![0].name = " "),
                'identityCenter.groups[0].name: is required: give the group a name, e.g. "Administrators".',
            );
        });
        it("have declared users as members", () => {
            rejects(
                (a) => a.groups![1].members!.push("bob@example.com"),
                'identityCenter.groups[1].members[2]: "bob@example.com" is not one of identityCenter.users; add a user with this email or remove it from the group.',
            );
            rejects((a) => {
                a.users = [];
                a.assignments = [];
            }, 'identityCenter.groups[1].members[0]: "grace@example.com" is not one of identityCenter.users (identityCenter.users is empty); ' + "add a user with this email or remove it from the group.");
        });
        it("list each member once", () => {
            rejects(
                (a) => a.groups![1].members!.push("Grace@Example.COM"),
                'identityCenter.groups[1].members[2]: "Grace@Example.COM" is already listed as identityCenter.groups[1].members[0] (compared case-insensitively); remove one of them.',
            );
        });
        it("do not produce the same resource name twice", () => {
            rejects((a) => {
                a.users.push(user("b-x@example.com"), user("x@example.com"));
                a.groups = [
                    { name: "a", members: ["b-x@example.com"] },
                    { name: "a-b", members: ["x@example.com"] },
                ];
            }, 'identityCenter.groups[1].members[0]: would get the same resource name "<name>-member-a-b-x@example.com" as identityCenter.groups[0].members[0] ' + '(names are joined with "-"); rename the group, permission set or policy so they differ.');
        });
    });

    describe("permission sets", () => {
        it("are unique by name, regardless of case", () => {
            rejects(
                (a) => a.permissionSets!.push({ name: "readonly" }),
                'identityCenter.permissionSets[2].name: "readonly" duplicates identityCenter.permissionSets[0].name ("ReadOnly"); ' +
                    "permission set names must be unique (compared case-insensitively), so rename or merge them.",
            );
        });
        it("have a name AWS accepts", () => {
            const message = (name: string) =>
                `identityCenter.permissionSets[1].name: "${name}" is not a valid permission set name: AWS allows 1 to 32 characters ` +
                'from letters, digits and + = , . @ _ - (no spaces), e.g. "ReadOnly".';
            rejects((a) => (a.permissionSets![1].name = "Read Only"), message("Read Only"));
            rejects((a) => (a.permissionSets![1].name = "A".repeat(33)), message("A".repeat(33)));
            rejects((a) => (a.permissionSets![1].name = ""), message(""));
            validateIdentityCenterArgs(ok((a) => a.permissionSets!.push({ name: "Aa0_+=,.@-".padEnd(32, "x") })));
        });
        it("have a session duration of 1 to 12 hours in ISO 8601", () => {
            for (const good of ["PT1H", "PT8H", "PT90M", "PT1H30M", "PT12H", "PT3600S", "PT11H60M"]) {
                validateIdentityCenterArgs(ok((a) => (a.permissionSets![0].sessionDuration = good)));
            }
            const at = "identityCenter.permissionSets[0].sessionDuration";
            const range = "IAM Identity Center sessions last from 1 to 12 hours (PT1H to PT12H)";
            rejects((a) => (a.permissionSets![0].sessionDuration = "PT13H"), `${at}: "PT13H" is 13 hours; ${range}.`);
            rejects((a) => (a.permissionSets![0].sessionDuration = "PT12H1M"), `${at}: "PT12H1M" is 12 hours 1 minute; ${range}.`);
            rejects((a) => (a.permissionSets![0].sessionDuration = "PT30M"), `${at}: "PT30M" is 30 minutes; ${range}.`);
            rejects((a) => (a.permissionSets![0].sessionDuration = "PT0.5H"), `${at}: "PT0.5H" is 30 minutes; ${range}.`);
            rejects(
                (a) => (a.permissionSets![0].sessionDuration = "PT1.5H"),
                `${at}: "PT1.5H" has a fraction, which AWS does not accept in hours or minutes; write it as "PT1H30M".`,
            );
            rejects(
                (a) => (a.permissionSets![0].sessionDuration = "8h"),
                `${at}: "8h" is not an ISO 8601 duration of the form PT<hours>H<minutes>M, e.g. "PT8H", "PT90M" or "PT1H30M"; ${range}. Did you mean "PT8H"?`,
            );
            rejects(
                (a) => (a.permissionSets![0].sessionDuration = "P1D"),
                `${at}: "P1D" is not an ISO 8601 duration of the form PT<hours>H<minutes>M, e.g. "PT8H", "PT90M" or "PT1H30M"; ${range}.`,
            );
            rejects(
                (a) => (a.permissionSets![0].sessionDuration = "pt8h"),
                `${at}: "pt8h" must be written in upper case, as AWS requires: "PT8H".`,
            );
        });
        it("attach AWS managed policies by ARN", () => {
            const at = "identityCenter.permissionSets[1].managedPolicyArns[1]";
            rejects(
                (a) => a.permissionSets![1].managedPolicyArns!.push("ReadOnlyAccess"),
                `${at}: "ReadOnlyAccess" is not an IAM managed policy ARN; write it as arn:aws:iam::aws:policy/<name>, ` +
                    'e.g. arn:aws:iam::aws:policy/ReadOnlyAccess. Did you mean "arn:aws:iam::aws:policy/ReadOnlyAccess"?',
            );
            rejects(
                (a) => a.permissionSets![1].managedPolicyArns!.push("arn:aws:s3:::my-bucket"),
                `${at}: "arn:aws:s3:::my-bucket" is not an IAM managed policy ARN; write it as arn:aws:iam::aws:policy/<name>, e.g. arn:aws:iam::aws:policy/ReadOnlyAccess.`,
            );
            rejects(
                (a) => a.permissionSets![1].managedPolicyArns!.push("arn:aws:iam::123456789012:policy/team/Deploy"),
                `${at}: "arn:aws:iam::123456789012:policy/team/Deploy" is a customer managed policy (account 123456789012); ` +
                    "IAM Identity Center attaches only AWS managed policies by ARN. Put these statements in inlinePolicy, or use an arn:aws:iam::aws:policy/... ARN.",
            );
            rejects(
                (a) => a.permissionSets![1].managedPolicyArns!.push("arn:aws:iam::aws:policy/AdministratorAccess"),
                `${at}: "arn:aws:iam::aws:policy/AdministratorAccess" is already listed as identityCenter.permissionSets[1].managedPolicyArns[0]; remove one of them.`,
            );
            validateIdentityCenterArgs(
                ok((a) => a.permissionSets![1].managedPolicyArns!.push("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess")),
            );
        });
        it("refuse two managed policies whose resource names would collide", () => {
            rejects(
                (a) => a.permissionSets![0].managedPolicyArns!.push("arn:aws:iam::aws:policy/ViewOnlyAccess"),
                'identityCenter.permissionSets[0].managedPolicyArns[2]: would get the same resource name "<name>-managed-policy-ReadOnly-ViewOnlyAccess" ' +
                    'as identityCenter.permissionSets[0].managedPolicyArns[1] (names are joined with "-"); rename the group, permission set or policy so they differ.',
            );
        });
        it("have an inline policy that is a JSON object", () => {
            const at = "identityCenter.permissionSets[0].inlinePolicy";
            let reason = "";
            try {
                JSON.parse("{ Version: 1 }");
            } catch (err) {
                reason = (err as Error).message;
            }
            rejects(
                (a) => (a.permissionSets![0].inlinePolicy = "{ Version: 1 }"),
                `${at}: is not valid JSON (${reason}); give the policy document as JSON text, e.g. JSON.stringify({ Version: "2012-10-17", Statement: [...] }).`,
            );
            rejects(
                (a) => (a.permissionSets![0].inlinePolicy = "[]"),
                `${at}: is an array, not a JSON object; an IAM policy document is an object { "Version": "2012-10-17", "Statement": [...] }.`,
            );
            rejects(
                (a) => (a.permissionSets![0].inlinePolicy = "null"),
                `${at}: is null, not a JSON object; an IAM policy document is an object { "Version": "2012-10-17", "Statement": [...] }.`,
            );
        });
    });

    describe("assignments", () => {
        it("name a declared permission set", () => {
            rejects(
                (a) => (a.assignments![1].permissionSet = "PowerUser"),
                'identityCenter.assignments[1].permissionSet: "PowerUser" is not one of identityCenter.permissionSets ("Admin", "ReadOnly"). Declare it there or fix the name.',
            );
            rejects(
                (a) => (a.assignments![1].permissionSet = "admin"),
                'identityCenter.assignments[1].permissionSet: "admin" is not one of identityCenter.permissionSets ("Admin", "ReadOnly"). ' +
                    'Names are case-sensitive: did you mean "Admin"? Declare it there or fix the name.',
            );
        });
        it("name declared groups and users", () => {
            rejects(
                (a) => a.assignments![0].groups!.push("Ops"),
                'identityCenter.assignments[0].groups[1]: "Ops" is not one of identityCenter.groups ("Admins", "Readers"). Declare the group or fix the name.',
            );
            rejects(
                (a) => a.assignments![0].users!.push("bob@example.com"),
                'identityCenter.assignments[0].users[1]: "bob@example.com" is not one of identityCenter.users; add a user with this email or remove it from the assignment.',
            );
        });
        it("grant to at least one principal", () => {
            rejects(
                (a) => a.assignments!.push({ permissionSet: "Admin", accountIds: ["012345678901"], groups: [] }),
                'identityCenter.assignments[2]: grants permission set "Admin" to nobody; list at least one group (names from identityCenter.groups) ' +
                    "or user (emails from identityCenter.users), or remove the assignment.",
            );
        });
        it("target 12-digit account ids written as strings", () => {
            rejects(
                (a) => (a.assignments![1].accountIds = ["12345678901"]),
                'identityCenter.assignments[1].accountIds[0]: "12345678901" is not an AWS account id: expected exactly 12 digits, ' +
                    'written as a string with any leading zeros kept, e.g. "012345678901".',
            );
            rejects(
                (a) => ((a.assignments![1].accountIds as unknown[]) = ["012345678901", 12345678901]),
                'identityCenter.assignments[1].accountIds[1]: is the number 12345678901, not a string; write AWS account ids as 12-digit strings ("012345678901"), ' +
                    "because a number loses leading zeros.",
            );
            rejects(
                (a) => (a.assignments![1].accountIds = []),
                'identityCenter.assignments[1].accountIds: lists no AWS accounts; give at least one 12-digit account id, e.g. "012345678901".',
            );
        });
        it("are not duplicated, within one entry or across entries", () => {
            rejects(
                (a) => a.assignments![0].accountIds.push("210987654321"),
                'identityCenter.assignments[0].accountIds[2]: "210987654321" is already listed as identityCenter.assignments[0].accountIds[0]; remove one of them.',
            );
            rejects(
                (a) => a.assignments!.push({ permissionSet: "ReadOnly", accountIds: ["012345678901"], users: ["GRACE@example.com"] }),
                'identityCenter.assignments[2]: assigns permission set "ReadOnly" on account 012345678901 to user "grace@example.com" again ' +
                    "(already in identityCenter.assignments[0]); remove the duplicate from one of them.",
            );
        });
    });

    describe("instance ids", () => {
        it("refuse an instance ARN that is not one, and spot swapped ids", () => {
            rejects(
                (a) => (a.instanceArn = "d-1234567890"),
                'identityCenter.instanceArn: "d-1234567890" is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-...). ' +
                    "It looks like an identity store id: did you swap instanceArn and identityStoreId? " +
                    "Copy it from IAM Identity Center > Settings, or omit it (with identityStoreId) to look it up.",
            );
            rejects(
                (a) => (a.identityStoreId = INSTANCE_ARN),
                `identityCenter.identityStoreId: "${INSTANCE_ARN}" is an ARN; give the identity store id (d-xxxxxxxxxx) shown in IAM Identity Center > Settings, ` +
                    "or omit it (with instanceArn) to look it up.",
            );
            validateIdentityCenterArgs(ok((a) => Object.assign(a, { instanceArn: INSTANCE_ARN, identityStoreId: STORE_ID })));
            validateIdentityCenterArgs(ok((a) => (a.instanceArn = pulumi.output("anything: Outputs are not inspected"))));
        });
    });
});

describe("Identity Center: compareAccessWithIdentityCenter", function () {
    const users = ["Ada@Example.com", "grace@example.org", "bob@sub.example.com", "linus@example.net"];

    it("reports Access emails without a user, and users no email or exact domain covers", () => {
        assert.deepEqual(
            compareAccessWithIdentityCenter(
                { emails: ["ada@example.com", "Zed@Example.com", "LINUS@example.net"], emailDomains: ["Example.org", "example.com"] },
                users,
            ),
            { cloudflareOnly: ["zed@example.com"], awsOnly: ["bob@sub.example.com"] },
        );
    });

    it("does not report uncovered users when Access groups may contain them", () => {
        assert.deepEqual(compareAccessWithIdentityCenter({ emails: ["zed@example.com"], groupIds: ["g-1"] }, users), {
            cloudflareOnly: ["zed@example.com"],
            awsOnly: [],
        });
    });

    it("reports every user, lower-cased and sorted, when Access lists nobody", () => {
        assert.deepEqual(compareAccessWithIdentityCenter({}, users), {
            cloudflareOnly: [],
            awsOnly: ["ada@example.com", "bob@sub.example.com", "grace@example.org", "linus@example.net"],
        });
        assert.deepEqual(compareAccessWithIdentityCenter({ emailDomains: ["example.com"] }, []), { cloudflareOnly: [], awsOnly: [] });
    });
});

function shuffled(args: IdentityCenterArgs, seed: number): IdentityCenterArgs {
    const mix = shuffler(seed);
    return {
        users: mix(args.users),
        groups: mix(args.groups ?? []).map((g) => ({ ...g, members: mix(g.members ?? []) })),
        permissionSets: mix(args.permissionSets ?? []).map((p) => ({ ...p, managedPolicyArns: mix(p.managedPolicyArns ?? []) })),
        assignments: mix(args.assignments ?? []).map((a) => ({
            ...a,
            accountIds: mix(a.accountIds),
            groups: mix(a.groups ?? []),
            users: mix(a.users ?? []),
        })),
    };
}

function expectedCounts(args: IdentityCenterArgs): Record<string, number> {
    const sets = args.permissionSets ?? [];
    return {
        [USER]: args.users.length,
        [GROUP]: (args.groups ?? []).length,
        [MEMBER]: (args.groups ?? []).reduce((n, g) => n + (g.members ?? []).length, 0),
        [PERMISSION_SET]: sets.length,
        [MANAGED]: sets.reduce((n, p) => n + (p.managedPolicyArns ?? []).length, 0),
        [INLINE]: sets.filter((p) => p.inlinePolicy !== undefined).length,
        [ASSIGNMENT]: (args.assignments ?? []).reduce(
            (n, a) => n + a.accountIds.length * ((a.groups ?? []).length + (a.users ?? []).length),
            0,
        ),
    };
}

describe("Identity Center: determinism and scale", function () {
    /** One run in its own MockCloud: every registration as type, name and the JSON of its inputs, in order. */
    async function registrations(args: IdentityCenterArgs): Promise<string[]> {
        const cloud = await startCloud();
        try {
            await settle(declareIdentityCenter("org", args, new Parent("p")));
            return cloud.resources.map((r) => `${r.type} ${r.name} ${JSON.stringify(r.inputs)}`);
        } finally {
            await cloud.close();
        }
    }

    it("gives the same names, inputs and registration order whatever the order of every list", async () => {
        const base = scaleArgs({ users: 40, groups: 6, permissionSets: 5, accounts: 4 });
        // Mixed-case references too: they must resolve to the same users.
        base.groups![0].members = base.groups![0].members!.map((m) => m.toUpperCase());
        const first = await registrations(shuffled(base, 1));
        const second = await registrations(shuffled(base, 2));
        assert.notDeepEqual(shuffled(base, 1).users, shuffled(base, 2).users, "the two runs should see different orders");
        assert.deepEqual(new Set(second.map((r) => r.split(" ")[1])), new Set(first.map((r) => r.split(" ")[1])));
        assert.deepEqual(second, first);
        const counts = expectedCounts(base);
        assert.equal(first.length, 1 + Object.values(counts).reduce((a, b) => a + b, 0));
    });

    it("declares a large organisation: 50 groups, 20 permission sets (users and accounts reduced; full scale in bench/)", async function () {
        // 1,000 users x 100 accounts is ~5,100 resources and ~25 s under ts-node (see bench/identityCenterScale.ts);
        // the group and permission-set counts are kept at full scale here, users and accounts reduced so that the
        // unit suite stays fast (counts and names are what this test checks; time and memory are the bench's).
        const shape: ScaleShape = { users: 60, groups: 50, permissionSets: 20, accounts: 10 };
        const args = scaleArgs(shape);
        const cloud = await startCloud();
        try {
            const ic = declareIdentityCenter("org", args, new Parent("p"));
            await settle(ic);
            const counts = expectedCounts(args);
            for (const [type, count] of Object.entries(counts)) {
                assert.equal(cloud.ofType(type).length, count, type);
            }
            assert.equal(Object.keys(ic.users).length, 60);
            assert.equal(Object.keys(ic.groups).length, 50);
            assert.equal(Object.keys(ic.permissionSets).length, 20);
            assert.equal(new Set(cloud.ofType(ASSIGNMENT).map((r) => r.inputs.targetId)).size, 10);
            assert.equal(ic.assignments.length, counts[ASSIGNMENT]);
        } finally {
            await cloud.close();
        }
    });
});
