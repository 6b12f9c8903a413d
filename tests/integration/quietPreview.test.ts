// Quiet previews: running `pulumi preview` on an unchanged program must show no change. The engine compares every
// resource's inputs with the state; anything that differs between two runs of the same program (an order that
// depends on a list, a time, a random value, a path of the machine, a `__provider` text that changes) shows as `~`
// in every preview, hides the real changes, and fails `pulumi preview --expect-no-changes` (docs/pulumi.md,
// pulumi/pulumi#12401).
//
// The program is built in FRESH processes (harness/quietPreviewRun.ts: nothing cached, as each `pulumi preview`
// starts a new Node process) and every registration is compared byte for byte, `__provider` included. Preview mode
// is the one to use: outside preview the mocked Access application computes values that cannot repeat across
// processes (the loopback team domain's ephemeral port, a freshly issued certificate), and they flow into
// SamlMetadata's inputs; in preview they are unknown, as they are in a real first preview.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { installedProviderText } from "../../harness/consumerInstall";
import { quietPreviewArgs, shuffledArgs, type PrintedRegistration } from "../../harness/quietPreviewRun";
import type { ZeroTrustAwsSsoArgs } from "../../components";

const REPO = path.resolve(__dirname, "..", "..");
const RUNNER = path.join(__dirname, "..", "..", "harness", "quietPreviewRun.ts");
const DYNAMIC = "pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata";
const SHUFFLE_SEED = 20240611;

/** Runs the program in a fresh process; resolves with its stdout (the registrations as JSON). */
function previewInFreshProcess(extraArgs: string[] = []): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", RUNNER, ...extraArgs], {
            cwd: REPO,
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) =>
            code === 0 ? resolve(stdout) : reject(new Error(`quietPreviewRun ${extraArgs.join(" ")} exited with ${code}:\n${stderr}`)),
        );
    });
}

// The two plain runs, shared by both suites below (each process costs ~2 s, mostly loading @pulumi/pulumi).
let plainRuns: Promise<[string, string]> | undefined;
function twoFreshPreviews(): Promise<[string, string]> {
    plainRuns ??= Promise.all([previewInFreshProcess(), previewInFreshProcess()]);
    return plainRuns;
}

/** Fails with the first registration that differs, so a failure says what is noisy. */
function assertSameRegistrations(actual: string, expected: string, what: string): void {
    if (actual === expected) return;
    const a = JSON.parse(actual) as PrintedRegistration[];
    const e = JSON.parse(expected) as PrintedRegistration[];
    const at = e.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(a[i]));
    const show = (r?: PrintedRegistration): string => {
        if (!r) return "(nothing)";
        const { __provider, ...inputs } = r.inputs;
        return `${r.type} ${r.name} ${JSON.stringify(inputs)}${__provider === undefined ? "" : ` __provider(${String(__provider).length} chars)`}`;
    };
    assert.fail(
        `${what}: the registrations differ (${a.length} vs ${e.length}); first difference at #${at < 0 ? e.length : at}:\n` +
            `  got      ${show(a[at < 0 ? e.length : at])}\n  expected ${show(e[at < 0 ? e.length : at])}`,
    );
}

/** Every list of the arguments, keyed by a path that names entries by their key (not position). */
function listsOf(args: ZeroTrustAwsSsoArgs): Map<string, string[]> {
    const lists = new Map<string, string[]>();
    const put = (key: string, values: unknown[] | undefined): void => {
        if (values)
            lists.set(
                key,
                values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
            );
    };
    put("access.emails", args.access?.emails);
    put("access.emailDomains", args.access?.emailDomains);
    put("access.groupIds", args.access?.groupIds);
    put("access.policyIds", args.access?.policyIds);
    const ic = args.identityCenter!;
    put(
        "identityCenter.users",
        ic.users.map((u) => u.email),
    );
    put(
        "identityCenter.groups",
        ic.groups?.map((g) => g.name),
    );
    for (const g of ic.groups ?? []) put(`identityCenter.groups[${g.name}].members`, g.members);
    put(
        "identityCenter.permissionSets",
        ic.permissionSets?.map((p) => p.name),
    );
    for (const p of ic.permissionSets ?? []) put(`identityCenter.permissionSets[${p.name}].managedPolicyArns`, p.managedPolicyArns);
    put(
        "identityCenter.assignments",
        ic.assignments?.map((a) => a.permissionSet),
    );
    for (const a of ic.assignments ?? []) {
        put(`identityCenter.assignments[${a.permissionSet}].accountIds`, a.accountIds);
        put(`identityCenter.assignments[${a.permissionSet}].groups`, a.groups);
        put(`identityCenter.assignments[${a.permissionSet}].users`, a.users);
    }
    return lists;
}

