// The ways a user installs this package before and after it is on the registry, each with a real `npm install` into
// an EMPTY directory (packages come from the npm registry; nothing is symlinked from this checkout):
//   - the packed tarball alone, as `npx zero-trust-aws-sso` does: no @pulumi/* package, the CLI runs, and the
//     component's entry names the missing peers;
//   - `git+file://<this repository>`, as `npm install github:<owner>/<repo>` does: npm installs the clone's
//     devDependencies and runs `prepare` (scripts/prepare.js), which builds dist/;
//   - the tarball with the LOWEST versions the peer ranges admit: exactly one @pulumi/pulumi, and
//     tests/integration/package.test.ts (compile a strict consumer, serialize the provider, run it) passes against them.
// Run by .ci/run, not by `npm test`: each install takes from several seconds to a few minutes.
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// semver comes with several dependencies and ships no types; declare what is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require("semver") as {
    maxSatisfying(v: string[], r: string): string | null;
    minSatisfying(v: string[], r: string): string | null;
};

const REPO = path.resolve(__dirname, "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as {
    name: string;
    bin: Record<string, string>;
    peerDependencies: Record<string, string>;
};
const QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

function npm(args: string[], cwd: string): string {
    return execFileSync(NPM, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

/** A fresh empty directory, removed when the process exits. */
function emptyDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
}

/** Bytes on disk under `dir` (what `du -sb` counts for regular files), following no symlinks. */
function bytesUnder(dir: string): number {
    let total = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    }
    return total;
}

/** Every installed copy of `name` under `modules` (nested node_modules included). */
function copiesOf(modules: string, name: string): string[] {
    const found: string[] = [];
    const visit = (dir: string): void => {
        if (fs.existsSync(path.join(dir, name, "package.json"))) found.push(path.join(dir, name));
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (!entry.isDirectory() || entry.name === ".bin") continue;
            const sub = path.join(dir, entry.name);
            const nested = entry.name.startsWith("@")
                ? fs.readdirSync(sub).map((n) => path.join(sub, n, "node_modules"))
                : [path.join(sub, "node_modules")];
            for (const n of nested) if (fs.existsSync(n)) visit(n);
        }
    };
    visit(modules);
    return found;
}

