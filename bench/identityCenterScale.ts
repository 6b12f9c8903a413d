// How declaring Identity Center resources scales with the number of people, under Pulumi mocks.
//
//   node -r ts-node/register/transpile-only bench/identityCenterScale.ts [users...]   (default: 10 100 1000)
//
// Each size runs in a fresh child process so that memory figures are comparable (no heap or module cache carried
// over). Groups, permission sets and accounts grow with the users (see scaleArgs), so the resource count grows
// faster than the user count; "ms/resource" is the figure that should stay flat if the cost is linear in the
// number of resources. No assertions: this prints a table.
import { spawnSync } from "node:child_process";
import * as pulumi from "@pulumi/pulumi";
import type { IdentityCenterArgs } from "../components/identityCenter/identityCenterArgs";
import { awsComputedState } from "../harness/awsComputedState";
import { identityCenterResourceList } from "../harness/identityCenterResources";

/** The shape of a generated organisation. */
export interface ScaleShape {
    users: number;
    groups: number;
    permissionSets: number;
    accounts: number;
}

/**
 * Proportional shape: one group per 20 users, one permission set per 50 users, one account per 10 users (at least one
 * of each). 1,000 users gives 50 groups, 20 permission sets and 100 accounts.
 */
export function proportionalShape(users: number): ScaleShape {
    return {
        users,
        groups: Math.max(1, Math.round(users / 20)),
        permissionSets: Math.max(1, Math.round(users / 50)),
        accounts: Math.max(1, Math.round(users / 10)),
    };
}

/**
 * A plausible organisation of the given shape:
 * - every user is in two groups (one when there is a single group);
 * - every permission set has one or two AWS managed policies; every third one also has an inline policy;
 * - every permission set is granted to one group on every account, plus, on the first account, directly to one user
 *   (the break-glass pattern), so both principal types appear.
 */
