// Runs the root-style program (one ZeroTrustAwsSso named "aws", as index.ts declares it) as `pulumi preview` would,
// in a process of its own, and prints every registration as JSON: `{ type, name, inputs }` in the order the mock
// monitor received them, `__provider` included. tests/integration/quietPreview.test.ts runs it in several fresh processes and
// compares the outputs byte for byte: a preview that shows `~` on an unchanged program is noise that hides real
// changes, and `pulumi preview --expect-no-changes` fails on it (docs/pulumi.md).
//
//   node -r ts-node/register/transpile-only harness/quietPreviewRun.ts [--shuffle <seed>]
//
// Why preview mode: it is the operation that must be quiet, and it is also the only mode whose registrations can
// be identical across processes. Outside preview, the mocked Access application computes an ssoEndpoint on the
// loopback team domain, whose port is ephemeral, and a freshly issued signing certificate (new serial, validity
// from now); both flow into SamlMetadata's inputs. In preview those values are unknown, as Cloudflare has not
// computed them yet, so everything left in the inputs comes from the program itself.
import * as pulumi from "@pulumi/pulumi";
import { MockCloud } from "./mockCloud";
import { ZeroTrustAwsSso, type ZeroTrustAwsSsoArgs } from "../components";
import { identityCenterResourceList } from "./identityCenterResources";
import { shuffler } from "./shuffle";
// UNKNOWN: the wire form of an unknown value (what the engine hands providers during preview).
import { UNKNOWN } from "./wire";

/** One registration as printed. */
export interface PrintedRegistration {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/** The program's arguments: every kind of list the component takes, each with several entries. */
export function quietPreviewArgs(): ZeroTrustAwsSsoArgs {
    return {
        accountId: "0123456789abcdef0123456789abcdef",
        awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890",
        awsAcsUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718",
        awsAccessPortalUrl: "https://d-1234567890.awsapps.com/start",
        access: {
            emails: ["ada@example.com", "Grace@Example.org", "linus@example.net", "margaret@example.com"],
            emailDomains: ["example.com", "example.org", "corp.example.net"],
            groupIds: [
                "7a1c5d2e-0000-4000-8000-00000000000c",
                "7a1c5d2e-0000-4000-8000-00000000000a",
                "7a1c5d2e-0000-4000-8000-00000000000b",
            ],
            // Order is precedence (2, 3, ...): never shuffled.
            policyIds: ["9f0e0000-0000-4000-8000-000000000002", "9f0e0000-0000-4000-8000-000000000001"],
        },
        allowedIdps: ["0b4d2c1e-0000-4000-8000-000000000001"],
        appName: "Amazon AWS",
        sessionDuration: "8h",
        samlAttributes: [
            { name: "https://aws.amazon.com/SAML/Attributes/AccessControl:Team", source: "team" },
            {
                name: "https://aws.amazon.com/SAML/Attributes/AccessControl:CostCenter",
                source: "cost_center",
                friendlyName: "CostCenter",
                required: true,
                idpSourceNames: [{ idpId: "0b4d2c1e-0000-4000-8000-000000000001", sourceName: "costCenter" }],
            },
        ],
        metadata: { allowedHosts: ["localhost"], timeoutMs: 5000, retry: { attempts: 3, minDelayMs: 100, maxDelayMs: 1000 } },
        identityCenter: {
            users: [
                { email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" },
                { email: "Grace@Example.org", givenName: "Grace", familyName: "Hopper", displayName: "Rear Admiral Hopper" },
                { email: "linus@example.net", givenName: "Linus", familyName: "Torvalds" },
                { email: "margaret@example.com", givenName: "Margaret", familyName: "Hamilton" },
            ],
            groups: [
                {
                    name: "platform",
                    description: "Platform team",
                    members: ["ada@example.com", "linus@example.net", "margaret@example.com"],
                },
                { name: "auditors", members: ["grace@example.org", "margaret@example.com"] },
                { name: "breakglass", description: "Emergency access", members: ["ada@example.com", "Grace@Example.org"] },
            ],
            permissionSets: [
                {
                    name: "Admin",
                    sessionDuration: "PT1H",
                    managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/job-function/Billing"],
                },
                {
                    name: "ReadOnly",
                    description: "Look, don't touch",
                    sessionDuration: "PT8H",
                    managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
                    inlinePolicy: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Deny", Action: "iam:*", Resource: "*" }],
                    }),
                },
                {
                    name: "S3Reader",
                    managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
                    relayState: "https://console.aws.amazon.com/s3/home",
                },
            ],
            assignments: [
                { permissionSet: "Admin", accountIds: ["111122223333", "444455556666"], groups: ["platform", "breakglass"] },
                {
                    permissionSet: "ReadOnly",
                    accountIds: ["111122223333", "444455556666", "012345678901"],
                    groups: ["auditors"],
                    users: ["linus@example.net", "ada@example.com"],
                },
                {
                    permissionSet: "S3Reader",
                    accountIds: ["012345678901", "111122223333"],
                    users: ["margaret@example.com", "Grace@Example.org"],
                },
            ],
        },
    };
}