describe("quiet previews: an unchanged program registers identical inputs", function () {
    this.timeout(120000);
    let first: string;
    let second: string;
    let shuffled: string;

    before(async () => {
        // Three fresh processes at once.
        [[first, second], shuffled] = await Promise.all([twoFreshPreviews(), previewInFreshProcess(["--shuffle", String(SHUFFLE_SEED)])]);
    });

    it("registers everything the root-style program declares, with the provider text in its inputs", () => {
        const registrations = JSON.parse(first) as PrintedRegistration[];
        const names = registrations.map((r) => r.name);
        assert.equal(new Set(registrations.map((r) => `${r.type} ${r.name}`)).size, registrations.length, "no registration twice");
        for (const name of [
            "aws",
            "aws-policy",
            "aws-app",
            "aws-metadata",
            "aws-user-grace@example.org",
            "aws-group-platform",
            "aws-permission-set-ReadOnly",
            "aws-inline-policy-ReadOnly",
        ]) {
            assert.ok(names.includes(name), `${name} is registered`);
        }
        // 4 users, 3 groups, 7 memberships, 3 permission sets, 5 managed policies, 1 inline policy, 17 assignments.
        assert.equal(registrations.filter((r) => r.type.startsWith("aws:")).length, 40);
        const metadata = registrations.filter((r) => r.type === DYNAMIC);
        assert.equal(metadata.length, 1);
        assert.equal(typeof metadata[0].inputs.__provider, "string");
        // The Access application's computed values are unknown in a first preview, so nothing machine-specific is left.
        assert.equal(metadata[0].inputs.url, "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    });

    it("is byte-identical in two fresh processes, __provider included", () => {
        assertSameRegistrations(second, first, "second run");
    });

    it("is byte-identical when every order-insensitive list is shuffled (policyIds keep their order: it is precedence)", () => {
        // The shuffled run really saw other orders: every list of two or more entries moved, except policyIds.
        const original = listsOf(quietPreviewArgs());
        const mixed = listsOf(shuffledArgs(quietPreviewArgs(), SHUFFLE_SEED));
        assert.deepEqual([...mixed.keys()].sort(), [...original.keys()].sort());
        for (const [key, values] of original) {
            const other = mixed.get(key)!;
            assert.deepEqual([...other].sort(), [...values].sort(), `${key} holds the same entries`);
            if (key === "access.policyIds") assert.deepEqual(other, values, "policyIds are not shuffled");
            else if (values.length > 1) assert.notDeepEqual(other, values, `${key} was shuffled`);
        }
        assertSameRegistrations(shuffled, first, "shuffled run");
    });
});

// The dynamic provider is serialized into `__provider` by Pulumi's closure serializer, which copies functions from
// files outside node_modules BY VALUE and turns modules inside node_modules into a `require` (docs/pulumi.md, "Dynamic providers"). So:
// - from this repo (a checkout used as the Pulumi program), samlMetadataRetrieval.ts, metadataFetch.ts,
//   samlMetadataDocument.ts and signingCertificate.ts are copied into the text, function by function (~60 KB);
//   only Node built-ins and @xmldom/xmldom are required;
// - from the installed package, the same provider methods capture `require("zero-trust-aws-sso/runtime/
//   samlMetadataRetrieval")` (the exports map publishes ./runtime/*) and nothing is copied (~3 KB), so the text
//   does not change when the package is upgraded.
// The provider methods themselves (check, diff, create, read, update, delete) are the same text in both; only how
// they reach `samlMetadataRetrieval_1` differs.
describe("__provider: from this repo and from the installed package", function () {
    this.timeout(180000);
    let repoTexts: string[];
    let installed: string;

    before(async () => {
        // The two fresh processes of the suite above (started here when this suite runs alone, e.g. with --grep).
        const runs = await twoFreshPreviews();
        repoTexts = runs.map((out) => {
            const metadata = (JSON.parse(out) as PrintedRegistration[]).filter((r) => r.type === DYNAMIC);
            assert.equal(metadata.length, 1);
            return String(metadata[0].inputs.__provider);
        });
        // Builds, packs and installs the package unless package.test.ts already did in this process.
        installed = installedProviderText();
    });

    it("from the repo: the same text in two fresh processes; neither text names a path of this machine", () => {
        assert.equal(repoTexts[1], repoTexts[0], "the __provider text is stable across processes");
        for (const text of [repoTexts[0], installed]) {
            const paths = [REPO, "/work/", os.tmpdir() + path.sep, os.homedir().length > 1 ? os.homedir() + path.sep : undefined];
            for (const p of paths.filter((x): x is string => x !== undefined)) {
                assert.ok(!text.includes(p), `__provider contains the local path ${p}`);
            }
        }
    });

    it("from the repo it holds the retrieval, fetch and parse functions by value; installed, one require instead", () => {
        const repo = repoTexts[0];
        console.log(`      __provider: ${repo.length} bytes from the repo, ${installed.length} bytes installed`);

        // By value from the repo: the module's functions, each as its own top-level function.
        const byValue = declaredFunctions(repo);
        for (const fn of [
            "retrieveSamlMetadata",
            "checkSamlMetadataInputs",
            "diffSamlMetadataInputs",
            "fetchMetadataDocument",
            "parseSamlMetadata",
            "readCertificate",
        ]) {
            assert.ok(byValue.includes(fn), `the repo text defines ${fn}`);
        }
        assert.match(repo, /async function \/\*fetchMetadataDocument\*\/\(url, options\)/);
        assert.deepEqual(
            requiresOf(repo),
            ["@xmldom/xmldom/lib/index.js", "crypto", "http", "https"],
            "the repo text requires only built-ins and xmldom",
        );

        // Installed: exactly one require, of the package's runtime entry, and none of those functions.
        assert.deepEqual(requiresOf(installed), ["zero-trust-aws-sso/runtime/samlMetadataRetrieval"]);
        assert.ok(installed.includes('require("zero-trust-aws-sso/runtime/samlMetadataRetrieval")'));
        assert.deepEqual(declaredFunctions(installed), [], "the installed text copies no module function");
        for (const fn of byValue) {
            assert.ok(!installed.includes(`/*${fn}*/`), `the installed text holds no body of ${fn}`);
        }

        // The provider methods are the same text in both.
        const repoMethods = providerMethods(repo);
        const installedMethods = providerMethods(installed);
        assert.deepEqual(Object.keys(repoMethods).sort(), ["check", "create", "delete", "diff", "read", "update"]);
        assert.deepEqual(installedMethods, repoMethods);
    });
});

// The by-value functions of a serialized text: `function __name(` other than the serializer's own `__f<n>`.
function declaredFunctions(text: string): string[] {
    return [...text.matchAll(/^function __(\w+)\(/gm)]
        .map((m) => m[1])
        .filter((n) => !/^f\d+$/.test(n))
        .sort();
}

function requiresOf(text: string): string[] {
    return [...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
}

// The serializer wraps each function as `return async function /*name*/(...) {...};` inside a `with` block.
function providerMethods(text: string): Record<string, string> {
    const methods: Record<string, string> = {};
    for (const m of text.matchAll(
        /^return (async function \/\*(check|diff|create|read|update|delete)\*\/[\s\S]*?)\n\n {4}\}\n {2}\}\)\.apply/gm,
    )) {
        methods[m[2]] = m[1];
    }
    return methods;
}
