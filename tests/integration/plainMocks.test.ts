// The component under the mocks a consumer writes for their own tests (harness/plainMocksRun.ts, one process per
// run): Pulumi's "echo the inputs" mock works in a preview (values Cloudflare computes are unknown, as the engine
// reports them); in deploy mode it fails with one error that names the missing values and zeroTrustAwsSsoMocks;
// zeroTrustAwsSsoMocks() works in both modes; and an Output that resolves to a bad value is reported once, its
// message starting with the bad field.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

interface Report {
    known: Record<string, boolean | "rejected">;
    values: Record<string, unknown>;
    errors: string[];
}

const OUTPUTS = [
    "ssoEndpoint",
    "idpEntityId",
    "metadataUrl",
    "metadataXml",
    "signingCertificate",
    "signingCertificateSha256",
    "signingCertificateNotAfter",
    "awsSetupSteps",
];

function run(...args: string[]): Report {
    const result = spawnSync(
        process.execPath,
        ["-r", "ts-node/register/transpile-only", path.join(__dirname, "..", "..", "harness", "plainMocksRun.ts"), ...args],
        { cwd: path.resolve(__dirname, "..", ".."), encoding: "utf8", env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } },
    );
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as Report;
}

const all = (value: boolean | "rejected"): Record<string, boolean | "rejected"> => Object.fromEntries(OUTPUTS.map((k) => [k, value]));

describe("under a consumer's own mocks (each run in its own process)", function () {
    this.timeout(120000);

    it("an echo-the-inputs mock previews: every value Cloudflare computes is unknown, no error", () => {
        const report = run("preview", "echo");
        assert.deepEqual(report.errors, []);
        assert.deepEqual(report.known, all(false));
    });

    it("an echo-the-inputs mock in deploy mode fails once, naming the missing values and zeroTrustAwsSsoMocks", () => {
        const report = run("deploy", "echo");
        assert.deepEqual(report.known, all("rejected"));
        assert.deepEqual(report.errors, [
            'ZeroTrustAwsSso "aws": Cloudflare returned no saasApp.ssoEndpoint and saasApp.idpEntityId for the Access application "aws-app"; ' +
                "is it a SAML SaaS application? Under Pulumi mocks (pulumi.runtime.setMocks), pass zeroTrustAwsSsoMocks() from " +
                '"zero-trust-aws-sso/testing", or return saasApp.ssoEndpoint, saasApp.idpEntityId and saasApp.publicKey from your newResource mock.',
        ]);
    });

    it("a mock that computes the application but echoes SamlMetadata: unknown in a preview, one clear error in deploy mode", () => {
        const preview = run("preview", "app-only");
        assert.deepEqual(preview.errors, []);
        assert.equal(preview.known.awsSetupSteps, false);
        assert.equal(preview.known.signingCertificateSha256, false);
        const deploy = run("deploy", "app-only");
        assert.equal(deploy.known.awsSetupSteps, "rejected");
        assert.equal(deploy.errors.length, 1, deploy.errors.join("\n"));
        assert.match(
            deploy.errors[0],
            /^ZeroTrustAwsSso "aws": SamlMetadata "aws-metadata" returned no entityId, ssoUrl, signingCertificateSha256, signingCertificateNotAfter, so awsSetupSteps cannot be written\. .*zeroTrustAwsSsoMocks\(\) from "zero-trust-aws-sso\/testing"/,
        );
    });

    for (const mode of ["preview", "deploy"]) {
        it(`zeroTrustAwsSsoMocks() in ${mode}: every output known, the runbook quotes the generated certificate`, () => {
            const report = run(mode, "package");
            assert.deepEqual(report.errors, []);
            assert.deepEqual(report.known, all(true));
            const steps = String(report.values.awsSetupSteps);
            assert.ok(steps.includes(String(report.values.signingCertificateSha256)), steps);
            assert.match(
                String(report.values.ssoEndpoint),
                /^https:\/\/example\.cloudflareaccess\.com\/cdn-cgi\/access\/sso\/saml\/[0-9a-f]{64}$/,
            );
        });

        it(`an Output that resolves to a bad account id (${mode}): one error, its first line names the field and the fix`, () => {
            const report = run(mode, "package", "late-bad-account");
            assert.deepEqual(report.known, all("rejected"));
            // Before: 'error serializing property "url": error serializing property "accountId": ...', once per input.
            assert.deepEqual(report.errors, [
                'ZeroTrustAwsSso "aws": accountId: "0123" is not a Cloudflare account id: expected 32 hexadecimal characters, as shown in the dashboard URL (dash.cloudflare.com/<account id>) or under Account Home > Account ID.',
            ]);
        });
    }
});
