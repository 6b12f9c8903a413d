// `npm run bench`: what this package costs a program that uses it, against doing the same without it. Prints one
// table; no assertions (timings depend on the machine). See bench/README.md for the last recorded run.
//
//   node -r ts-node/register/transpile-only bench/run.ts [--quick] [--identity-center]
//
// Rows:
// 1. construction + registration under minimal Pulumi mocks: the ZeroTrustAwsSso component vs a hand-written program
//    declaring the same Access policy, Access application and SamlMetadata directly; 1 and 50 instances, measured
//    side by side in one fresh process, alternating which goes first, median of several repetitions;
// 2. the `__provider` text every SamlMetadata carries in state, serialized from this repo and from the installed
//    tarball (harness/consumerInstall.ts builds, packs and installs it);
// 3. import cost beyond the peer dependencies, in fresh processes from the consumer project;
// 4. the healthy-path metadata download: fetchMetadataDocument and retrieveSamlMetadata (download + parse + validate)
//    vs a bare https.get of the same loopback URL, in a fresh process that trusts the test CA.
// --identity-center also runs bench/identityCenterScale.ts (about a minute) and prints its table after this one.
// --quick uses fewer repetitions (for trying the script, not for recording figures).
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { consumerProject, installedProviderText } from "../harness/consumerInstall";

const REPO = path.resolve(__dirname, "..");
const QUICK = process.argv.includes("--quick");

/** Repetitions per measurement (each variant gets this many). */
const REPS = QUICK ? { construct1: 5, construct50: 3, imports: 3, fetch: 10 } : { construct1: 21, construct50: 7, imports: 11, fetch: 41 };

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function msSince(start: bigint): number {
    return Number(process.hrtime.bigint() - start) / 1e6;
}

function tsChild(args: string[]): string[] {
    return ["--expose-gc", "-r", "ts-node/register/transpile-only", __filename, ...(QUICK ? ["--quick"] : []), "--child", ...args];
}

function lastJsonLine<T>(stdout: string, what: string, stderr = ""): T {
    const line = stdout
        .split("\n")
        .reverse()
        .find((l) => l.startsWith("{"));
    if (!line) throw new Error(`${what} printed no result:\n${stdout}\n${stderr}`);
    return JSON.parse(line) as T;
}

// ---------------------------------------------------------------------------------------------------------------
// Row 1: the component vs the same resources declared by hand (child process)

const ACCOUNT_ID = "0123456789abcdef0123456789abcdef";
const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
const EMAILS = ["ada@example.com", "grace@example.com"];
const ATTRIBUTE = { name: "https://aws.amazon.com/SAML/Attributes/AccessControl:Team", source: "team" };
const ACCESS_APP = "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication";

type Program = "component" | "hand" | "wrapper";
const PROGRAMS: readonly Program[] = ["component", "hand", "wrapper"];

interface ConstructResult {
    sizes: { instances: number; ms: Record<Program, number[]>; registrations: Record<Program, number> }[];
    repoProvider: string;
}

// The wire form of an unknown value: what the mocked Access application computes in a preview.
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

