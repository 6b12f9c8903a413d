// The package as a consumer meets it: built, `npm pack`ed, and installed into a throwaway consumer project.
// Shared by tests/integration/package.test.ts, tests/integration/quietPreview.test.ts and bench/run.ts; the project is made once per process
// (building and packing take several seconds) and removed when the process exits.
//
// The consumer's node_modules is built the way npm lays it out, without network or copying 300 MB: the tarball is
// unpacked into node_modules/zero-trust-aws-sso, and every other package is a symlink into this repo's node_modules.
// Node runs with --preserve-symlinks so that each symlinked package resolves its own dependencies from the
// consumer's node_modules, exactly as a real install would (one @pulumi/pulumi, one set of mocks).
//
// .ci/installs.test.ts also runs tests/integration/package.test.ts against a project npm REALLY installed (the tarball with the
// lowest peer versions the ranges admit): ZTAS_CONSUMER_DIR and ZTAS_CONSUMER_TARBALL name it, and then only the
// program files are written into it.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** The package name, as consumers import it. */
export const PACKAGE_NAME = "zero-trust-aws-sso";

// The consumer program: the README's API, strict, including the optional arguments.
const CONSUMER_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { ZeroTrustAwsSso, SamlMetadata, type ZeroTrustAwsSsoArgs } from "zero-trust-aws-sso";

