// The SamlMetadata dynamic provider: its functions called directly (as the engine would call them) against a
// loopback HTTPS team domain, and the resource under mocks, where the provider runs from its serialized text
// in a fresh Node process.
import { strict as assert } from "node:assert";
import { X509Certificate } from "node:crypto";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { issueCertificate } from "../harness/certificates";
import { metadataDocument } from "../harness/metadataDocument";
import { startLoopbackServer, type LoopbackServer } from "../harness/loopbackServer";
import { MockCloud } from "../harness/mockCloud";
import { startProviderHost, type ProviderHost } from "../harness/providerHost";
import { valueOf } from "../harness/outputs";
import { samlMetadataProvider as provider } from "../components/metadata/samlMetadataProvider";
import { SamlMetadata } from "../components";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The inputs the component would give the provider for an application served at `ssoUrl`. */
function providerInputs(ssoUrl: string, entityId: string, certPem: string): Record<string, unknown> {
    return {
        url: `${ssoUrl}/saml-metadata`,
        expectedEntityId: entityId,
        expectedSsoUrl: ssoUrl,
        expectedCertificate: certPem,
        allowedHosts: ["localhost"],
        retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 },
    };
}

describe("SamlMetadata provider, called directly", function () {
    const cert = issueCertificate({ commonName: "acme.cloudflareaccess.com" });
    let xml: string;
    let server: LoopbackServer;
    let inputs: Record<string, unknown>;
    let ssoUrl: string;
    let entityId: string;

    before(async () => {
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(200, { "content-type": "application/xml" });
            res.end(xml);
        });
        ssoUrl = server.localhostUrl("/cdn-cgi/access/sso/saml/abc123");
        entityId = server.localhostUrl("/abc123");
        xml = metadataDocument({ entityId, ssoUrl, certificates: [cert.base64] });
        inputs = providerInputs(ssoUrl, entityId, cert.certPem);
    });
    after(async () => server.close());

    it("check accepts good inputs and tolerates unknown values in preview", async () => {
        assert.deepEqual((await provider.check!({}, inputs)).failures, []);
        const preview = { ...inputs, url: UNKNOWN, expectedCertificate: UNKNOWN, expectedEntityId: UNKNOWN };
        assert.deepEqual((await provider.check!({}, preview)).failures, []);
    });

    it("check rejects bad values with the property and the fix", async () => {
        const failures = async (news: Record<string, unknown>) => (await provider.check!({}, { ...inputs, ...news })).failures;
        const [http] = (await failures({ url: "http://localhost/x" }))!;
        assert.equal(http.property, "url");
        assert.match(http.reason, /https/);
        const [host] = (await failures({ url: "https://evil.example.com/saml-metadata" }))!;
        assert.equal(host.property, "url");
        assert.match(host.reason, /evil\.example\.com/);
        const [cert] = (await failures({ expectedCertificate: "not a certificate" }))!;
        assert.equal(cert.property, "expectedCertificate");
        assert.match(cert.reason, /^expectedCertificate: /);
        const [knob] = (await failures({ retry: { attempts: 0 } }))!;
        assert.equal(knob.property, "retry");
        assert.deepEqual(await failures({ url: undefined }), [
            { property: "url", reason: "url is required: the application's SAML metadata endpoint, <ssoEndpoint>/saml-metadata." },
        ]);
    });

    it("diff: nothing changed is quiet; a new url replaces; other inputs update; unknowns count as changes", async () => {
        assert.deepEqual(await provider.diff!("id", { ...inputs, xml }, { ...inputs }), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
        assert.deepEqual((await provider.diff!("id", inputs, { ...inputs, url: `${ssoUrl}/other` })).replaces, ["url"]);
        const cert2 = await provider.diff!("id", inputs, { ...inputs, expectedCertificate: "x" });
        assert.deepEqual([cert2.changes, cert2.replaces], [true, []]);
        // An unknown url is an update in preview; `up` diffs again with the known value and replaces only then.
        assert.deepEqual(await provider.diff!("id", inputs, { ...inputs, url: UNKNOWN }), {
            changes: true,
            replaces: [],
            deleteBeforeReplace: false,
        });
        assert.equal(
            (await provider.diff!("id", inputs, { ...inputs, retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 } })).changes,
            false,
        );
    });
});

