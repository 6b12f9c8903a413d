// zeroTrustAwsSsoMocks (the zero-trust-aws-sso/testing entry), called directly: the values it computes are real and
// consistent (a parseable, unexpired certificate; fingerprint and expiry from that certificate; a metadata document
// the package's own parser accepts), the provider's checks still apply, and everything else reaches the fallback.
import { strict as assert } from "node:assert";
import { X509Certificate } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { parseSamlMetadata } from "../components";
import { ACCESS_APPLICATION_TYPE, GET_INSTANCES_TOKEN, SAML_METADATA_TYPE, zeroTrustAwsSsoMocks } from "../components/testing";

type State = Record<string, any>;

function resource(type: string, name: string, inputs: State): pulumi.runtime.MockResourceArgs {
    return { type, name, inputs, custom: true };
}

async function create(mocks: pulumi.runtime.Mocks, args: pulumi.runtime.MockResourceArgs): Promise<{ id?: string; state: State }> {
    return (await mocks.newResource(args)) as { id?: string; state: State };
}

/** The application, then its metadata with the inputs the component passes. */
async function applicationAndMetadata(mocks: pulumi.runtime.Mocks): Promise<{ app: State; metadata: State }> {
    const { state: app } = await create(
        mocks,
        resource(ACCESS_APPLICATION_TYPE, "aws-app", { name: "Amazon AWS", saasApp: { authType: "saml" } }),
    );
    const { state: metadata } = await create(
        mocks,
        resource(SAML_METADATA_TYPE, "aws-metadata", {
            url: `${app.saasApp.ssoEndpoint}/saml-metadata`,
            expectedEntityId: app.saasApp.idpEntityId,
            expectedSsoUrl: app.saasApp.ssoEndpoint,
            expectedCertificate: app.saasApp.publicKey,
        }),
    );
    return { app, metadata };
}