const args: ZeroTrustAwsSsoArgs = {
    accountId: "0123456789abcdef0123456789abcdef",
    awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890",
    awsAcsUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718",
    awsAccessPortalUrl: "https://d-1234567890.awsapps.com/start",
    access: { emails: ["ada@example.com"], emailDomains: ["example.com"], groupIds: [], policyIds: [] },
    allowedIdps: ["0b4d2c1e-0000-4000-8000-000000000001"],
    appName: "Amazon AWS",
    // Explicit undefined for optional arguments, which exactOptionalPropertyTypes accepts only when declared.
    sessionDuration: undefined,
    identityCenter: undefined,
    samlAttributes: [{ name: "https://aws.amazon.com/SAML/Attributes/AccessControl:Team", source: "team" }],
    metadata: { timeoutMs: 10000, retry: { attempts: 8, minDelayMs: 500, maxDelayMs: 10000 }, allowedHosts: ["localhost"] },
};
export const sso = new ZeroTrustAwsSso("aws", args, {});
export const standalone = new SamlMetadata("standalone", {
    url: sso.metadataUrl,
    expectedEntityId: sso.idpEntityId,
    allowedHosts: ["localhost"],
    timeoutMs: 5000,
    retry: { attempts: 2 },
    expectedSsoUrl: undefined,
});
export const fingerprint: pulumi.Output<string> = sso.signingCertificateSha256;
export const xml: pulumi.Output<string> = sso.metadataXml;
export const steps: pulumi.Output<string> = sso.awsSetupSteps;
export const notAfter: pulumi.Output<string> = standalone.signingCertificateNotAfter;
`;

// Runs the compiled consumer under mocks and prints each dynamic resource's __provider text as JSON.
const CONSUMER_RUNNER = `
const pulumi = require("@pulumi/pulumi");
const registered = [];
pulumi.runtime.setMocks({
    newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        if (args.type.startsWith("cloudflare:index/zeroTrustAccessApplication")) {
            const base = process.env.TEAM_DOMAIN;
            return { id: "app-id", state: { ...args.inputs, saasApp: { ...args.inputs.saasApp,
                ssoEndpoint: base + "/cdn-cgi/access/sso/saml/abc", idpEntityId: base + "/abc", publicKey: process.env.PUBLIC_KEY } } };
        }
        return { id: args.name + "-id", state: args.inputs };
    },
    call() { return {}; },
}, "consumer", "test", true).then(async () => {
    require("./index.js");
    await new Promise((r) => setTimeout(r, 1500));
    const dynamic = registered.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
    process.stdout.write(JSON.stringify(dynamic.map((r) => ({ name: r.name, provider: r.inputs.__provider }))));
});
`;

/** A consumer project with the packed package installed. */
export interface ConsumerProject {
    /** The project directory (a fresh temporary directory). */
    dir: string;
    /** The tarball `npm pack` wrote (inside `dir`). */
    tarball: string;
    /** The files in the tarball, sorted. */
    files: string[];
    /** Where the package is installed: `<dir>/node_modules/zero-trust-aws-sso`. */
    packageDir: string;
}

/** One dynamic resource of the consumer program, with the `__provider` text serialized from the installed package. */
export interface ConsumerDynamicResource {
    name: string;
    provider: string;
}

let project: ConsumerProject | undefined;
let compiled: SpawnSyncReturns<string> | undefined;
let lastRun: ConsumerDynamicResource[] | undefined;

/**
 * Packs the package (its prepack script builds it) and lays out a consumer project around the tarball; once per
 * process, later calls return the same project. The directory is removed when the process exits.
 */
export function consumerProject(): ConsumerProject {
    if (project) return project;
    const installed = installedConsumer();
    if (installed) return (project = installed);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ztas-consumer-"));
    process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    const { tarball, files } = packageTarball(dir);
    layOutConsumer(dir, tarball);
    project = { dir, tarball, files, packageDir: path.join(dir, "node_modules", PACKAGE_NAME) };
    return project;
}

/**
 * Compiles the consumer program (strict TypeScript) against the packed type declarations, once per process.
 * Returns tsc's result; the caller asserts on it.
 */
export function compileConsumer(): SpawnSyncReturns<string> {
    if (compiled) return compiled;
    const { dir } = consumerProject();
    // The consumer's own TypeScript when it installed one (harness/installChecks.ts does), else this repo's.
    const own = path.join(dir, "node_modules", "typescript", "bin", "tsc");
    const tsc = fs.existsSync(own) ? own : path.join(REPO, "node_modules", "typescript", "bin", "tsc");
    compiled = spawnSync(process.execPath, ["--preserve-symlinks", tsc, "-p", dir], { cwd: dir, encoding: "utf8" });
    return compiled;
}

/**
 * Runs the compiled consumer program under mocks (compiling it first if needed) and returns its dynamic resources
 * with their `__provider` texts. `teamDomain` and `publicKey` are what the mocked Access application computes; the
 * provider texts do not depend on them.
 */
export function runConsumer(env: { teamDomain?: string; publicKey?: string } = {}): ConsumerDynamicResource[] {
    const tsc = compileConsumer();
    if (tsc.status !== 0) throw new Error(`the consumer program does not compile:\n${tsc.stdout}${tsc.stderr}`);
    const { dir } = consumerProject();
    const run = spawnSync(process.execPath, ["--preserve-symlinks", "--preserve-symlinks-main", "run.js"], {
        cwd: dir,
        encoding: "utf8",
        env: {
            PATH: process.env.PATH ?? "",
            TEAM_DOMAIN: env.teamDomain ?? "https://localhost:8443",
            PUBLIC_KEY: env.publicKey ?? "",
        },
    });
    if (run.status !== 0) throw new Error(`the consumer program failed (exit ${run.status}):\n${run.stderr}`);
    lastRun = JSON.parse(run.stdout) as ConsumerDynamicResource[];
    return lastRun;
}

/**
 * The `__provider` text serialized from the installed package. Reuses this process's last consumer run when there
 * was one (the text does not depend on the run's environment), so suites that only need the text cost nothing extra.
 */
export function installedProviderText(): string {
    const dynamic = lastRun ?? runConsumer();
    const texts = new Set(dynamic.map((d) => d.provider));
    if (dynamic.length === 0 || texts.size !== 1 || typeof dynamic[0].provider !== "string") {
        throw new Error(`expected one __provider text shared by every SamlMetadata, got ${texts.size} from ${dynamic.length} resources`);
    }
    return dynamic[0].provider;
}

/**
 * A consumer project that npm really installed (harness/installChecks.ts: the tarball plus the lowest peer versions
 * the ranges admit), named by ZTAS_CONSUMER_DIR and ZTAS_CONSUMER_TARBALL; the program files are written into it and
 * its own node_modules is used as it is. Undefined when those variables are not set.
 */
function installedConsumer(): ConsumerProject | undefined {
    const dir = process.env.ZTAS_CONSUMER_DIR;
    const tarball = process.env.ZTAS_CONSUMER_TARBALL;
    if (!dir || !tarball) return undefined;
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" });
    const files = listing
        .split("\n")
        .filter((f) => f.startsWith("package/") && !f.endsWith("/"))
        .map((f) => f.slice("package/".length))
        .sort();
    writeConsumerProgram(dir);
    return { dir, tarball, files, packageDir: path.join(dir, "node_modules", PACKAGE_NAME) };
}

function packageTarball(outDir: string): { tarball: string; files: string[] } {
    // No separate build: `npm pack` runs the package's prepack script (a clean build), as it does on publish, so
    // this also proves that a fresh checkout packs a complete package.
    const json = execFileSync(NPM, ["pack", "--json", "--pack-destination", outDir], {
        cwd: REPO,
        stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    const [info] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
    return { tarball: path.join(outDir, info.filename), files: info.files.map((f) => f.path).sort() };
}

function layOutConsumer(dir: string, tarball: string): void {
    const modules = path.join(dir, "node_modules");
    fs.mkdirSync(path.join(modules, PACKAGE_NAME), { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", path.join(modules, PACKAGE_NAME), "--strip-components=1"]);
    for (const entry of fs.readdirSync(path.join(REPO, "node_modules"))) {
        if (entry === ".bin" || entry === ".package-lock.json" || entry === PACKAGE_NAME) continue;
        fs.symlinkSync(path.join(REPO, "node_modules", entry), path.join(modules, entry));
    }
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "consumer", private: true, type: "commonjs", main: "index.js" }),
    );
    writeConsumerProgram(dir);
}

function writeConsumerProgram(dir: string): void {
    fs.writeFileSync(path.join(dir, "index.ts"), CONSUMER_PROGRAM);
    fs.writeFileSync(path.join(dir, "run.js"), CONSUMER_RUNNER);
    fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
            compilerOptions: {
                strict: true,
                // A consumer with the strictest optional-property checking still compiles: every optional
                // argument of the public API also accepts an explicit `undefined`.
                exactOptionalPropertyTypes: true,
                target: "ES2022",
                module: "node16",
                moduleResolution: "node16",
                esModuleInterop: true,
                skipLibCheck: true,
                types: ["node"],
                outDir: ".",
            },
            files: ["index.ts"],
        }),
    );
}

// ------------------------------------------------------------------------------------------------------------------
// The README as a consumer reads it: its program ("Use it in your ops repository") and its mocha test ("Testing your
// own program"), copied verbatim into a project next to the installed package. The program's values are replaced
// as a user replaces them (the README's own are placeholders); nothing else is changed.

/** A Markdown section's first ```ts block: the text between `heading` and the next heading of the same level. */
export function readmeCodeBlock(heading: string): string {
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const start = readme.indexOf(`${heading}\n`);
    if (start < 0) throw new Error(`README.md has no "${heading}" section`);
    const level = /^#+/.exec(heading)![0];
    const rest = readme.slice(start + heading.length);
    const end = rest.search(new RegExp(`\\n${level} `));
    const section = end < 0 ? rest : rest.slice(0, end);
    const block = /```ts\n([\s\S]*?)```/.exec(section);
    if (!block) throw new Error(`README.md's "${heading}" section has no ts code block`);
    return block[1];
}