/**
 * The same arguments with every order-insensitive list shuffled: emails, email domains, group ids, users, groups,
 * members, permission sets, managed policy ARNs, assignments and their account ids, groups and users. Not
 * `access.policyIds` (their order is precedence), `samlAttributes` (the order of attribute statements is the
 * user's), nor `allowedIdps` (passed to Cloudflare as given).
 */
export function shuffledArgs(args: ZeroTrustAwsSsoArgs, seed: number): ZeroTrustAwsSsoArgs {
    const mix = shuffler(seed);
    const access = args.access ?? {};
    const ic = args.identityCenter;
    return {
        ...args,
        access: {
            ...access,
            ...(access.emails ? { emails: mix(access.emails) } : {}),
            ...(access.emailDomains ? { emailDomains: mix(access.emailDomains) } : {}),
            ...(access.groupIds ? { groupIds: mix(access.groupIds) } : {}),
        },
        ...(ic
            ? {
                  identityCenter: {
                      ...ic,
                      users: mix(ic.users),
                      groups: mix(ic.groups ?? []).map((g) => ({ ...g, members: mix(g.members ?? []) })),
                      permissionSets: mix(ic.permissionSets ?? []).map((p) => ({
                          ...p,
                          managedPolicyArns: mix(p.managedPolicyArns ?? []),
                      })),
                      assignments: mix(ic.assignments ?? []).map((a) => ({
                          ...a,
                          accountIds: mix(a.accountIds),
                          ...(a.groups ? { groups: mix(a.groups) } : {}),
                          ...(a.users ? { users: mix(a.users) } : {}),
                      })),
                  },
              }
            : {}),
    };
}

// Unknown values arrive as the SDK's Unknown object, which JSON cannot show; print the engine's placeholder instead.
function printable(value: unknown): unknown {
    if (pulumi.isUnknown(value)) return UNKNOWN;
    if (Array.isArray(value)) return value.map(printable);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)]));
    return value;
}

async function main(): Promise<void> {
    const shuffleAt = process.argv.indexOf("--shuffle");
    const seed = shuffleAt >= 0 ? Number(process.argv[shuffleAt + 1]) : undefined;
    const cloud = await MockCloud.start({ preview: true });
    // MockCloud records a registration once its mock answer is ready, and the dynamic resource's answer waits for
    // the provider host process; record on arrival instead, so the order printed is the order the program produced.
    const arrived: PrintedRegistration[] = [];
    const answer = cloud.newResource.bind(cloud);
    cloud.newResource = (args) => {
        arrived.push({ type: args.type, name: args.name, inputs: printable(args.inputs) as Record<string, unknown> });
        return answer(args);
    };
    try {
        const args = seed === undefined ? quietPreviewArgs() : shuffledArgs(quietPreviewArgs(), seed);
        const sso = new ZeroTrustAwsSso("aws", args);
        const ic = sso.identityCenter;
        const children: pulumi.Resource[] = [
            sso,
            sso.application,
            sso.metadata,
            ...(sso.policy ? [sso.policy] : []),
            ...(ic ? identityCenterResourceList(ic) : []),
        ];
        // A resource's URN resolves once the monitor has answered its registration.
        await new Promise<void>((resolve) => pulumi.all(children.map((r) => r.urn)).apply(() => resolve()));
        if (arrived.length !== children.length || cloud.resources.length !== children.length) {
            throw new Error(
                `declared ${children.length} resources, the monitor saw ${arrived.length}, MockCloud recorded ${cloud.resources.length}`,
            );
        }
        process.stdout.write(JSON.stringify(arrived, null, 1) + "\n");
    } finally {
        await cloud.close();
    }
}

if (require.main === module) {
    main().catch((err: Error) => {
        process.stderr.write(`${err.stack ?? err.message}\n`);
        process.exit(1);
    });
}
