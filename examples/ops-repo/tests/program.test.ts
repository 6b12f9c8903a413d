/// <reference types="mocha" />
// Unit tests of this stack's program, offline: no Pulumi CLI, no cloud account, no network. zeroTrustAwsSsoMocks()
// plays Cloudflare, the SAML metadata endpoint and aws.ssoadmin.getInstances; any other resource falls back to "state
// = inputs". Run them as `pulumi up` would, then as `pulumi preview` would:
//
//   npm test                    # mocha -r ts-node/register tests/**/*.test.ts
//   PREVIEW=true npm test
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { zeroTrustAwsSsoMocks } from "zero-trust-aws-sso/testing";

/** The value of an Output (in a preview too: the mocks compute every value). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

describe("the aws-sso program", function () {
    this.timeout(60000);
    let program: typeof import("../index");
    const created: string[] = [];

    before(async function () {
        // The stack config the program reads (the project is named aws-sso in Pulumi.yaml); lists are JSON.
        pulumi.runtime.setAllConfig({
            "aws-sso:accountId": "5c0b2a1f9e8d7c6b5a4f3e2d1c0b9a8f",
            "aws-sso:awsIssuerUrl": "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93677a1b2c",
            "aws-sso:awsAcsUrl": "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/7d6c5b4a-3f2e-4d1c-8b9a-0f1e2d3c4b5a",
            "aws-sso:accessEmails": JSON.stringify(["ada@example.com", "grace@example.com"]),
        });
        const mocks = zeroTrustAwsSsoMocks({
            fallback: {
                newResource: (args) => {
                    created.push(args.type);
                    return { id: `${args.name}_id`, state: args.inputs };
                },
                call: (args) => args.inputs,
            },
        });
        await pulumi.runtime.setMocks(mocks, "aws-sso", "dev", process.env.PREVIEW === "true");
        // Loaded only now, after setMocks. `require`, not `await import`: with this project's module setting (node16)
        // an import() stays a native ESM import, which bypasses ts-node.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        program = require("../index") as typeof import("../index");
    });

    it("exports the metadata document to upload to IAM Identity Center", async () => {
        const [xml, endpoint] = await Promise.all([valueOf(program.metadataXml), valueOf(program.ssoEndpoint)]);
        assert.match(xml, /<md:EntityDescriptor /);
        assert.ok(xml.includes(`Location="${endpoint}"`), "the document names the application's SSO endpoint");
    });

    it("reports a certificate that is valid for a while yet", async () => {
        const notAfter = new Date(await valueOf(program.signingCertificateNotAfter));
        assert.ok(notAfter.getTime() > Date.now() + 30 * 24 * 60 * 60 * 1000, notAfter.toISOString());
        assert.match(await valueOf(program.signingCertificateSha256), /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    });

    it("the runbook quotes this stack's AWS URLs and the certificate fingerprint", async () => {
        const [steps, sha256] = await Promise.all([valueOf(program.awsSetupSteps), valueOf(program.signingCertificateSha256)]);
        assert.ok(steps.includes("https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93677a1b2c"));
        assert.ok(steps.includes(sha256));
    });

    it("manages nothing in AWS while identityCenter is not set", async () => {
        assert.deepEqual(await valueOf(program.accessMismatches), { cloudflareOnly: [], awsOnly: [] });
        assert.deepEqual(
            created.filter((type) => type.startsWith("aws:")),
            [],
        );
    });
});
