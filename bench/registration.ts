// Row 1 of `npm run bench`: what declaring the ZeroTrustAwsSso component costs a program, against the same three
// resources written by hand, under minimal Pulumi mocks. See bench/README.md for what each program is and the last
// figures.
//
// Every measurement runs in a fresh process (`measureRegistration` below spawns this file), so that no program runs on
// a heap another one filled; the programs take turns going first. The component is the INSTALLED package: the tarball
// that harness/consumerInstall.ts packed and installed, loaded by its path as a consumer's program loads it (compiled
// JavaScript, no TypeScript source), sharing this repo's single @pulumi/pulumi.
//
//   node -r ts-node/register/transpile-only bench/registration.ts <ts-node|plain> <preview|deploy> <program> <instances> <times> <packageDir>
//   node -r ts-node/register/transpile-only bench/registration.ts --count <preview|deploy> <packageDir>
//   node -r ts-node/register/transpile-only bench/registration.ts --provider-text
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
// UNKNOWN: the wire form of an unknown value, what the mocked Access application computes in a preview.
import { UNKNOWN } from "../harness/wire";

const REPO = path.resolve(__dirname, "..");

/**
 * component: the installed ZeroTrustAwsSso. hand: the same three resources written by hand, the metadata as a
 * dynamic resource with the outputs a program reads (declared and seeded as Pulumi documents for dynamic providers).
 * wrapper: the floor, `hand` inside a bare component. bare: `hand` with a dynamic resource that declares no outputs
 * (cheaper, but a program cannot read the metadata from it); shown to price the typed outputs themselves.
 */
export type Program = "component" | "hand" | "wrapper" | "bare";
export const PROGRAMS: readonly Program[] = ["component", "hand", "wrapper", "bare"];

const ACCOUNT_ID = "0123456789abcdef0123456789abcdef";
const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
const EMAILS = ["ada@example.com", "grace@example.com"];
const ATTRIBUTE = { name: "https://aws.amazon.com/SAML/Attributes/AccessControl:Team", source: "team" };
const ACCESS_APP = "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication";

/** Minimal mocks, nothing recorded but a count and the last `__provider` text. */
interface Mocked {
    registrations: number;
    providerText: string;
}

// The Access application gets fixed computed values (unknown in a preview, as a first `pulumi preview` sees them); the
// dynamic resource returns its inputs plus fixed outputs, as its create would.
async function installMocks(sdk: typeof pulumi, preview: boolean): Promise<Mocked> {
    const mocked: Mocked = { registrations: 0, providerText: "" };
    const newResource = (r: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } => {
        mocked.registrations++;
        if (r.type === ACCESS_APP && preview) return { id: UNKNOWN, state: { ...r.inputs, aud: UNKNOWN, saasApp: UNKNOWN } };
        if (r.type === ACCESS_APP) {
            const endpoint = `https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/${r.name}`;
            const saasApp = {
                ...r.inputs.saasApp,
                ssoEndpoint: endpoint,
                idpEntityId: `https://acme.cloudflareaccess.com/${r.name}`,
                publicKey: "MIIB",
            };
            return { id: `${r.name}-id`, state: { ...r.inputs, aud: r.name, saasApp } };
        }
        if (!r.type.startsWith("pulumi-nodejs:dynamic")) return { id: `${r.name}-id`, state: r.inputs };
        mocked.providerText = r.inputs.__provider;
        const outputs = {
            xml: "<md:EntityDescriptor/>",
            entityId: r.inputs.expectedEntityId,
            ssoUrl: r.inputs.expectedSsoUrl,
            signingCertificate: "-----BEGIN CERTIFICATE-----",
            signingCertificateSha256: "AB:CD",
            signingCertificateNotAfter: "2035-01-01T00:00:00.000Z",
            warnings: [],
            fetchedFrom: r.inputs.url,
        };
        return { id: r.inputs.url, state: { ...r.inputs, ...outputs } };
    };
    await sdk.runtime.setMocks({ newResource, call: () => ({}) }, "bench", "bench", preview);
    return mocked;
}