async function constructChild(plainStacks: boolean, preview: boolean): Promise<ConstructResult> {
    // The SDK reads `new Error().stack` several times per resource; under ts-node each read is source-mapped, which
    // is most of the cost (see bench/identityCenterScale.ts). "plain" measures with V8's own formatter, as a
    // JavaScript or precompiled program runs; "ts-node" as `pulumi up` runs a TypeScript program.
    if (plainStacks) delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    // Loaded here, not at the top: the other processes of this bench (the parent, the download child) need no SDK.
    const sdk = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    const cloudflare = require("@pulumi/cloudflare") as typeof import("@pulumi/cloudflare");
    // Minimal mocks, nothing recorded but a count: no loopback team domain, no provider host. The Access application
    // gets fixed computed values so that the metadata URL resolves; the dynamic resource returns its inputs plus fixed
    // outputs (as its create would), so that the component's own outputs can be computed.
    let registrations = 0;
    let repoProvider = "";
    await sdk.runtime.setMocks(
        {
            newResource(r: pulumi.runtime.MockResourceArgs) {
                registrations++;
                if (r.type === ACCESS_APP && preview) {
                    // As a first `pulumi preview` sees it: Cloudflare has computed nothing yet.
                    return { id: UNKNOWN, state: { ...r.inputs, aud: UNKNOWN, saasApp: UNKNOWN } };
                }
                if (r.type === ACCESS_APP) {
                    const endpoint = `https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/${r.name}`;
                    return {
                        id: `${r.name}-id`,
                        state: {
                            ...r.inputs,
                            aud: r.name,
                            saasApp: {
                                ...r.inputs.saasApp,
                                ssoEndpoint: endpoint,
                                idpEntityId: `https://acme.cloudflareaccess.com/${r.name}`,
                                publicKey: "MIIB",
                            },
                        },
                    };
                }
                if (r.type.startsWith("pulumi-nodejs:dynamic")) {
                    repoProvider = r.inputs.__provider;
                    return {
                        id: r.inputs.url,
                        state: {
                            ...r.inputs,
                            xml: "<md:EntityDescriptor/>",
                            entityId: r.inputs.expectedEntityId,
                            ssoUrl: r.inputs.expectedSsoUrl,
                            signingCertificate: "-----BEGIN CERTIFICATE-----",
                            signingCertificateSha256: "AB:CD",
                            signingCertificateNotAfter: "2035-01-01T00:00:00.000Z",
                            warnings: [],
                            fetchedFrom: r.inputs.url,
                        },
                    };
                }
                return { id: `${r.name}-id`, state: r.inputs };
            },
            call: () => ({}),
        },
        "bench",
        "bench",
        preview,
    );
    // Imported after setMocks (docs/pulumi.md); importing creates nothing, but this keeps the rule simple.
    const { ZeroTrustAwsSso } = require("../components") as typeof import("../components");
    const { samlMetadataProvider } =
        require("../components/metadata/samlMetadataProvider") as typeof import("../components/metadata/samlMetadataProvider");

    const component = (name: string): pulumi.Resource[] => {
        const sso = new ZeroTrustAwsSso(name, {
            accountId: ACCOUNT_ID,
            awsIssuerUrl: ISSUER,
            awsAcsUrl: ACS,
            access: { emails: EMAILS },
            samlAttributes: [ATTRIBUTE],
            metadata: { allowedHosts: ["*.cloudflareaccess.com"] },
        });
        return [sso, sso.policy!, sso.application, sso.metadata];
    };
    // pulumi.dynamic.Resource is abstract: a user subclasses it, with nothing else in the class.
    class BareMetadata extends sdk.dynamic.Resource {}
    // What a user would write without the component: the same three resources and inputs, no checks, and the bare
    // dynamic resource (the same provider object, no typed outputs, only the inputs it needs).
    const hand = (name: string, opts: pulumi.CustomResourceOptions = {}): pulumi.Resource[] => {
        const policy = new cloudflare.ZeroTrustAccessPolicy(
            `${name}-policy`,
            {
                accountId: ACCOUNT_ID,
                name: `Amazon AWS - ${name}`,
                decision: "allow",
                includes: EMAILS.map((email) => ({ email: { email } })),
            },
            opts,
        );
        const app = new cloudflare.ZeroTrustAccessApplication(
            `${name}-app`,
            {
                accountId: ACCOUNT_ID,
                name: "Amazon AWS",
                type: "saas",
                saasApp: {
                    authType: "saml",
                    spEntityId: ISSUER,
                    consumerServiceUrl: ACS,
                    nameIdFormat: "email",
                    customAttributes: [
                        {
                            name: ATTRIBUTE.name,
                            nameFormat: "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
                            source: { name: ATTRIBUTE.source },
                        },
                    ],
                },
                policies: [{ id: policy.id, precedence: 1 }],
            },
            opts,
        );
        const ssoEndpoint = app.saasApp.apply((s) => s!.ssoEndpoint!);
        const metadata = new BareMetadata(
            samlMetadataProvider,
            `${name}-metadata`,
            {
                url: ssoEndpoint.apply((e) => `${e}/saml-metadata`),
                expectedEntityId: app.saasApp.apply((s) => s!.idpEntityId!),
                expectedSsoUrl: ssoEndpoint,
                expectedCertificate: app.saasApp.apply((s) => s!.publicKey!),
                allowedHosts: ["*.cloudflareaccess.com"],
            },
            opts,
        );
        return [policy, app, metadata];
    };
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
    const programs: Record<Program, (name: string) => pulumi.Resource[]> = { component, hand, wrapper };

    let serial = 0;
    const measure = async (kind: Program, instances: number): Promise<{ ms: number; registrations: number }> => {
        global.gc?.();
        const before = registrations;
        const started = process.hrtime.bigint();
        const resources = Array.from({ length: instances }, () => programs[kind](`${kind}-${serial++}`)).flat();
        // A resource is registered once its URN resolves.
        await new Promise<void>((resolve) => sdk.all(resources.map((r) => r.urn)).apply(() => resolve()));
        const ms = msSince(started);
        return { ms, registrations: (registrations - before) / instances };
    };

    // Warm-up, not measured: module JIT and the first serialization of the provider (cached per object afterwards).
    for (let i = 0; i < 3; i++) {
        for (const kind of PROGRAMS) await measure(kind, 1);
    }
    const sizes: ConstructResult["sizes"] = [];
    for (const [instances, reps] of [
        [1, REPS.construct1],
        [50, REPS.construct50],
    ] as const) {
        const row = {
            instances,
            ms: { component: [], hand: [], wrapper: [] } as Record<Program, number[]>,
            registrations: { component: 0, hand: 0, wrapper: 0 },
        };
        for (let rep = 0; rep < reps; rep++) {
            // Rotate which program goes first, so none always runs on a warmer (or more fragmented) heap.
            const order = PROGRAMS.map((_, i) => PROGRAMS[(i + rep) % PROGRAMS.length]);
            for (const kind of order) {
                const m = await measure(kind, instances);
                row.ms[kind].push(m.ms);
                row.registrations[kind] = m.registrations;
            }
        }
        sizes.push(row);
    }
    return { sizes, repoProvider };
}