// create/read/update do I/O, so they run where the engine runs them: in a separate host process that loaded the
// serialized provider text (and trusts the test CA through NODE_EXTRA_CA_CERTS, as the host would).
describe("SamlMetadata provider, serialized and run in a fresh process", function () {
    let current: { xml: string; status: number };
    let server: LoopbackServer;
    let host: ProviderHost;
    let text: string;
    let inputs: Record<string, unknown>;
    const cert = issueCertificate({ commonName: "acme" });
    const rotated = issueCertificate({ commonName: "acme-rotated" });
    let ssoUrl: string;
    let entityId: string;

    before(async () => {
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(current.status, { "content-type": "application/samlmetadata+xml" });
            res.end(current.xml);
        });
        ssoUrl = server.localhostUrl("/cdn-cgi/access/sso/saml/abc123");
        entityId = server.localhostUrl("/abc123");
        current = { status: 200, xml: metadataDocument({ entityId, ssoUrl, certificates: [cert.base64] }) };
        inputs = { ...providerInputs(ssoUrl, entityId, cert.certPem), timeoutMs: 2000 };
        text = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
        host = startProviderHost(path.resolve(__dirname, ".."));
    });
    after(async () => {
        host.close();
        await server.close();
    });

    it("serializes to self-contained text that captures no resource, config or credential", () => {
        assert.match(text, /exports\.handler = /);
        assert.doesNotMatch(text, /CustomResource|ComponentResource|PULUMI_|CLOUDFLARE_API|AWS_SECRET/);
        assert.ok(text.length < 200_000, `__provider is ${text.length} bytes`);
    });

    it("create downloads, validates and reports the document", async () => {
        const created = await host.call<{ id: string; outs: Record<string, unknown> }>(text, "create", [inputs]);
        const x509 = new X509Certificate(cert.certPem);
        assert.equal(created.id, inputs.url);
        assert.equal(created.outs.xml, current.xml);
        assert.equal(created.outs.entityId, entityId);
        assert.equal(created.outs.ssoUrl, ssoUrl);
        assert.equal(created.outs.signingCertificateSha256, x509.fingerprint256);
        assert.equal(created.outs.signingCertificateNotAfter, new Date(x509.validTo).toISOString());
        assert.equal(created.outs.fetchedFrom, inputs.url);
        assert.deepEqual(created.outs.warnings, []);
        assert.equal(created.outs.url, inputs.url);
        assert.equal(created.outs.__provider, undefined, "the provider returns no __provider; the host adds it");
    });

    it("create fails, showing both values, when the document disagrees with the application", async () => {
        await assert.rejects(
            host.call(text, "create", [{ ...inputs, expectedEntityId: "https://other.cloudflareaccess.com/x" }]),
            (err: Error) => err.message.includes("https://other.cloudflareaccess.com/x") && err.message.includes(entityId),
        );
    });

    it("read reports a rotated certificate as changed outputs with a warning to re-upload", async () => {
        const created = await host.call<{ id: string; outs: Record<string, unknown> }>(text, "create", [inputs]);
        current = { status: 200, xml: metadataDocument({ entityId, ssoUrl, certificates: [rotated.base64] }) };
        try {
            const read = await host.call<{ id: string; props: Record<string, unknown>; inputs: Record<string, unknown> }>(text, "read", [
                created.id,
                { ...created.outs },
            ]);
            assert.equal(read.props.signingCertificateSha256, new X509Certificate(rotated.certPem).fingerprint256);
            assert.notEqual(read.props.signingCertificateSha256, created.outs.signingCertificateSha256);
            assert.equal(read.props.xml, current.xml);
            assert.match(
                (read.props.warnings as string[]).join("\n"),
                /changed from SHA-256 .* upload the new metadata file to IAM Identity Center/,
            );
            assert.deepEqual(Object.keys(read.inputs).sort(), Object.keys(inputs).sort());
        } finally {
            current = { status: 200, xml: metadataDocument({ entityId, ssoUrl, certificates: [cert.base64] }) };
        }
    });

    it("read keeps reporting the expected certificate while it is still published next to a newer one", async () => {
        const later = issueCertificate({ commonName: "acme-next", notAfter: new Date(Date.now() + 3 * 365 * 86400_000) });
        current = { status: 200, xml: metadataDocument({ entityId, ssoUrl, certificates: [cert.base64, later.base64] }) };
        try {
            const created = await host.call<{ id: string; outs: Record<string, unknown> }>(text, "create", [inputs]);
            const read = await host.call<{ props: Record<string, unknown> }>(text, "read", [created.id, { ...created.outs }]);
            assert.equal(created.outs.signingCertificateSha256, new X509Certificate(cert.certPem).fingerprint256);
            assert.equal(read.props.signingCertificateSha256, created.outs.signingCertificateSha256, "refresh agrees with create");
            assert.deepEqual(read.props.warnings, []);
        } finally {
            current = { status: 200, xml: metadataDocument({ entityId, ssoUrl, certificates: [cert.base64] }) };
        }
    });

    it("a failed read says why and that the stored document is unchanged", async () => {
        current = { status: 500, xml: "oops" };
        try {
            await assert.rejects(
                host.call(text, "read", ["id", { ...inputs, xml: "<old/>" }]),
                /^Error: Refreshing SAML metadata failed; the stored document is unchanged\. SAML metadata: .*HTTP 500/,
            );
        } finally {
            current = { status: 200, xml: metadataDocument({ entityId, ssoUrl, certificates: [cert.base64] }) };
        }
    });

    it("update fetches again with the new inputs; delete does nothing", async () => {
        const updated = await host.call<{ outs: Record<string, unknown> }>(text, "update", ["id", inputs, { ...inputs, timeoutMs: 3000 }]);
        assert.equal(updated.outs.timeoutMs, 3000);
        assert.equal(updated.outs.xml, current.xml);
        assert.equal(await host.call(text, "delete", ["id", inputs]), undefined);
    });
});

