// `pulumi preview` of a new stack: Cloudflare has computed nothing yet, so the metadata URL is unknown. The
// component must still register everything, run only the provider's check (never create), tolerate the
// unknown placeholder, and leave the computed outputs unknown instead of failing or inventing values.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

describe("preview (setMocks with preview = true, in its own process)", function () {
    let report: {
        known: Record<string, boolean>;
        registered: string[];
        providerCalls: string[];
        metadataUrlUnknown?: boolean;
        metadataProviderType?: string;
    };

    before(() => {
        const run = spawnSync(
            process.execPath,
            ["-r", "ts-node/register/transpile-only", path.join(__dirname, "..", "harness", "previewRun.ts")],
            {
                cwd: path.resolve(__dirname, ".."),
                encoding: "utf8",
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
            },
        );
        assert.equal(run.status, 0, run.stderr);
        report = JSON.parse(run.stdout);
    });

    it("registers the component and all three children", () => {
        assert.deepEqual(report.registered.sort(), [
            "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication aws-app",
            "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy aws-policy",
            "pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata aws-metadata",
            "zero-trust-aws-sso:index:ZeroTrustAwsSso aws",
        ]);
    });

    it("runs the provider's check against the unknown placeholder and never creates", () => {
        assert.deepEqual(report.providerCalls, ["check"]);
        // The harness hands the host the engine's placeholder string for the unknown url; check passed with it.
        assert.equal(report.metadataUrlUnknown, true);
        assert.equal(report.metadataProviderType, "string");
    });

    it("leaves every computed output unknown and knows the rest", () => {
        assert.deepEqual(report.known, {
            applicationId: false,
            ssoEndpoint: false,
            idpEntityId: false,
            metadataUrl: false,
            metadataXml: false,
            signingCertificateSha256: false,
            signingCertificateNotAfter: false,
            awsSetupSteps: false,
            accessMismatches: true,
        });
    });
});