// ---------------------------------------------------------------------------------------------------------------
// Row 3: import cost beyond the peer dependencies (fresh processes from the consumer project)

const IMPORT_PROBE = `
const started = process.hrtime.bigint();
require("@pulumi/pulumi");
require("@pulumi/cloudflare");
require("@pulumi/aws");
const peers = process.hrtime.bigint();
if (process.env.BENCH_PACKAGE) require(process.env.BENCH_PACKAGE);
const done = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ ms: Number(done - started) / 1e6, packageMs: Number(done - peers) / 1e6 }) + "\\n");
`;

function importCost(consumerDir: string, packageDir: string): { peers: number[]; withPackage: number[]; packageAlone: number[] } {
    const packageAlone: number[] = [];
    const once = (withPackage: boolean): number => {
        const run = spawnSync(process.execPath, ["--preserve-symlinks", "-e", IMPORT_PROBE], {
            cwd: consumerDir,
            encoding: "utf8",
            env: { PATH: process.env.PATH ?? "", ...(withPackage ? { BENCH_PACKAGE: packageDir } : {}) },
        });
        if (run.status !== 0) throw new Error(`import probe failed:\n${run.stderr}`);
        const probe = lastJsonLine<{ ms: number; packageMs: number }>(run.stdout, "import probe");
        if (withPackage) packageAlone.push(probe.packageMs);
        return probe.ms;
    };
    once(true); // warm the file system cache
    packageAlone.length = 0;
    const peers: number[] = [];
    const withPackage: number[] = [];
    for (let rep = 0; rep < REPS.imports; rep++) {
        if (rep % 2 === 0) {
            peers.push(once(false));
            withPackage.push(once(true));
        } else {
            withPackage.push(once(true));
            peers.push(once(false));
        }
    }
    return { peers, withPackage, packageAlone };
}

// ---------------------------------------------------------------------------------------------------------------
// Row 4: healthy-path metadata download (child process trusting the test CA; the server runs in the parent)

type FetchVariant = "fetch" | "retrieve" | "bare";
interface FetchResult {
    ms: Record<FetchVariant, number[]>;
    calls: Record<FetchVariant, number>;
    attempts: number[];
}