/** The installed package, loaded by path; refuses to run if it would load a second @pulumi/pulumi. */
function loadInstalledPackage(packageDir: string): {
    component: typeof import("../components");
    provider: pulumi.dynamic.ResourceProvider;
} {
    const theirs = fs.realpathSync(require.resolve("@pulumi/pulumi", { paths: [packageDir] }));
    const ours = fs.realpathSync(require.resolve("@pulumi/pulumi"));
    if (theirs !== ours) throw new Error(`the installed package would load another @pulumi/pulumi (${theirs}, not ${ours})`);
    const component = require(packageDir) as typeof import("../components");
    // The provider object the installed SamlMetadata uses, so that both programs send the same `__provider` text.
    const { samlMetadataProvider } = require(
        path.join(packageDir, "dist/components/metadata/samlMetadataProvider.js"),
    ) as typeof import("../components/metadata/samlMetadataProvider");
    return { component, provider: samlMetadataProvider };
}

/** The four programs, each declaring one instance named `name` and returning every resource it declared. */
function programs(
    sdk: typeof pulumi,
    cloudflare: typeof import("@pulumi/cloudflare"),
    installed: ReturnType<typeof loadInstalledPackage>,
): Record<Program, (name: string, opts?: pulumi.CustomResourceOptions) => pulumi.Resource[]> {
    const component = (name: string): pulumi.Resource[] => {
        const sso = new installed.component.ZeroTrustAwsSso(name, {
            accountId: ACCOUNT_ID,
            awsIssuerUrl: ISSUER,
            awsAcsUrl: ACS,
            access: { emails: EMAILS },
            samlAttributes: [ATTRIBUTE],
            metadata: { allowedHosts: ["*.cloudflareaccess.com"] },
        });
        return [sso, sso.policy!, sso.application, sso.metadata];
    };
    const hand = handWritten(sdk, cloudflare, typedMetadata(sdk, installed.provider));
    // The floor: the same hand-written resources inside a bare component (what being a component costs at least).
    class Wrapper extends sdk.ComponentResource {
        readonly children: pulumi.Resource[];
        constructor(name: string) {
            super("bench:index:Wrapper", name, {});
            this.children = hand(name, { parent: this });
            this.registerOutputs({});
        }
    }
    const wrapper = (name: string): pulumi.Resource[] => {
        const w = new Wrapper(name);
        return [w, ...w.children];
    };
    // pulumi.dynamic.Resource is abstract: the bare one is a subclass with nothing in it.
    class BareMetadata extends sdk.dynamic.Resource {}
    const bare = handWritten(sdk, cloudflare, (name, inputs, opts) => new BareMetadata(installed.provider, name, inputs, opts));
    return { component, hand, wrapper, bare };
}

type DeclareMetadata = (name: string, inputs: pulumi.Inputs, opts: pulumi.CustomResourceOptions) => pulumi.Resource;

// The outputs SamlMetadata exposes; a dynamic resource gets typed outputs by passing each key as undefined
// (https://www.pulumi.com/docs/iac/concepts/resources/dynamic-providers/).
const METADATA_OUTPUTS = {
    xml: undefined,
    entityId: undefined,
    ssoUrl: undefined,
    signingCertificate: undefined,
    signingCertificateSha256: undefined,
    signingCertificateNotAfter: undefined,
    warnings: undefined,
    fetchedFrom: undefined,
};

/** A hand-written dynamic resource with the same provider object and the outputs a program reads. */
function typedMetadata(sdk: typeof pulumi, provider: pulumi.dynamic.ResourceProvider): DeclareMetadata {
    class HandMetadata extends sdk.dynamic.Resource {
        declare readonly xml: pulumi.Output<string>;
        declare readonly entityId: pulumi.Output<string>;
        declare readonly ssoUrl: pulumi.Output<string>;
        declare readonly signingCertificate: pulumi.Output<string>;
        declare readonly signingCertificateSha256: pulumi.Output<string>;
        declare readonly signingCertificateNotAfter: pulumi.Output<string>;
        declare readonly warnings: pulumi.Output<string[]>;
        declare readonly fetchedFrom: pulumi.Output<string>;
        constructor(name: string, inputs: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
            super(provider, name, { ...inputs, ...METADATA_OUTPUTS }, opts);
        }
    }
    return (name, inputs, opts) => new HandMetadata(name, inputs, opts);
}

/**
 * What a user would write without the component: the same three resources and inputs, no checks, the metadata
 * resource given only the inputs it needs.
 */