describe("zeroTrustAwsSsoMocks", function () {
    this.timeout(60000);

    it("gives the application its inputs plus aud and the SAML values on the team domain", async () => {
        const { app } = await applicationAndMetadata(zeroTrustAwsSsoMocks({ teamDomain: "acme.cloudflareaccess.com" }));
        assert.equal(app.name, "Amazon AWS");
        assert.equal(app.saasApp.authType, "saml");
        assert.match(app.aud, /^[0-9a-f]{64}$/);
        assert.equal(app.saasApp.ssoEndpoint, `https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/${app.aud}`);
        assert.equal(app.saasApp.idpEntityId, `https://acme.cloudflareaccess.com/${app.aud}`);
    });

    it("publicKey is a real, unexpired certificate, and SamlMetadata reports exactly it", async () => {
        const { app, metadata } = await applicationAndMetadata(zeroTrustAwsSsoMocks({ certificateValidityDays: 90 }));
        const certificate = new X509Certificate(app.saasApp.publicKey);
        const now = Date.now();
        assert.ok(new Date(certificate.validFrom).getTime() < now && now < new Date(certificate.validTo).getTime());
        assert.equal(metadata.signingCertificateSha256, certificate.fingerprint256);
        assert.equal(metadata.signingCertificateNotAfter, new Date(certificate.validTo).toISOString());
        assert.equal(new X509Certificate(metadata.signingCertificate).fingerprint256, certificate.fingerprint256);
        // 90 days: roughly, since the certificate starts one day ago.
        const days = (new Date(certificate.validTo).getTime() - now) / 86400000;
        assert.ok(days > 89 && days <= 90, String(days));
        assert.deepEqual(metadata.warnings, []);
    });

    it("SamlMetadata's outputs are what the package's parser reads from its xml, plus the inputs", async () => {
        const { app, metadata } = await applicationAndMetadata(zeroTrustAwsSsoMocks());
        const facts = parseSamlMetadata(metadata.xml, { entityId: app.saasApp.idpEntityId, ssoUrl: app.saasApp.ssoEndpoint });
        assert.equal(metadata.entityId, facts.entityId);
        assert.equal(metadata.ssoUrl, facts.ssoUrl);
        assert.equal(metadata.signingCertificate, facts.signingCertificate);
        assert.equal(metadata.url, `${app.saasApp.ssoEndpoint}/saml-metadata`);
        assert.equal(metadata.fetchedFrom, metadata.url);
        assert.equal(metadata.expectedCertificate, app.saasApp.publicKey);
    });

    it("one certificate per mocks object; a short validity gives the provider's expiry warning", async () => {
        const mocks = zeroTrustAwsSsoMocks({ certificateValidityDays: 10 });
        const first = await applicationAndMetadata(mocks);
        const second = await applicationAndMetadata(mocks);
        assert.equal(first.app.saasApp.publicKey, second.app.saasApp.publicKey);
        assert.equal(first.metadata.warnings.length, 1);
        assert.match(first.metadata.warnings[0], /expires/);
    });

    it("runs the provider's checks: a metadata url outside allowedHosts fails as the real provider would", async () => {
        const mocks = zeroTrustAwsSsoMocks();
        await assert.rejects(
            create(mocks, resource(SAML_METADATA_TYPE, "elsewhere", { url: "https://evil.example.com/saml-metadata" })),
            /^Error: SamlMetadata "elsewhere": url: .*evil\.example\.com/,
        );
    });

    it("leaves SamlMetadata's outputs out while its url is unknown", async () => {
        const inputs = { url: { unknown: true } };
        const result = await create(zeroTrustAwsSsoMocks(), resource(SAML_METADATA_TYPE, "later", inputs));
        assert.deepEqual(result.state, inputs);
    });

    it("answers aws.ssoadmin.getInstances with one instance", async () => {
        const mocks = zeroTrustAwsSsoMocks({
            identityStoreId: "d-4455667788",
            instanceArn: "arn:aws:sso:::instance/ssoins-0011223344556677",
        });
        assert.deepEqual(await mocks.call({ token: GET_INSTANCES_TOKEN, inputs: {} }), {
            id: "mock-region",
            arns: ["arn:aws:sso:::instance/ssoins-0011223344556677"],
            identityStoreIds: ["d-4455667788"],
        });
    });

    it("hands every other resource and call to the fallback; without one, echoes the inputs", async () => {
        const seen: string[] = [];
        const fallback: pulumi.runtime.Mocks = {
            newResource: (args) => {
                seen.push(args.type);
                return { id: "mine", state: { bucket: "b" } };
            },
            call: (args) => {
                seen.push(args.token);
                return { answer: 42 };
            },
        };
        const mocks = zeroTrustAwsSsoMocks({ fallback });
        assert.deepEqual(await mocks.newResource(resource("aws:s3/bucket:Bucket", "b", {})), { id: "mine", state: { bucket: "b" } });
        assert.deepEqual(await mocks.call({ token: "aws:index/getRegion:getRegion", inputs: {} }), { answer: 42 });
        assert.deepEqual(seen, ["aws:s3/bucket:Bucket", "aws:index/getRegion:getRegion"]);
        const echo = zeroTrustAwsSsoMocks();
        assert.deepEqual(await echo.newResource(resource("aws:s3/bucket:Bucket", "b", { acl: "private" })), {
            id: "b_id",
            state: { acl: "private" },
        });
        assert.deepEqual(await echo.call({ token: "t", inputs: { a: 1 } }), { a: 1 });
    });

    it("refuses options it cannot honour, naming the option", () => {
        assert.throws(() => zeroTrustAwsSsoMocks({ teamDomain: "https://acme.cloudflareaccess.com" }), /options\.teamDomain "https:/);
        assert.throws(() => zeroTrustAwsSsoMocks({ identityStoreId: "d-123" }), /options\.identityStoreId "d-123"/);
        assert.throws(() => zeroTrustAwsSsoMocks({ certificateValidityDays: 0 }), /options\.certificateValidityDays must be/);
    });

    it("the package entry does not load the testing entry or node-forge", () => {
        const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
        const probe = spawnSync(
            process.execPath,
            [
                "-r",
                "ts-node/register/transpile-only",
                "-e",
                'require("./components"); console.log(JSON.stringify(Object.keys(require.cache).filter((f) => /node-forge|[\\\\/]testing[\\\\/]/.test(f))))',
            ],
            { cwd: require("node:path").resolve(__dirname, ".."), encoding: "utf8" },
        );
        assert.equal(probe.status, 0, probe.stderr);
        assert.deepEqual(JSON.parse(probe.stdout), []);
    });
});