async function fetchChild(base: string, entityId: string, ssoUrl: string, certificate: string): Promise<FetchResult> {
    const { fetchMetadataDocument, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } =
        require("../components/metadata/metadataFetch") as typeof import("../components/metadata/metadataFetch");
    const { retrieveSamlMetadata } =
        require("../components/metadata/samlMetadataRetrieval") as typeof import("../components/metadata/samlMetadataRetrieval");
    const allowedHosts = [new URL(base).hostname];
    const result: FetchResult = { ms: { fetch: [], retrieve: [], bare: [] }, calls: { fetch: 0, retrieve: 0, bare: 0 }, attempts: [] };
    const run: Record<FetchVariant, () => Promise<unknown>> = {
        fetch: async () => {
            const doc = await fetchMetadataDocument(`${base}?via=fetch`, {
                allowedHosts,
                timeoutMs: DEFAULT_TIMEOUT_MS,
                retry: { ...DEFAULT_RETRY },
            });
            result.attempts.push(doc.attempts);
        },
        retrieve: () =>
            retrieveSamlMetadata(
                {
                    url: `${base}?via=retrieve`,
                    expectedEntityId: entityId,
                    expectedSsoUrl: ssoUrl,
                    expectedCertificate: certificate,
                    allowedHosts,
                },
                true,
            ),
        // The baseline: one GET, whole body read, nothing checked. A fresh connection like the component's
        // (agent: false), and the test CA trusted the same way (NODE_EXTRA_CA_CERTS).
        bare: () =>
            new Promise<string>((resolve, reject) => {
                https
                    .get(`${base}?via=bare`, { agent: false }, (res) => {
                        const chunks: Buffer[] = [];
                        res.on("data", (c: Buffer) => chunks.push(c));
                        res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
                        res.on("error", reject);
                    })
                    .on("error", reject);
            }),
    };
    const variants: FetchVariant[] = ["fetch", "retrieve", "bare"];
    const once = async (variant: FetchVariant): Promise<number> => {
        result.calls[variant]++;
        const started = process.hrtime.bigint();
        await run[variant]();
        return msSince(started);
    };
    for (let i = 0; i < 3; i++) for (const v of variants) await once(v); // warm-up
    for (let rep = 0; rep < REPS.fetch; rep++) {
        // Rotate the order each repetition.
        for (let k = 0; k < variants.length; k++) {
            const v = variants[(rep + k) % variants.length];
            result.ms[v].push(await once(v));
        }
    }
    return result;
}