function handWritten(
    sdk: typeof pulumi,
    cloudflare: typeof import("@pulumi/cloudflare"),
    declareMetadata: DeclareMetadata,
): (name: string, opts?: pulumi.CustomResourceOptions) => pulumi.Resource[] {
    return (name, opts = {}) => {
        const includes = EMAILS.map((email) => ({ email: { email } }));
        const policy = new cloudflare.ZeroTrustAccessPolicy(
            `${name}-policy`,
            { accountId: ACCOUNT_ID, name: `Amazon AWS - ${name}`, decision: "allow", includes },
            opts,
        );
        const saasApp = {
            authType: "saml",
            spEntityId: ISSUER,
            consumerServiceUrl: ACS,
            nameIdFormat: "email",
            customAttributes: [
                { name: ATTRIBUTE.name, nameFormat: "urn:oasis:names:tc:SAML:2.0:attrname-format:uri", source: { name: ATTRIBUTE.source } },
            ],
        };
        const app = new cloudflare.ZeroTrustAccessApplication(
            `${name}-app`,
            { accountId: ACCOUNT_ID, name: "Amazon AWS", type: "saas", saasApp, policies: [{ id: policy.id, precedence: 1 }] },
            opts,
        );
        const ssoEndpoint = app.saasApp.apply((s) => s!.ssoEndpoint!);
        const metadataInputs = {
            url: ssoEndpoint.apply((e) => `${e}/saml-metadata`),
            expectedEntityId: app.saasApp.apply((s) => s!.idpEntityId!),
            expectedSsoUrl: ssoEndpoint,
            expectedCertificate: app.saasApp.apply((s) => s!.publicKey!),
            allowedHosts: ["*.cloudflareaccess.com"],
        };
        return [policy, app, declareMetadata(`${name}-metadata`, metadataInputs, opts)];
    };
}

/** Milliseconds from the first `new` until the mocks have answered every registration of `instances` instances. */
async function timeOnce(
    sdk: typeof pulumi,
    declare: (name: string) => pulumi.Resource[],
    instances: number,
    prefix: string,
): Promise<number> {
    global.gc?.();
    const started = process.hrtime.bigint();
    const resources = Array.from({ length: instances }, (_, i) => declare(`${prefix}-${i}`)).flat();
    // A resource is registered once its URN resolves.
    await new Promise<void>((resolve) => sdk.all(resources.map((r) => r.urn)).apply(() => resolve()));
    return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Loads the SDK and the programs; every program is warmed up the same way, whichever one is measured. */
async function prepare(preview: boolean, packageDir: string) {
    const sdk = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    const cloudflare = require("@pulumi/cloudflare") as typeof import("@pulumi/cloudflare");
    const mocked = await installMocks(sdk, preview);
    const declare = programs(sdk, cloudflare, loadInstalledPackage(packageDir));
    // Warm-up, not measured: module JIT and the first serialization of the provider (cached per object afterwards).
    for (let round = 0; round < 3; round++) {
        for (const program of PROGRAMS) await timeOnce(sdk, declare[program], 1, `warm-${round}-${program}`);
    }
    return { sdk, mocked, declare };
}

/** The measuring child: `times` measurements of `instances` instances of one program. */
async function measureChild(args: string[]): Promise<{ ms: number[]; registrations: number }> {
    const [stacks, mode, program, instances, times, packageDir] = args;
    // "plain" measures with V8's own stack formatter, as a JavaScript program runs; "ts-node" keeps the source-mapping
    // formatter ts-node installed, as `pulumi up` runs a TypeScript program (docs/pulumi.md).
    if (stacks === "plain") delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    const { sdk, mocked, declare } = await prepare(mode === "preview", packageDir);
    const ms: number[] = [];
    const before = mocked.registrations;
    for (let i = 0; i < Number(times); i++) ms.push(await timeOnce(sdk, declare[program as Program], Number(instances), `m${i}`));
    // Let the last registerOutputs calls finish, so that the SDK does not report them as leaked at exit.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { ms, registrations: (mocked.registrations - before) / (Number(instances) * Number(times)) };
}

/**
 * The counting child: per instance, the promises the SDK makes with a captured stack trace (its `debuggablePromise`,
 * which reads `new Error().stack`: most of the cost of a registration) and the `apply` calls, for each program. Not
 * timed: the counting itself wraps SDK functions.
 */
async function countChild(args: string[]): Promise<Record<Program, { stackPromises: number; applies: number }>> {
    const [mode, packageDir] = args;
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: (...a: unknown[]) => unknown };
    const { Output } = require("@pulumi/pulumi/output") as { Output: { prototype: { apply: (...a: unknown[]) => unknown } } };
    const counts = { stackPromises: 0, applies: 0 };
    const capture = debuggable.debuggablePromise;
    debuggable.debuggablePromise = (...a) => (counts.stackPromises++, capture(...a));
    const apply = Output.prototype.apply;
    Output.prototype.apply = function (this: unknown, ...a: unknown[]) {
        counts.applies++;
        return apply.apply(this, a);
    };
    const { sdk, declare } = await prepare(mode === "preview", packageDir);
    const result = {} as Record<Program, { stackPromises: number; applies: number }>;
    for (const program of PROGRAMS) {
        Object.assign(counts, { stackPromises: 0, applies: 0 });
        await timeOnce(sdk, declare[program], 10, `count-${program}`);
        // Let the registrations' last continuations run before reading the counts.
        await new Promise((resolve) => setTimeout(resolve, 100));
        result[program] = { stackPromises: Math.round(counts.stackPromises / 10), applies: Math.round(counts.applies / 10) };
    }
    return result;
}

