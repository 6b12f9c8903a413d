// Runs the component as `pulumi preview` of a new stack would (setMocks(..., preview = true)), in its own process
// because mocks and the dry-run flag are process-wide. Prints a JSON report for tests/preview.test.ts.
import * as pulumi from "@pulumi/pulumi";
import { MockCloud } from "./mockCloud";
import { isKnown, valueOf } from "./outputs";
import { ZeroTrustAwsSso } from "../components";

async function main(): Promise<void> {
    const cloud = await MockCloud.start({ preview: true });
    try {
        const sso = new ZeroTrustAwsSso("aws", {
            accountId: "0123456789abcdef0123456789abcdef",
            awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890",
            awsAcsUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718",
            access: { emails: ["ada@example.com"] },
            metadata: { allowedHosts: ["localhost"] },
        });
        const outputs: Record<string, pulumi.Output<unknown>> = {
            applicationId: sso.applicationId,
            ssoEndpoint: sso.ssoEndpoint,
            idpEntityId: sso.idpEntityId,
            metadataUrl: sso.metadataUrl,
            metadataXml: sso.metadataXml,
            signingCertificateSha256: sso.signingCertificateSha256,
            signingCertificateNotAfter: sso.signingCertificateNotAfter,
            awsSetupSteps: sso.awsSetupSteps,
            accessMismatches: sso.accessMismatches,
        };
        const known: Record<string, boolean> = {};
        for (const [key, output] of Object.entries(outputs)) {
            await valueOf(output);
            known[key] = await isKnown(output);
        }
        const metadata = cloud.resources.find((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
        process.stdout.write(
            JSON.stringify({
                known,
                registered: cloud.resources.map((r) => `${r.type} ${r.name}`),
                providerCalls: cloud.providerCalls,
                metadataUrlUnknown: metadata ? pulumi.isUnknown(metadata.inputs.url) : undefined,
                metadataProviderType: metadata ? typeof metadata.inputs.__provider : undefined,
            }),
        );
    } finally {
        await cloud.close();
    }
}

main().catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
});