async function metadataFetch(): Promise<{ result: FetchResult; requests: Record<FetchVariant, number> }> {
    const { loopbackTls, issueCertificate } = require("../harness/certificates") as typeof import("../harness/certificates");
    const { startLoopbackServer } = require("../harness/loopbackServer") as typeof import("../harness/loopbackServer");
    const { metadataDocument } = require("../harness/metadataDocument") as typeof import("../harness/metadataDocument");
    const tls = loopbackTls();
    const cert = issueCertificate({ commonName: "bench" });
    let xml = "";
    const server = await startLoopbackServer((req, res) => {
        if (!/^\/cdn-cgi\/access\/sso\/saml\/abc\/saml-metadata(\?|$)/.test(req.url ?? "")) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, { "content-type": "application/samlmetadata+xml" });
        res.end(xml);
    }, tls);
    const caDir = fs.mkdtempSync(path.join(os.tmpdir(), "ztas-bench-ca-"));
    try {
        const base = server.url("/cdn-cgi/access/sso/saml/abc/saml-metadata");
        const entityId = server.url("/abc");
        const ssoUrl = server.url("/cdn-cgi/access/sso/saml/abc");
        xml = metadataDocument({ entityId, ssoUrl, certificates: [cert.base64] });
        fs.writeFileSync(path.join(caDir, "ca.pem"), tls.ca.certPem);
        // Asynchronous spawn: the server answers from this process's event loop while the child runs.
        const child = spawn(process.execPath, tsChild(["fetch", base, entityId, ssoUrl]), {
            cwd: REPO,
            env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(caDir, "ca.pem"), BENCH_CERT: cert.certPem },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
        if (code !== 0) throw new Error(`the fetch bench failed (exit ${code}):\n${stderr}`);
        const result = lastJsonLine<FetchResult>(stdout, "the fetch bench", stderr);
        const requests: Record<FetchVariant, number> = { fetch: 0, retrieve: 0, bare: 0 };
        for (const r of server.requests) {
            const via = /[?&]via=(\w+)/.exec(r.path)?.[1] as FetchVariant | undefined;
            if (via && via in requests) requests[via]++;
        }
        return { result, requests };
    } finally {
        await server.close();
        fs.rmSync(caDir, { recursive: true, force: true });
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The table

function table(header: string[], rows: string[][]): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
    return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

async function main(): Promise<void> {
    const log = (msg: string): void => void process.stderr.write(`bench: ${msg}\n`);
    const started = Date.now();

    log("building, packing and installing the package into a consumer project");
    const consumer = consumerProject();
    const installed = installedProviderText();

    const built: Record<string, ConstructResult> = {};
    for (const [stacks, mode] of [
        ["ts-node", "preview"],
        ["ts-node", "deploy"],
        ["plain", "preview"],
        ["plain", "deploy"],
    ] as const) {
        log(
            `construction + registration, ${mode}, ${stacks} stacks (${REPS.construct1} x 1 and ${REPS.construct50} x 50 instances per program)`,
        );
        const construct = spawnSync(process.execPath, tsChild(["construct", stacks, mode]), {
            cwd: REPO,
            encoding: "utf8",
            maxBuffer: 64 * 2 ** 20,
        });
        if (construct.status !== 0) throw new Error(`the construction bench failed:\n${construct.stderr}`);
        built[`${mode}, ${stacks} stacks`] = lastJsonLine<ConstructResult>(construct.stdout, "the construction bench", construct.stderr);
    }

    log(`import cost (${REPS.imports} fresh processes per variant)`);
    const imports = importCost(consumer.dir, consumer.packageDir);

    log(`metadata download (${REPS.fetch} per variant)`);
    const fetched = await metadataFetch();

    const rows: string[][] = [];
    for (const [what, result] of Object.entries(built)) {
        for (const s of result.sizes) {
            const [c, h, w] = PROGRAMS.map((p) => median(s.ms[p]));
            rows.push([
                `1. construct + register, ${s.instances} instance${s.instances === 1 ? "" : "s"}, ${what} (ms)`,
                `${fmt(c)} (${s.registrations.component} reg./instance)`,
                `${fmt(h)} hand-written (${s.registrations.hand} reg./instance); floor ${fmt(w)} bare wrapper (${s.registrations.wrapper} reg.)`,
                `${(c / h).toFixed(2)}x (floor ${(w / h).toFixed(2)}x)`,
                `${s.ms.component.length} each`,
            ]);
        }
    }
    const repoProvider = built["deploy, ts-node stacks"].repoProvider;
    rows.push([
        "2. `__provider` size (bytes)",
        `${installed.length} installed`,
        `${repoProvider.length} from repo`,
        `${(installed.length / repoProvider.length).toFixed(3)}x`,
        "1",
    ]);
    const p = median(imports.peers);
    const w = median(imports.withPackage);
    const diff = w - p;
    rows.push([
        "3. import cost (ms)",
        `${fmt(w)} peers + package (package alone ${fmt(median(imports.packageAlone))})`,
        `${fmt(p)} peers only`,
        `${diff < 0 ? "-" : "+"}${fmt(Math.abs(diff))} ms`,
        `${imports.peers.length} each`,
    ]);
    const f = fetched.result;
    const perCall = (v: FetchVariant): string => (fetched.requests[v] / f.calls[v]).toFixed(2);
    const bare = median(f.ms.bare);
    for (const [variant, label] of [
        ["fetch", "fetchMetadataDocument"],
        ["retrieve", "retrieveSamlMetadata"],
    ] as const) {
        const m = median(f.ms[variant]);
        rows.push([
            `4. healthy download, ${label} (ms)`,
            `${fmt(m)} (${perCall(variant)} req./call)`,
            `${fmt(bare)} bare https.get (${perCall("bare")} req./call)`,
            `${(m / bare).toFixed(2)}x`,
            `${f.ms[variant].length} each`,
        ]);
    }

    console.log(table(["measure", "this package", "baseline", "ratio / diff", "n (median of)"], rows));
    console.log(
        `\nnode ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), ${new Date().toISOString()}, ` +
            `${((Date.now() - started) / 1000).toFixed(0)} s${QUICK ? ", --quick" : ""}`,
    );

    if (process.argv.includes("--identity-center")) {
        log("Identity Center scale (bench/identityCenterScale.ts, about a minute)");
        const ic = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "identityCenterScale.ts")], {
            cwd: REPO,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "inherit"],
        });
        if (ic.status !== 0) throw new Error("bench/identityCenterScale.ts failed");
        console.log(`\nIdentity Center scale:\n${ic.stdout}`);
    }
}

if (require.main === module) {
    const childAt = process.argv.indexOf("--child");
    const job =
        childAt < 0
            ? main().then(() => undefined)
            : process.argv[childAt + 1] === "construct"
              ? constructChild(process.argv[childAt + 2] === "plain", process.argv[childAt + 3] === "preview").then(
                    (r) => void process.stdout.write(`${JSON.stringify(r)}\n`),
                )
              : fetchChild(
                    process.argv[childAt + 2],
                    process.argv[childAt + 3],
                    process.argv[childAt + 4],
                    process.env.BENCH_CERT ?? "",
                ).then((r) => void process.stdout.write(`${JSON.stringify(r)}\n`));
    job.then(
        // Mocks and servers may keep handles open; the result is printed, so leave now.
        () => process.exit(0),
        (err: unknown) => {
            console.error(err);
            process.exit(1);
        },
    );
}