/** The values a user puts in place of the README's placeholders. */
const OWN_VALUES: Record<string, string> = {
    accountId: "5c0b2a1f9e8d7c6b5a4f3e2d1c0b9a8f",
    awsIssuerUrl: "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93677a1b2c",
    awsAcsUrl: "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/7d6c5b4a-3f2e-4d1c-8b9a-0f1e2d3c4b5a",
    awsAccessPortalUrl: "https://d-93677a1b2c.awsapps.com/start",
};

// The plain mock of Pulumi's testing guide, in a preview: no error, and the values Cloudflare computes stay unknown.
const ECHO_PREVIEW_TEST = `
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";

describe("an echo-the-inputs mock", function () {
    this.timeout(60000);
    const rejections: unknown[] = [];
    it("previews the program without an error; computed values stay unknown", async () => {
        process.on("unhandledRejection", (err) => rejections.push(err));
        await pulumi.runtime.setMocks(
            { newResource: (a) => ({ id: a.name + "_id", state: a.inputs }), call: (a) => a.inputs },
            "my-project",
            "dev",
            true,
        );
        const program = await import("../index");
        let ran = false;
        program.metadataXml.apply(() => (ran = true));
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.deepEqual(rejections.map(String), []);
        assert.equal(ran, false);
    });
});
`;

/** Lays out `<consumer>/readme` with the README's program and test (and the echo test); returns its directory. */
export function readmeConsumer(): string {
    const { dir } = consumerProject();
    const project = path.join(dir, "readme");
    if (fs.existsSync(project)) return project;
    fs.mkdirSync(path.join(project, "tests"), { recursive: true });
    let program = readmeCodeBlock("## Use it in your ops repository");
    for (const [key, value] of Object.entries(OWN_VALUES)) {
        program = program.replace(new RegExp(`${key}: "[^"]*"`), `${key}: "${value}"`);
    }
    fs.writeFileSync(path.join(project, "index.ts"), program);
    fs.writeFileSync(path.join(project, "tests", "program.test.ts"), readmeCodeBlock("### Testing your own program"));
    fs.writeFileSync(path.join(project, "tests", "echo.test.ts"), ECHO_PREVIEW_TEST);
    fs.writeFileSync(
        path.join(project, "tsconfig.json"),
        JSON.stringify({
            compilerOptions: {
                strict: true,
                target: "ES2022",
                module: "commonjs",
                esModuleInterop: true,
                types: ["node", "mocha"],
                noEmit: true,
            },
            include: ["index.ts", "tests/*.ts"],
        }),
    );
    return project;
}

/** Type-checks the README consumer (strict) against the packed declarations. */
export function compileReadmeConsumer(): SpawnSyncReturns<string> {
    const project = readmeConsumer();
    const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
    return spawnSync(process.execPath, ["--preserve-symlinks", tsc, "-p", project], { cwd: project, encoding: "utf8" });
}

/** Runs one of the README consumer's test files with mocha, in a fresh process, as `pulumi up` or `preview` would. */
export function runReadmeTest(file: string, preview: boolean): SpawnSyncReturns<string> {
    const project = readmeConsumer();
    const mocha = path.join(path.dirname(project), "node_modules", "mocha", "bin", "mocha.js");
    return spawnSync(
        process.execPath,
        ["--preserve-symlinks", "--preserve-symlinks-main", mocha, "--no-config", "-r", "ts-node/register/transpile-only", file],
        { cwd: project, encoding: "utf8", env: { PATH: process.env.PATH ?? "", PREVIEW: String(preview) } },
    );
}
