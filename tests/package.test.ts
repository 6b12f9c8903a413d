// The package as a consumer meets it: `npm pack` holds only what a consumer needs, a strict TypeScript program
// using the public API compiles against the packed .d.ts, and the SamlMetadata provider serialized from the
// INSTALLED package (not from this repo) loads in a fresh host process and validates metadata from loopback.
//
// The consumer's node_modules is built the way npm lays it out, without network or copying 300 MB: the tarball
// is unpacked into node_modules/zero-trust-aws-sso, and every other package is a symlink into this repo's
// node_modules. Node runs with --preserve-symlinks so that each symlinked package resolves its own dependencies
// from the consumer's node_modules, exactly as a real install would (one @pulumi/pulumi, one set of mocks).
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { issueCertificate } from "./harness/certificates";
import { metadataDocument } from "./harness/metadataDocument";
import { startLoopbackServer, type LoopbackServer } from "./harness/loopbackServer";
import { startProviderHost } from "./harness/providerHost";

const REPO = path.resolve(__dirname, "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

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

function packageTarball(outDir: string): { tarball: string; files: string[] } {
    execFileSync(NPM, ["run", "build", "--silent"], { cwd: REPO, stdio: "pipe" });
    const json = execFileSync(NPM, ["pack", "--json", "--pack-destination", outDir], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] }).toString();
    const [info] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
    return { tarball: path.join(outDir, info.filename), files: info.files.map((f) => f.path).sort() };
}

function layOutConsumer(dir: string, tarball: string): void {
    const modules = path.join(dir, "node_modules");
    fs.mkdirSync(path.join(modules, "zero-trust-aws-sso"), { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", path.join(modules, "zero-trust-aws-sso"), "--strip-components=1"]);
    for (const entry of fs.readdirSync(path.join(REPO, "node_modules"))) {
        if (entry === ".bin" || entry === ".package-lock.json" || entry === "zero-trust-aws-sso") continue;
        fs.symlinkSync(path.join(REPO, "node_modules", entry), path.join(modules, entry));
    }
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.ts"), CONSUMER_PROGRAM);
    fs.writeFileSync(path.join(dir, "run.js"), CONSUMER_RUNNER);
    fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
            compilerOptions: { strict: true, target: "ES2022", module: "commonjs", esModuleInterop: true, skipLibCheck: true, types: ["node"], outDir: "." },
            files: ["index.ts"],
        }),
    );
}

describe("npm package, installed in a consumer project", function () {
    let dir: string;
    let packed: { tarball: string; files: string[] };
    let server: LoopbackServer;
    const cert = issueCertificate({ commonName: "consumer" });
    let xml = "";

    before(async function () {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "ztas-consumer-"));
        packed = packageTarball(dir);
        layOutConsumer(dir, packed.tarball);
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(200, { "content-type": "application/samlmetadata+xml" });
            res.end(xml);
        });
        xml = metadataDocument({
            entityId: server.localhostUrl("/abc"),
            ssoUrl: server.localhostUrl("/cdn-cgi/access/sso/saml/abc"),
            certificates: [cert.base64],
        });
    });
    after(async () => {
        await server?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("packs only the build output, README, LICENSE and package.json", () => {
        const unexpected = packed.files.filter(
            (f) => !/^dist\/components\/[A-Za-z]+\.(js|d\.ts)$/.test(f) && !["README.md", "LICENSE", "package.json", "CHANGELOG.md"].includes(f),
        );
        assert.deepEqual(unexpected, []);
        for (const needed of ["dist/components/index.js", "dist/components/index.d.ts", "dist/components/samlMetadataRetrieval.js", "package.json", "README.md", "LICENSE"]) {
            assert.ok(packed.files.includes(needed), `${needed} is in the tarball`);
        }
        assert.ok(!packed.files.some((f) => f.startsWith("tests/") || f.startsWith("demo/") || f.endsWith(".ts") && !f.endsWith(".d.ts")));
    });

    it("compiles a strict consumer program against the packed type declarations", () => {
        const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
        const result = spawnSync(process.execPath, ["--preserve-symlinks", tsc, "-p", dir], { cwd: dir, encoding: "utf8" });
        assert.equal(result.status, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
        assert.ok(fs.existsSync(path.join(dir, "index.js")));
    });

    it("serializes a small provider that requires the installed package, and it fetches and validates metadata", async () => {
        const run = spawnSync(process.execPath, ["--preserve-symlinks", "--preserve-symlinks-main", "run.js"], {
            cwd: dir,
            encoding: "utf8",
            env: { PATH: process.env.PATH ?? "", TEAM_DOMAIN: server.localhostUrl("").replace(/\/$/, ""), PUBLIC_KEY: cert.certPem },
        });
        assert.equal(run.status, 0, run.stderr);
        const dynamic = JSON.parse(run.stdout) as { name: string; provider: string }[];
        assert.deepEqual(dynamic.map((d) => d.name).sort(), ["aws-metadata", "standalone"]);
        const text = dynamic[0].provider;
        assert.equal(dynamic[1].provider, text, "one provider text for every SamlMetadata");
        // From the installed package the provider's logic is a require of the package's runtime entry, so the text
        // is small and does not change when the package is upgraded.
        assert.match(text, /require\("zero-trust-aws-sso\/runtime\/samlMetadataRetrieval"\)/);
        assert.ok(text.length < 6000, `__provider from the installed package is ${text.length} bytes`);
        console.log(`      __provider from the installed package: ${text.length} bytes`);

        const host = startProviderHost(dir);
        try {
            const inputs = {
                url: server.localhostUrl("/cdn-cgi/access/sso/saml/abc/saml-metadata"),
                expectedEntityId: server.localhostUrl("/abc"),
                expectedCertificate: cert.certPem,
                allowedHosts: ["localhost"],
                retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 },
            };
            const checked = await host.call<{ failures: unknown[] }>(text, "check", [{}, inputs]);
            assert.deepEqual(checked.failures, []);
            const created = await host.call<{ outs: Record<string, unknown> }>(text, "create", [inputs]);
            assert.equal(created.outs.xml, xml);
            assert.equal(created.outs.entityId, inputs.expectedEntityId);
        } finally {
            host.close();
        }
    });
});