function installedVersion(dir: string, name: string): string {
    return (JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** The lowest published version that `range` admits (one registry look-up of the package's version list). */
function lowestPublished(name: string, range: string): string {
    const versions = JSON.parse(npm(["view", name, "versions", "--json"], REPO)) as string[];
    const lowest = semver.minSatisfying(versions, range);
    assert.ok(lowest, `no published version of ${name} satisfies ${range}`);
    return lowest;
}

function runCliCheck(dir: string): ReturnType<typeof spawnSync> {
    const bin = path.join(dir, "node_modules", ".bin", Object.keys(PACKAGE.bin)[0]);
    return spawnSync(
        bin,
        [
            "check",
            "--issuer",
            "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-9067a1b2c3",
            "--acs",
            "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/7d1e5a3c-2b4f-4c6d-8e9f-0a1b2c3d4e5f",
        ],
        { cwd: dir, encoding: "utf8" },
    );
}

describe("installing the package (real npm installs into empty directories)", function () {
    this.timeout(15 * 60 * 1000);
    let tarball = "";

    before(function () {
        // `npm pack` runs `prepare` (scripts/prepare.js), which builds dist/ from this checkout.
        const out = emptyDir("ztas-pack-");
        const [info] = JSON.parse(npm(["pack", "--json", "--pack-destination", out], REPO)) as { filename: string }[];
        tarball = path.join(out, info.filename);
    });

    it("the tarball alone (the CLI's install): no @pulumi/* package, the CLI runs, the entry names the missing peers", function () {
        const dir = emptyDir("ztas-cli-only-");
        const started = Date.now();
        npm(["install", ...QUIET, tarball], dir);
        const seconds = (Date.now() - started) / 1000;
        const modules = path.join(dir, "node_modules");
        assert.ok(!fs.existsSync(path.join(modules, "@pulumi")), "no @pulumi/* package in a CLI-only install");
        const cli = runCliCheck(dir);
        assert.equal(cli.status, 0, `the CLI failed:\n${String(cli.stdout)}${String(cli.stderr)}`);
        assert.match(String(cli.stdout), /^ok {3}awsIssuerUrl: region eu-west-1/m);

        const load = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(PACKAGE.name)})`], { cwd: dir, encoding: "utf8" });
        assert.notEqual(load.status, 0);
        // Named in the order the entry checks them, each with the range package.json declares.
        const range = PACKAGE.peerDependencies;
        const expected =
            "zero-trust-aws-sso needs @pulumi/pulumi, @pulumi/cloudflare, @pulumi/aws, which are not installed. Install them " +
            `next to it: npm install @pulumi/pulumi@${range["@pulumi/pulumi"]} @pulumi/cloudflare@${range["@pulumi/cloudflare"]} ` +
            `@pulumi/aws@${range["@pulumi/aws"]}`;
        assert.ok(load.stderr.includes(expected), `expected the missing-peer message, got:\n${load.stderr}`);
        const mb = bytesUnder(modules) / 1e6;
        console.log(
            `      CLI-only install: ${mb.toFixed(2)} MB in node_modules, ${fs.readdirSync(modules).filter((n) => !n.startsWith(".")).length} top-level packages, npm install ${seconds.toFixed(1)} s`,
        );
    });

    it("git+file:// of this repository: npm runs `prepare`, which builds dist/, and the package works", function () {
        const dir = emptyDir("ztas-git-");
        const started = Date.now();
        npm(["install", ...QUIET, `git+file://${REPO}`], dir);
        const seconds = (Date.now() - started) / 1000;
        const installed = path.join(dir, "node_modules", PACKAGE.name);
        for (const built of ["dist/components/index.js", "dist/components/index.d.ts", "dist/components/cli/main.js"]) {
            assert.ok(fs.existsSync(path.join(installed, built)), `${built} was built on install`);
        }
        assert.ok(!fs.existsSync(path.join(installed, "components")), "the TypeScript source is not installed (files in package.json)");
        assert.ok(!fs.existsSync(path.join(dir, "node_modules", "@pulumi")), "no @pulumi/* package: the peers are optional");
        const cli = runCliCheck(dir);
        assert.equal(cli.status, 0, `the CLI failed:\n${String(cli.stdout)}${String(cli.stderr)}`);
        console.log(`      git+file:// install (clone, devDependencies, build): ${seconds.toFixed(1)} s`);
    });

    it("at the lowest peer versions the ranges admit: one @pulumi/pulumi, and tests/integration/package.test.ts passes there", function () {
        const dir = emptyDir("ztas-floors-");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer-floors", private: true, type: "commonjs" }));
        const floors = Object.entries(PACKAGE.peerDependencies).map(([name, range]) => `${name}@${lowestPublished(name, range)}`);
        npm(["install", ...QUIET, tarball, ...floors, "typescript@^5", "@types/node@^22"], dir);
        for (const spec of floors) {
            const name = spec.slice(0, spec.lastIndexOf("@"));
            assert.equal(`${name}@${installedVersion(dir, name)}`, spec, "npm installed the floor version");
        }
        const copies = copiesOf(path.join(dir, "node_modules"), "@pulumi/pulumi");
        assert.deepEqual(
            copies.map((c) => path.relative(dir, c)),
            [path.join("node_modules", "@pulumi", "pulumi")],
            "exactly one @pulumi/pulumi",
        );
        console.log(`      peer floors: ${floors.join(", ")}`);

        const mocha = path.join(REPO, "node_modules", "mocha", "bin", "mocha.js");
        const run = spawnSync(
            process.execPath,
            [
                mocha,
                "--no-config",
                "-r",
                "ts-node/register/transpile-only",
                "--extension",
                "ts",
                "--timeout",
                "120000",
                "tests/integration/package.test.ts",
            ],
            { cwd: REPO, encoding: "utf8", env: { ...process.env, ZTAS_CONSUMER_DIR: dir, ZTAS_CONSUMER_TARBALL: tarball } },
        );
        const indented = `${run.stdout}${run.stderr}`.replace(/^/gm, "      | ");
        console.log(indented);
        assert.equal(run.status, 0, "tests/integration/package.test.ts at the peer floors");
    });
});