describe("SamlMetadata resource under mocks", function () {
    let cloud: MockCloud;
    before(async () => {
        cloud = await MockCloud.start();
    });
    after(async () => cloud.close());

    it("is usable on its own and runs its provider from the serialized text", async () => {
        const app = [...cloud.apps.values()][0];
        assert.equal(app, undefined, "no app yet: this resource reads a URL served by the team domain");
        // Register an application so the fake team domain serves its metadata.
        const { ZeroTrustAwsSso } = require("../components") as typeof import("../components");
        const sso = new ZeroTrustAwsSso("standalone-src", {
            accountId: "0123456789abcdef0123456789abcdef",
            awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890",
            awsAcsUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a",
            access: { emails: ["ada@example.com"] },
            metadata: { allowedHosts: ["localhost"] },
        });
        const url = await valueOf(sso.metadataUrl);
        const metadata = new SamlMetadata("standalone", { url, allowedHosts: ["localhost"], retry: { attempts: 1 } });
        const [xml, sha] = [await valueOf(metadata.xml), await valueOf(metadata.signingCertificateSha256)];
        assert.match(xml, /EntityDescriptor/);
        assert.equal(sha, await valueOf(sso.signingCertificateSha256));
        const registered = cloud.find("pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata", "standalone");
        assert.equal(
            registered.inputs.__provider,
            cloud.find("pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata", "standalone-src-metadata").inputs.__provider,
        );
        assert.deepEqual([...cloud.providerCalls].sort(), ["check", "check", "create", "create"]);
    });

    it("rejects bad arguments at construction with the field and the fix", () => {
        assert.throws(() => new SamlMetadata("bad", { url: "http://acme.cloudflareaccess.com/x" }), /SamlMetadata "bad": .*https/);
        assert.throws(
            () => new SamlMetadata("bad2", { url: "https://acme.cloudflareaccess.com/x", timeoutMs: -1 }),
            /SamlMetadata "bad2": timeoutMs/,
        );
        assert.throws(
            () => new SamlMetadata("bad3", { url: "https://acme.cloudflareaccess.com/x", expectedCertificate: "nope" }),
            /SamlMetadata "bad3": expectedCertificate: /,
        );
    });
});
