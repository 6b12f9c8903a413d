// The package as a consumer meets it: `npm pack` holds only what a consumer needs, a strict TypeScript program
// using the public API compiles against the packed .d.ts, and the SamlMetadata provider serialized from the
// INSTALLED package (not from this repo) loads in a fresh host process and validates metadata from loopback.
//
// Building, packing and laying out the consumer project (tarball unpacked into node_modules, every other package a
// symlink into this repo's node_modules, run with --preserve-symlinks) is in harness/consumerInstall.ts, shared with
// tests/quietPreview.test.ts and bench/run.ts: it happens once per process.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { issueCertificate } from "../../harness/certificates";
import { compileConsumer, consumerProject, runConsumer, type ConsumerProject } from "../../harness/consumerInstall";
import { metadataDocument } from "../../harness/metadataDocument";
import { startLoopbackServer, type LoopbackServer } from "../../harness/loopbackServer";
import { startProviderHost } from "../../harness/providerHost";

describe("npm package, installed in a consumer project", function () {
    let dir: string;
    let packed: ConsumerProject;
    let server: LoopbackServer;
    const cert = issueCertificate({ commonName: "consumer" });
    let xml = "";

    before(async function () {
        packed = consumerProject();
        dir = packed.dir;
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
        // The consumer project is shared with other suites of this process; consumerInstall removes it on exit.
        await server?.close();
    });

    it("packs only the build output, README, LICENSE and package.json", () => {
        const unexpected = packed.files.filter(
            (f) =>
                !/^dist\/components\/(?:[A-Za-z]+\/)?[A-Za-z]+\.(js|d\.ts)$/.test(f) &&
                !["README.md", "LICENSE", "package.json", "CHANGELOG.md"].includes(f),
        );
        assert.deepEqual(unexpected, []);
        for (const needed of [
            "dist/components/index.js",
            "dist/components/index.d.ts",
            "dist/components/metadata/samlMetadataRetrieval.js",
            "dist/components/cli/main.js",
            "package.json",
            "README.md",
            "LICENSE",
        ]) {
            assert.ok(packed.files.includes(needed), `${needed} is in the tarball`);
        }
        assert.ok(
            !packed.files.some((f) => f.startsWith("tests/") || f.startsWith("demo/") || (f.endsWith(".ts") && !f.endsWith(".d.ts"))),
        );
    });

    it("compiles a strict consumer program against the packed type declarations", () => {
        const result = compileConsumer();
        assert.equal(result.status, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
        assert.ok(fs.existsSync(path.join(dir, "index.js")));
    });

    it("serializes a small provider that requires the installed package, and it fetches and validates metadata", async () => {
        const dynamic = runConsumer({ teamDomain: server.localhostUrl("").replace(/\/$/, ""), publicKey: cert.certPem });
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
