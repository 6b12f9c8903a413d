// Upgrades stay quiet: a stack deployed with 0.1.0 must preview with no diff after `npm update`.
//
// tests/fixtures/upgrade-0.1.0/registrations.json holds every registration (type, name, inputs, `__provider`
// included) that tests/fixtures/upgrade-0.1.0/program.js made with the 0.1.0 package installed; it was recorded
// before the 0.2 restructuring and must never be re-recorded. Here the same program runs against the package packed
// from this checkout, installed as a consumer installs it, and:
// - every resource has the same type, name and inputs (the engine diffs inputs: any change is a `~` in preview);
// - every SamlMetadata carries the same `__provider` text byte for byte (a changed text shows as `~ __provider`,
//   https://github.com/pulumi/pulumi/issues/12401, and `delete` runs the text stored in state);
// - the new provider, loaded from that text in a fresh process as the engine's host loads it, accepts the old state
//   in `check` and reports no change in `diff`.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { consumerProject } from "../../harness/consumerInstall";
import { startProviderHost, type ProviderHost } from "../../harness/providerHost";

const FIXTURE = path.join(__dirname, "..", "fixtures", "upgrade-0.1.0");
const DYNAMIC = "pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata";

interface Registration {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

function recorded(): Registration[] {
    return JSON.parse(fs.readFileSync(path.join(FIXTURE, "registrations.json"), "utf8")) as Registration[];
}

/** Runs the fixture program against the package built from this checkout. */
function current(): Registration[] {
    const { dir } = consumerProject();
    fs.copyFileSync(path.join(FIXTURE, "program.js"), path.join(dir, "upgrade-program.js"));
    const out = execFileSync(process.execPath, ["--preserve-symlinks", "--preserve-symlinks-main", "upgrade-program.js"], {
        cwd: dir,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "" },
    });
    return JSON.parse(out) as Registration[];
}

const key = (r: Registration): string => `${r.type} ${r.name}`;

describe("upgrading from 0.1.0", function () {
    this.timeout(120000);
    let old010: Registration[];
    let now: Registration[];
    let host: ProviderHost;

    before(() => {
        old010 = recorded();
        now = current();
        host = startProviderHost(consumerProject().dir);
    });
    after(() => host?.close());

    it("registers the same resources, in name and type", () => {
        assert.deepEqual(now.map(key).sort(), old010.map(key).sort());
        assert.ok(old010.length >= 30, `the fixture covers ${old010.length} resources`);
    });

    it("gives every resource the same inputs, __provider included", () => {
        const byKey = new Map(now.map((r) => [key(r), r]));
        for (const old of old010) {
            assert.deepEqual(byKey.get(key(old))?.inputs, old.inputs, `${key(old)} would show a diff after the upgrade`);
        }
    });

    it("the new provider accepts the stored state and reports no change", async () => {
        const byKey = new Map(now.map((r) => [key(r), r]));
        const metadata = old010.filter((r) => r.type === DYNAMIC);
        assert.equal(metadata.length, 6);
        for (const old of metadata) {
            const news = byKey.get(key(old))!.inputs;
            const text = String(news.__provider);
            const checked = await host.call<{ inputs: Record<string, unknown>; failures: unknown[] }>(text, "check", [old.inputs, news]);
            assert.deepEqual(checked.failures, [], `${old.name}: check refuses the 0.1.0 inputs`);
            // The engine hands diff the stored outputs (inputs plus what create returned) as olds.
            const stored = { ...old.inputs, xml: "<x/>", signingCertificateSha256: "00:11", warnings: [] };
            const diff = await host.call<{ changes: boolean; replaces: string[] }>(text, "diff", [
                `${old.name}-id`,
                stored,
                checked.inputs,
            ]);
            assert.deepEqual({ changes: diff.changes, replaces: diff.replaces }, { changes: false, replaces: [] }, old.name);
        }
    });
});
