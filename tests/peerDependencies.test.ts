// The component's peer check (components/peerDependencies.ts): the list it checks is package.json's, every Pulumi SDK
// is an optional peer (so a CLI-only install pulls none), and a missing peer gives one message naming every missing
// package with the command that installs it. The same check against a real install without the peers runs in
// .ci/installs.test.ts.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { COMPONENT_PEERS, MissingPeerDependencyError, peerIsInstalled, requirePeers } from "../components/peerDependencies";

const PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
    peerDependencies: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    devDependencies: Record<string, string>;
};

/** A resolver that behaves like require.resolve when `missing` packages are not installed. */
function resolverWithout(...missing: string[]): (id: string) => string {
    return (id) => {
        if (missing.includes(id)) {
            throw Object.assign(new Error(`Cannot find module '${id}'\nRequire stack:\n- /app/index.js`), { code: "MODULE_NOT_FOUND" });
        }
        return `/app/node_modules/${id}/index.js`;
    };
}

describe("peer dependencies", function () {
    it("checks exactly the peers package.json declares, with the same ranges", function () {
        assert.deepEqual(Object.fromEntries(COMPONENT_PEERS.map((p) => [p.name, p.range])), PACKAGE.peerDependencies);
    });

    it("marks every peer optional, so installing the package for its CLI pulls no @pulumi/* package", function () {
        for (const name of Object.keys(PACKAGE.peerDependencies)) {
            assert.equal(PACKAGE.peerDependenciesMeta?.[name]?.optional, true, `${name} is optional`);
        }
    });

    it("develops against versions inside the peer ranges", function () {
        // semver ships no types; declare what is used.
        const semver = require("semver") as { minVersion(r: string): { version: string }; satisfies(v: string, r: string): boolean };
        for (const [name, range] of Object.entries(PACKAGE.peerDependencies)) {
            assert.ok(semver.satisfies(semver.minVersion(PACKAGE.devDependencies[name]).version, range), `${name} dev version in ${range}`);
        }
    });

    const cases: { missing: string[]; message: string | undefined }[] = [
        { missing: [], message: undefined },
        {
            missing: ["@pulumi/aws"],
            message: "zero-trust-aws-sso needs @pulumi/aws, which is not installed. Install it next to it: npm install @pulumi/aws@^7.2.0",
        },
        {
            missing: ["@pulumi/aws", "@pulumi/pulumi"],
            message:
                "zero-trust-aws-sso needs @pulumi/pulumi, @pulumi/aws, which are not installed. Install them next to it: " +
                "npm install @pulumi/pulumi@^3.142.0 @pulumi/aws@^7.2.0",
        },
    ];
    for (const { missing, message } of cases) {
        it(`missing [${missing.join(", ")}]: ${message === undefined ? "passes" : "names them"}`, function () {
            if (message === undefined) {
                assert.doesNotThrow(() => requirePeers(COMPONENT_PEERS, resolverWithout(...missing)));
                return;
            }
            assert.throws(
                () => requirePeers(COMPONENT_PEERS, resolverWithout(...missing)),
                (err: unknown) =>
                    err instanceof MissingPeerDependencyError &&
                    err.message === message &&
                    JSON.stringify(err.packages) === JSON.stringify(COMPONENT_PEERS.map((p) => p.name).filter((n) => missing.includes(n))),
            );
        });
    }

    it("leaves a peer that is installed but broken to fail with its own error", function () {
        // @pulumi/aws is there, but one of ITS dependencies is not: that is not "install @pulumi/aws".
        const broken = (id: string): string => {
            throw Object.assign(new Error(`Cannot find module 'mime'\nRequire stack:\n- /app/node_modules/${id}/index.js`), {
                code: "MODULE_NOT_FOUND",
            });
        };
        assert.throws(() => peerIsInstalled("@pulumi/aws", broken), /Cannot find module 'mime'/);
    });

    it("finds the peers installed in this repository", function () {
        assert.doesNotThrow(() => requirePeers());
    });
});
