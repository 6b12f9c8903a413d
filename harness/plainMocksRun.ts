// Runs one ZeroTrustAwsSso under a consumer's kind of mocks, in its own process (mocks and the dry-run flag are
// process-wide), and prints a JSON report for tests/integration/plainMocks.test.ts:
//   node -r ts-node/register/transpile-only harness/plainMocksRun.ts <preview|deploy> <echo|package|app-only> [late-bad-account]
// `echo` is the mock of Pulumi's testing guide (state = inputs, calls return their inputs); `package` is
// zeroTrustAwsSsoMocks() from the testing entry. Errors are collected the way the engine's language host reports
// them: every unhandled rejection, once per error object (@pulumi/pulumi cmd/run/run.js).
import * as pulumi from "@pulumi/pulumi";
import { isKnown, valueOf } from "./outputs";

const [mode, kind, scenario] = process.argv.slice(2);
const reported = new Set<unknown>();
const errors: string[] = [];
const onError = (err: unknown): void => {
    if (reported.has(err)) return;
    reported.add(err);
    errors.push(err instanceof Error ? err.message : String(err));
};
process.on("unhandledRejection", onError);
process.on("uncaughtException", onError);

const echo: pulumi.runtime.Mocks = {
    newResource: (args) => ({ id: `${args.name}_id`, state: args.inputs }),
    call: (args) => args.inputs,
};

async function main(): Promise<void> {
    const { zeroTrustAwsSsoMocks } = require("../components/testing") as typeof import("../components/testing");
    const packaged = zeroTrustAwsSsoMocks();
    // `app-only`: the application gets its values, but SamlMetadata is echoed (a hand-written mock that stops halfway).
    const appOnly: pulumi.runtime.Mocks = {
        newResource: (args) => (args.type.startsWith("pulumi-nodejs:dynamic") ? echo.newResource(args) : packaged.newResource(args)),
        call: (args) => packaged.call(args),
    };
    const mocks = kind === "package" ? packaged : kind === "app-only" ? appOnly : echo;
    await pulumi.runtime.setMocks(mocks, "plain", "test", mode === "preview");
    const { ZeroTrustAwsSso } = require("../components") as typeof import("../components");
    const sso = new ZeroTrustAwsSso("aws", {
        accountId: scenario === "late-bad-account" ? pulumi.output("0123") : "5c0b2a1f9e8d7c6b5a4f3e2d1c0b9a8f",
        awsIssuerUrl: "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93677a1b2c",
        awsAcsUrl: "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/7d6c5b4a-3f2e-4d1c-8b9a-0f1e2d3c4b5a",
        access: { emails: ["ada@example.com"] },
    });
    const outputs: Record<string, pulumi.Output<unknown>> = {
        ssoEndpoint: sso.ssoEndpoint,
        idpEntityId: sso.idpEntityId,
        metadataUrl: sso.metadataUrl,
        metadataXml: sso.metadataXml,
        signingCertificate: sso.signingCertificate,
        signingCertificateSha256: sso.signingCertificateSha256,
        signingCertificateNotAfter: sso.signingCertificateNotAfter,
        awsSetupSteps: sso.awsSetupSteps,
    };
    const known: Record<string, boolean | "rejected"> = {};
    const values: Record<string, unknown> = {};
    for (const [key, output] of Object.entries(outputs)) {
        try {
            values[key] = await valueOf(output);
            known[key] = await isKnown(output);
        } catch {
            known[key] = "rejected";
        }
    }
    // Let the SDK finish (and fail) every registration, so that each unhandled rejection has been seen.
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.stdout.write(JSON.stringify({ known, values, errors }));
    process.exit(0);
}

main().catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
});
