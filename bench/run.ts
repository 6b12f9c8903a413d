// `npm run bench`: what this package costs a program that uses it, against doing the same without it. Prints one
// table; no assertions (timings depend on the machine). See bench/README.md for the last recorded run.
//
//   node -r ts-node/register/transpile-only bench/run.ts [--quick] [--deploy] [--identity-center]
//
// Rows:
// 1. construction + registration in a preview under minimal Pulumi mocks (bench/registration.ts): the installed
//    ZeroTrustAwsSso component vs the same Access policy, Access application and a dynamic resource with typed
//    outputs written by hand, the floor (those inside a bare component) and the same without outputs; 1 and 50
//    instances, every 50-instance measurement in a fresh process, the programs taking turns going first, medians;
//    plus what the SDK does per instance (counted).
//    --deploy also measures deploy mode;
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
import { consumerProject, installedProviderText } from "../harness/consumerInstall";
import { countRegistration, measureRegistration, PROGRAMS, repoProviderText, type Program, type RegistrationResult } from "./registration";

const REPO = path.resolve(__dirname, "..");
const QUICK = process.argv.includes("--quick");

/** Repetitions per measurement (each variant gets this many). */
const REPS = QUICK ? { construct1: 5, construct50: 3, imports: 3, fetch: 10 } : { construct1: 21, construct50: 11, imports: 11, fetch: 41 };

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

const log = (msg: string): void => void process.stderr.write(`bench: ${msg}\n`);

/** Row 1, timed: preview (and deploy with --deploy), ts-node and plain stacks. */
function registrationRuns(packageDir: string): Record<string, RegistrationResult> {
    const built: Record<string, RegistrationResult> = {};
    const modes = process.argv.includes("--deploy") ? (["preview", "deploy"] as const) : (["preview"] as const);
    for (const mode of modes) {
        for (const stacks of ["ts-node", "plain"] as const) {
            log(
                `construction + registration, ${mode}, ${stacks} stacks (1 instance x ${REPS.construct1} per program in one process; ` +
                    `50 instances in ${REPS.construct50} fresh processes per program)`,
            );
            const reps = { one: REPS.construct1, fifty: REPS.construct50 };
            built[`${mode}, ${stacks} stacks`] = measureRegistration(stacks, mode, packageDir, reps);
        }
    }
    return built;
}

function registrationRows(built: Record<string, RegistrationResult>, counts: ReturnType<typeof countRegistration>): string[][] {
    const rows: string[][] = [];
    for (const [what, result] of Object.entries(built)) {
        for (const s of result.sizes) {
            const [c, h, w, b] = PROGRAMS.map((p) => median(s.ms[p]));
            const reg = s.registrations;
            rows.push([
                `1. construct + register, ${s.instances} instance${s.instances === 1 ? "" : "s"}, ${what} (ms)`,
                `${fmt(c)} (${reg.component} reg./instance)`,
                `${fmt(h)} hand-written (${reg.hand} reg.); floor ${fmt(w)} wrapped (${reg.wrapper} reg.); ${fmt(b)} without outputs`,
                `${(c / h).toFixed(2)}x (floor ${(w / h).toFixed(2)}x; ${(c / b).toFixed(2)}x without outputs)`,
                `${s.ms.component.length} each`,
            ]);
        }
    }
    const count = (p: Program): string => `${counts[p].stackPromises} / ${counts[p].applies}`;
    const countRatio = (p: Program): string => (counts[p].stackPromises / counts.hand.stackPromises).toFixed(2);
    rows.push([
        "1. stack-capturing promises / applies per instance, preview",
        count("component"),
        `${count("hand")} hand-written; floor ${count("wrapper")}; ${count("bare")} without outputs`,
        `${countRatio("component")}x (floor ${countRatio("wrapper")}x)`,
        "counted",
    ]);
    return rows;
}

function importRow(imports: ReturnType<typeof importCost>): string[] {
    const p = median(imports.peers);
    const w = median(imports.withPackage);
    const diff = w - p;
    return [
        "3. import cost (ms)",
        `${fmt(w)} peers + package (package alone ${fmt(median(imports.packageAlone))})`,
        `${fmt(p)} peers only`,
        `${diff < 0 ? "-" : "+"}${fmt(Math.abs(diff))} ms`,
        `${imports.peers.length} each`,
    ];
}

function fetchRows(fetched: Awaited<ReturnType<typeof metadataFetch>>): string[][] {
    const f = fetched.result;
    const perCall = (v: FetchVariant): string => (fetched.requests[v] / f.calls[v]).toFixed(2);
    const bare = median(f.ms.bare);
    return (
        [
            ["fetch", "fetchMetadataDocument"],
            ["retrieve", "retrieveSamlMetadata"],
        ] as const
    ).map(([variant, label]) => {
        const m = median(f.ms[variant]);
        return [
            `4. healthy download, ${label} (ms)`,
            `${fmt(m)} (${perCall(variant)} req./call)`,
            `${fmt(bare)} bare https.get (${perCall("bare")} req./call)`,
            `${(m / bare).toFixed(2)}x`,
            `${f.ms[variant].length} each`,
        ];
    });
}

async function main(): Promise<void> {
    const started = Date.now();
    log("building, packing and installing the package into a consumer project");
    const consumer = consumerProject();
    const installed = installedProviderText();
    const built = registrationRuns(consumer.packageDir);
    log("stack-capturing promises and applies per instance (counted, not timed)");
    const counts = countRegistration("preview", consumer.packageDir);
    const repoProvider = repoProviderText();
    log(`import cost (${REPS.imports} fresh processes per variant)`);
    const imports = importCost(consumer.dir, consumer.packageDir);
    log(`metadata download (${REPS.fetch} per variant)`);
    const fetched = await metadataFetch();

    const providerRow = [
        "2. `__provider` size (bytes)",
        `${installed.length} installed`,
        `${repoProvider.length} from repo`,
        `${(installed.length / repoProvider.length).toFixed(3)}x`,
        "1",
    ];
    const rows = [...registrationRows(built, counts), providerRow, importRow(imports), ...fetchRows(fetched)];
    console.log(table(["measure", "this package", "baseline", "ratio / diff", "n (median of)"], rows));
    console.log(
        `\nnode ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), ${new Date().toISOString()}, ` +
            `${((Date.now() - started) / 1000).toFixed(0)} s${QUICK ? ", --quick" : ""}`,
    );
    if (process.argv.includes("--identity-center")) identityCenterTable();
}

function identityCenterTable(): void {
    log("Identity Center scale (bench/identityCenterScale.ts, about a minute)");
    const ic = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "identityCenterScale.ts")], {
        cwd: REPO,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
    });
    if (ic.status !== 0) throw new Error("bench/identityCenterScale.ts failed");
    console.log(`\nIdentity Center scale:\n${ic.stdout}`);
}

if (require.main === module) {
    const childAt = process.argv.indexOf("--child");
    const job =
        childAt < 0
            ? main().then(() => undefined)
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