/** The `__provider` text of a SamlMetadata declared from this repository's source (row 2 compares its size). */
async function providerTextChild(): Promise<string> {
    const sdk = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    const mocked = await installMocks(sdk, false);
    const { SamlMetadata } = require("../components") as typeof import("../components");
    const metadata = new SamlMetadata("repo", { url: "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/a/saml-metadata" });
    await new Promise<void>((resolve) => metadata.urn.apply(() => resolve()));
    return mocked.providerText;
}

// ---------------------------------------------------------------------------------------------------------------
// The parent side: spawns the children above

/** Row 1 for one stack mode and one deployment mode: per program, every measurement, and registrations per instance. */
export interface RegistrationResult {
    sizes: { instances: number; ms: Record<Program, number[]>; registrations: Record<Program, number> }[];
}

function child<T>(args: string[]): T {
    const run = spawnSync(process.execPath, ["--expose-gc", "-r", "ts-node/register/transpile-only", __filename, ...args], {
        cwd: REPO,
        encoding: "utf8",
        maxBuffer: 64 * 2 ** 20,
    });
    const line = run.stdout.split("\n").find((l) => l.startsWith("{") || l.startsWith('"'));
    if (run.status !== 0 || !line) throw new Error(`bench/registration.ts ${args.join(" ")} failed:\n${run.stderr}`);
    return JSON.parse(line) as T;
}

/**
 * Row 1 for one mode: 1 instance measured `reps.one` times in one fresh process per program, and 50 instances
 * measured once per fresh process, `reps.fifty` times per program, the programs taking turns going first.
 */
export function measureRegistration(
    stacks: "ts-node" | "plain",
    mode: "preview" | "deploy",
    packageDir: string,
    reps: { one: number; fifty: number },
): RegistrationResult {
    const empty = (): Record<Program, number[]> => ({ component: [], hand: [], wrapper: [], bare: [] });
    const size = (instances: number) => ({ instances, ms: empty(), registrations: { component: 0, hand: 0, wrapper: 0, bare: 0 } });
    const [one, fifty] = [size(1), size(50)];
    const record = (row: ReturnType<typeof size>, program: Program, run: { ms: number[]; registrations: number }): void => {
        row.ms[program].push(...run.ms);
        row.registrations[program] = run.registrations;
    };
    for (const program of PROGRAMS) {
        record(one, program, child([stacks, mode, program, "1", String(reps.one), packageDir]));
    }
    for (let rep = 0; rep < reps.fifty; rep++) {
        for (let k = 0; k < PROGRAMS.length; k++) {
            const program = PROGRAMS[(rep + k) % PROGRAMS.length];
            record(fifty, program, child([stacks, mode, program, "50", "1", packageDir]));
        }
    }
    return { sizes: [one, fifty] };
}

/** Stack-capturing promises and `apply` calls per instance, for each program (not timed). */
export function countRegistration(
    mode: "preview" | "deploy",
    packageDir: string,
): Record<Program, { stackPromises: number; applies: number }> {
    return child(["--count", mode, packageDir]);
}

/** The `__provider` text a SamlMetadata carries when declared from this repository's source. */
export function repoProviderText(): string {
    return child<string>(["--provider-text"]);
}

if (require.main === module) {
    const args = process.argv.slice(2);
    const job: Promise<unknown> =
        args[0] === "--count" ? countChild(args.slice(1)) : args[0] === "--provider-text" ? providerTextChild() : measureChild(args);
    job.then(
        // Mocks may keep handles open; the result is printed, so leave now.
        (result) => {
            process.stdout.write(`${JSON.stringify(result)}\n`);
            process.exit(0);
        },
        (err: unknown) => {
            console.error(err);
            process.exit(1);
        },
    );
}