export function scaleArgs(shape: ScaleShape): IdentityCenterArgs {
    const pad = (n: number, width: number): string => String(n).padStart(width, "0");
    const email = (u: number): string => `user${pad(u, 5)}@example.com`;
    const groupName = (g: number): string => `team-${pad(g, 3)}`;
    const setName = (p: number): string => `Role${pad(p, 3)}`;
    const accountId = (a: number): string => pad(100000000000 + a * 7919, 12);
    const policies = ["ReadOnlyAccess", "job-function/ViewOnlyAccess", "PowerUserAccess", "AmazonS3ReadOnlyAccess"];

    const users = Array.from({ length: shape.users }, (_, u) => ({ email: email(u), givenName: `Given${u}`, familyName: `Family${u}` }));
    const groups = Array.from({ length: shape.groups }, (_, g) => ({
        name: groupName(g),
        description: `Team ${g}`,
        members: [] as string[],
    }));
    users.forEach((user, u) => {
        const first = u % shape.groups;
        const second = (u * 7 + 3) % shape.groups;
        groups[first].members.push(user.email);
        if (second !== first) groups[second].members.push(user.email);
    });
    const permissionSets = Array.from({ length: shape.permissionSets }, (_, p) => ({
        name: setName(p),
        description: `Role ${p}`,
        sessionDuration: p % 2 === 0 ? "PT8H" : "PT1H",
        managedPolicyArns: policies.slice(p % 3, (p % 3) + 1 + (p % 2)).map((n) => `arn:aws:iam::aws:policy/${n}`),
        ...(p % 3 === 0
            ? { inlinePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:*", Resource: "*" }] }) }
            : {}),
    }));
    const accountIds = Array.from({ length: shape.accounts }, (_, a) => accountId(a));
    const assignments = permissionSets.flatMap((ps, p) => [
        { permissionSet: ps.name, accountIds, groups: [groupName(p % shape.groups)] },
        ...(users.length > 0 ? [{ permissionSet: ps.name, accountIds: [accountIds[0]], users: [users[p % users.length].email] }] : []),
    ]);
    return { users, groups, permissionSets, assignments };
}

const INSTANCE = { arn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", identityStoreId: "d-1234567890" };

interface Measurement {
    shape: ScaleShape;
    plainStacks: boolean;
    resources: number;
    wallMs: number;
    baselineRssMb: number;
    peakRssMb: number;
    peakHeapMb: number;
}

// The child: construct one size under mocks and report as one JSON line on stdout. The mocks are minimal on
// purpose (no loopback server, no dynamic-provider host, nothing recorded but a count) so that the figures are the
// cost of this module and the Pulumi SDK, not of the test harness.
async function measure(users: number, plainStacks: boolean): Promise<Measurement> {
    const { declareIdentityCenter } =
        require("../components/identityCenter/identityCenter") as typeof import("../components/identityCenter/identityCenter");
    if (plainStacks) {
        // The SDK reads `new Error().stack` several times per resource (source positions, debuggable promises);
        // under ts-node each read is source-mapped, which is most of the cost. V8's own formatter shows what is left.
        delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    }
    const shape = proportionalShape(users);
    const args = scaleArgs(shape);

    let registered = 0;
    await pulumi.runtime.setMocks(
        {
            newResource: (r: pulumi.runtime.MockResourceArgs) => {
                registered++;
                return { id: `${r.name}-id`, state: { ...r.inputs, ...awsComputedState(r.type, r.name) } };
            },
            call: (c: pulumi.runtime.MockCallArgs) =>
                c.token === "aws:ssoadmin/getInstances:getInstances"
                    ? { id: "us-east-1", arns: [INSTANCE.arn], identityStoreIds: [INSTANCE.identityStoreId] }
                    : {},
        },
        "bench",
        "bench",
        false,
    );
    class Parent extends pulumi.ComponentResource {
        constructor(n: string) {
            super("bench:index:Parent", n, {}, {});
        }
    }
    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 5);

    const started = process.hrtime.bigint();
    const parent = new Parent("bench");
    const ic = declareIdentityCenter("org", args, parent);
    const all: pulumi.Resource[] = identityCenterResourceList(ic);
    // A resource is registered once its URN resolves.
    await new Promise<void>((resolve) => pulumi.all(all.map((r) => r.urn)).apply(() => resolve()));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

    clearInterval(sampler);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (registered - 1 !== all.length) throw new Error(`registered ${registered - 1} resources, declared ${all.length}`);
    return {
        shape,
        plainStacks,
        resources: all.length,
        wallMs,
        baselineRssMb: baselineRss / 2 ** 20,
        peakRssMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20,
        peakHeapMb: peakHeap / 2 ** 20,
    };
}

function runChild(users: number, plainStacks: boolean): Measurement {
    const args = [
        "-r",
        "ts-node/register/transpile-only",
        __filename,
        "--child",
        String(users),
        ...(plainStacks ? ["--plain-stacks"] : []),
    ];
    const child = spawnSync(process.execPath, args, {
        cwd: process.cwd(),
        encoding: "utf8",
        maxBuffer: 64 * 2 ** 20,
    });
    const line = child.stdout.split("\n").find((l) => l.startsWith("{"));
    if (child.status !== 0 || !line) {
        throw new Error(`the ${users}-user run failed (exit ${child.status}):\n${child.stderr}`);
    }
    return JSON.parse(line) as Measurement;
}

function table(rows: Measurement[]): string {
    const header = [
        "stacks",
        "users",
        "groups",
        "perm sets",
        "accounts",
        "resources",
        "wall ms",
        "ms/resource",
        "base RSS MB",
        "peak RSS MB",
        "peak heap MB",
    ];
    const body = rows.map((m) =>
        [
            m.plainStacks ? "plain" : "mapped",
            m.shape.users,
            m.shape.groups,
            m.shape.permissionSets,
            m.shape.accounts,
            m.resources,
            m.wallMs.toFixed(0),
            (m.wallMs / m.resources).toFixed(3),
            m.baselineRssMb.toFixed(0),
            m.peakRssMb.toFixed(0),
            m.peakHeapMb.toFixed(0),
        ].map(String),
    );
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
    return [line(header), `|${widths.map((w) => "-".repeat(w + 1) + ":").join("|")}|`, ...body.map(line)].join("\n");
}

if (require.main === module) {
    const childAt = process.argv.indexOf("--child");
    if (childAt >= 0) {
        measure(Number(process.argv[childAt + 1]), process.argv.includes("--plain-stacks")).then(
            (m) => {
                process.stdout.write(`${JSON.stringify(m)}\n`);
                process.exit(0);
            },
            (err: unknown) => {
                console.error(err);
                process.exit(1);
            },
        );
    } else {
        const sizes = process.argv
            .slice(2)
            .map(Number)
            .filter((n) => Number.isInteger(n) && n > 0);
        const rows = [false, true].flatMap((plain) => (sizes.length > 0 ? sizes : [10, 100, 1000]).map((n) => runChild(n, plain)));
        console.log(table(rows));
        console.log(
            [
                "",
                `node ${process.version}; each row is a fresh process; groups = users/20, permission sets = users/50, accounts = users/10.`,
                "wall ms: from declareIdentityCenter until every resource is registered with the mocks (module loading excluded).",
                "stacks: mapped = ts-node's source-mapped stack traces, as `pulumi up` runs a TypeScript program; plain = V8's own.",
            ].join("\n"),
        );
    }
}
