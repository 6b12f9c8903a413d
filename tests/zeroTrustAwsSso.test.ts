// The component under mocks: what it registers (captured inputs), what it outputs, and how it rejects bad input.
import { strict as assert } from "node:assert";
import { X509Certificate } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { MockCloud } from "../harness/mockCloud";
import { valueOf } from "../harness/outputs";
import { ZeroTrustAwsSso, type ZeroTrustAwsSsoArgs } from "../components";
import { COMPONENT, APP, POLICY, METADATA } from "../harness/resourceTypes";

const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";

function baseArgs(overrides: Partial<ZeroTrustAwsSsoArgs> = {}): ZeroTrustAwsSsoArgs {
    return {
        accountId: "0123456789abcdef0123456789abcdef",
        awsIssuerUrl: ISSUER,
        awsAcsUrl: ACS,
        access: { emails: ["Grace@Example.com", "ada@example.com"], emailDomains: ["example.org"] },
        metadata: { allowedHosts: ["localhost"], retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 } },
        ...overrides,
    };
}

/** Waits until every output of the component has resolved (and so every child is registered). */
async function settle(sso: ZeroTrustAwsSso): Promise<void> {
    await valueOf(sso.awsSetupSteps);
}

describe("ZeroTrustAwsSso", function () {
    let cloud: MockCloud;
    before(async () => {
        cloud = await MockCloud.start();
    });
    after(async () => cloud.close());
    beforeEach(() => {
        cloud.resources.length = 0;
    });

    it("wires policy, application and metadata as children with the documented inputs", async () => {
        const sso = new ZeroTrustAwsSso("aws", {
            ...baseArgs(),
            access: {
                emails: ["Grace@Example.com", "ada@example.com"],
                emailDomains: ["example.org"],
                groupIds: ["g-2", "g-1"],
                policyIds: ["p-9", "p-3"],
            },
            allowedIdps: ["idp-1"],
            samlAttributes: [
                { name: "https://aws.amazon.com/SAML/Attributes/AccessControl:Team", source: "team" },
                { name: "department", source: "dept", required: true },
            ],
        });
        await settle(sso);

        const component = cloud.find(COMPONENT, "aws");
        assert.ok(component);
        const policy = cloud.find(POLICY, "aws-policy");
        assert.deepEqual(policy.inputs, {
            accountId: "0123456789abcdef0123456789abcdef",
            name: "Amazon AWS - aws",
            decision: "allow",
            includes: [
                { email: { email: "ada@example.com" } },
                { email: { email: "grace@example.com" } },
                { emailDomain: { domain: "example.org" } },
                { group: { id: "g-1" } },
                { group: { id: "g-2" } },
            ],
        });
        const app = cloud.find(APP, "aws-app");
        assert.deepEqual(app.inputs, {
            accountId: "0123456789abcdef0123456789abcdef",
            name: "Amazon AWS",
            type: "saas",
            saasApp: {
                authType: "saml",
                spEntityId: ISSUER,
                consumerServiceUrl: ACS,
                nameIdFormat: "email",
                customAttributes: [
                    {
                        name: "https://aws.amazon.com/SAML/Attributes/AccessControl:Team",
                        nameFormat: "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
                        source: { name: "team" },
                    },
                    {
                        name: "department",
                        nameFormat: "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified",
                        required: true,
                        source: { name: "dept" },
                    },
                ],
            },
            policies: [
                { id: policy.id, precedence: 1 },
                { id: "p-9", precedence: 2 },
                { id: "p-3", precedence: 3 },
            ],
            allowedIdps: ["idp-1"],
            autoRedirectToIdentity: true,
        });
        const metadata = cloud.find(METADATA, "aws-metadata");
        const mockApp = [...cloud.apps.values()][0];
        assert.equal(metadata.inputs.url, `${mockApp.ssoEndpoint}/saml-metadata`);
        assert.equal(metadata.inputs.expectedEntityId, mockApp.idpEntityId);
        assert.equal(metadata.inputs.expectedSsoUrl, mockApp.ssoEndpoint);
        assert.equal(metadata.inputs.expectedCertificate, mockApp.certificate.certPem);
        assert.deepEqual(metadata.inputs.allowedHosts, ["localhost"]);
        assert.deepEqual(cloud.ofType(POLICY).length, 1);

        // Children are parented to the component and named from its name.
        assert.deepEqual(
            cloud.resources
                .filter((r) => r.type !== COMPONENT)
                .map((r) => r.name)
                .sort(),
            ["aws-app", "aws-metadata", "aws-policy"],
        );
        assert.equal((sso as unknown as { __name: string }).__name, "aws");
    });

    it("exposes the validated metadata and certificate facts as outputs", async () => {
        const sso = new ZeroTrustAwsSso("aws", baseArgs());
        await settle(sso);
        const mockApp = [...cloud.apps.values()].at(-1)!;
        const cert = new X509Certificate(mockApp.certificate.certPem);
        assert.equal(await valueOf(sso.ssoEndpoint), mockApp.ssoEndpoint);
        assert.equal(await valueOf(sso.idpEntityId), mockApp.idpEntityId);
        assert.equal(await valueOf(sso.metadataUrl), `${mockApp.ssoEndpoint}/saml-metadata`);
        assert.equal(await valueOf(sso.applicationId), cloud.find(APP, "aws-app").id);
        const xml = await valueOf(sso.metadataXml);
        assert.match(xml, /<md:EntityDescriptor[^>]+entityID="https:\/\/localhost:\d+\/[0-9a-f]{64}"/);
        assert.equal(await valueOf(sso.signingCertificateSha256), cert.fingerprint256);
        assert.equal(await valueOf(sso.signingCertificateNotAfter), new Date(cert.validTo).toISOString());
        assert.equal(new X509Certificate(await valueOf(sso.signingCertificate)).fingerprint256, cert.fingerprint256);
        const steps = await valueOf(sso.awsSetupSteps);
        assert.match(steps, /pulumi stack output metadataXml > access_saml_metadata\.xml/);
        assert.ok(steps.includes(cert.fingerprint256), "runbook quotes the fingerprint");
        assert.ok(steps.includes(ISSUER) && steps.includes(ACS), "runbook quotes both AWS URLs");
        assert.match(steps, /type \*\*ACCEPT\*\*/);
        assert.match(steps, /\*\*Manual\*\*/);
        assert.deepEqual(await valueOf(sso.accessMismatches), { cloudflareOnly: [], awsOnly: [] });
        assert.equal(await valueOf(sso.awsAccessPortalUrl), undefined);
    });

    it("registers only the outputs its children do not carry, with the values of its Output properties", async () => {
        const bare = new ZeroTrustAwsSso("registered", baseArgs());
        const portal = "https://d-1234567890.awsapps.com/start";
        const withPortal = new ZeroTrustAwsSso("registered-portal", { ...baseArgs(), awsAccessPortalUrl: portal });
        await Promise.all([settle(bare), settle(withPortal)]);
        // The registration completes after the outputs resolve; give the SDK's serializer its turn.
        await new Promise((resolve) => setTimeout(resolve, 50));

        const registered = cloud.registeredOutputs.get(cloud.find(COMPONENT, "registered").urn);
        assert.deepEqual(registered, {
            accessMismatches: { cloudflareOnly: [], awsOnly: [] },
            awsSetupSteps: await valueOf(bare.awsSetupSteps),
        });
        const registeredWithPortal = cloud.registeredOutputs.get(cloud.find(COMPONENT, "registered-portal").urn);
        assert.deepEqual(registeredWithPortal, {
            awsAccessPortalUrl: portal,
            accessMismatches: { cloudflareOnly: [], awsOnly: [] },
            awsSetupSteps: await valueOf(withPortal.awsSetupSteps),
        });
        assert.equal(await valueOf(withPortal.awsAccessPortalUrl), portal);
        assert.match(await valueOf(withPortal.awsSetupSteps), /d-1234567890\.awsapps\.com\/start/);
    });

    it("creates no policy when only policyIds are given, and attaches them from precedence 1", async () => {
        const sso = new ZeroTrustAwsSso("only-ids", { ...baseArgs(), access: { policyIds: ["p-1", "p-2"] } });
        await settle(sso);
        assert.equal(sso.policy, undefined);
        assert.equal(cloud.ofType(POLICY).length, 0);
        assert.deepEqual(cloud.find(APP, "only-ids-app").inputs.policies, [
            { id: "p-1", precedence: 1 },
            { id: "p-2", precedence: 2 },
        ]);
    });

    it("produces identical inputs for reordered but equal access lists", async () => {
        const a = new ZeroTrustAwsSso("order-a", {
            ...baseArgs(),
            access: { emails: ["b@x.io", "a@x.io"], emailDomains: ["z.io", "y.io"] },
        });
        const b = new ZeroTrustAwsSso("order-b", {
            ...baseArgs(),
            access: { emails: ["A@x.io", "b@x.io"], emailDomains: ["y.io", "Z.io"] },
        });
        await Promise.all([settle(a), settle(b)]);
        const strip = (inputs: Record<string, unknown>) => ({ ...inputs, name: undefined });
        assert.deepEqual(strip(cloud.find(POLICY, "order-a-policy").inputs), strip(cloud.find(POLICY, "order-b-policy").inputs));
    });

    it("checks a portal URL that arrives as an Output without holding up the children", async () => {
        const sso = new ZeroTrustAwsSso("late-portal", {
            ...baseArgs(),
            awsAccessPortalUrl: pulumi.output("https://portal.example.com/start"),
        });
        await assert.rejects(
            valueOf(sso.awsAccessPortalUrl),
            /ZeroTrustAwsSso "late-portal": awsAccessPortalUrl: .* is not an AWS access portal URL/,
        );
        assert.match(await valueOf(sso.metadataXml), /EntityDescriptor/);
    });

    it("validates arguments that arrive as Outputs before any child uses them", async () => {
        const sso = new ZeroTrustAwsSso("late", { ...baseArgs(), awsIssuerUrl: pulumi.output(ACS) });
        await assert.rejects(
            valueOf(sso.awsSetupSteps),
            /ZeroTrustAwsSso "late": awsIssuerUrl: ".*" is the Assertion Consumer Service \(ACS\) URL, not the issuer URL/,
        );
    });
});

describe("ZeroTrustAwsSso bad input", function () {
    let cloud: MockCloud;
    before(async () => {
        cloud = await MockCloud.start();
    });
    after(async () => cloud.close());

    const cases: { what: string; args: Partial<ZeroTrustAwsSsoArgs>; message: string }[] = [
        {
            what: "account id that is not 32 hex characters",
            args: { accountId: "acme" },
            message:
                'accountId: "acme" is not a Cloudflare account id: expected 32 hexadecimal characters, as shown in the dashboard URL (dash.cloudflare.com/<account id>) or under Account Home > Account ID.',
        },
        {
            what: "issuer over http",
            args: { awsIssuerUrl: "http://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890" },
            message:
                'awsIssuerUrl: "http://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890" must use https; copy it from IAM Identity Center > Settings > Identity source > Change identity source > External identity provider > Service provider metadata (it looks like https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890).',
        },
        {
            what: "issuer on a non-AWS host",
            args: { awsIssuerUrl: "https://sso.example.com/platform/saml/d-1234567890" },
            message:
                'awsIssuerUrl: "https://sso.example.com/platform/saml/d-1234567890" is not an AWS sign-in URL (host sso.example.com); copy it from IAM Identity Center > Settings > Identity source > Change identity source > External identity provider > Service provider metadata (it looks like https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890).',
        },
        {
            what: "ACS URL given as issuer",
            args: { awsIssuerUrl: ACS, awsAcsUrl: ACS },
            message: `awsIssuerUrl: "${ACS}" is the Assertion Consumer Service (ACS) URL, not the issuer URL: the two values were swapped. Put it in awsAcsUrl and use the "IAM Identity Center issuer URL" here (it looks like https://us-east-1.signin.aws.amazon.com/platform/saml/<id>).`,
        },
        {
            what: "issuer given as ACS URL",
            args: { awsAcsUrl: ISSUER },
            message: `awsAcsUrl: "${ISSUER}" is the issuer URL, not the Assertion Consumer Service (ACS) URL: the two values were swapped. Put it in awsIssuerUrl and use the "IAM Identity Center Assertion Consumer Service (ACS) URL" here (it looks like https://us-east-1.signin.aws.amazon.com/platform/saml/acs/<id>).`,
        },
        {
            what: "issuer and ACS URL swapped (each message suggests the user's own other value)",
            args: { awsIssuerUrl: ACS, awsAcsUrl: ISSUER },
            message: `2 invalid arguments:`,
        },
        {
            what: "non-AWS ACS URL",
            args: { awsAcsUrl: "https://evil.example.com/platform/saml/acs/abc" },
            message:
                'awsAcsUrl: "https://evil.example.com/platform/saml/acs/abc" is not an AWS sign-in URL (host evil.example.com); copy it from IAM Identity Center > Settings > Identity source > Change identity source > External identity provider > Service provider metadata (it looks like https://us-east-1.signin.aws.amazon.com/platform/saml/acs/01234567-89ab-cdef-0123-456789abcdef).',
        },
        {
            what: "issuer and ACS from different regions",
            args: { awsAcsUrl: ACS.replace("us-east-1", "eu-west-1") },
            message:
                "awsAcsUrl: is in region eu-west-1 but awsIssuerUrl is in us-east-1; copy both from the same IAM Identity Center instance.",
        },
        {
            what: "access portal on a non-AWS host",
            args: { awsAccessPortalUrl: "https://portal.example.com/start" },
            message:
                'awsAccessPortalUrl: "https://portal.example.com/start" is not an AWS access portal URL (expected https://<d-xxxxxxxxxx or alias>.awsapps.com/start); copy the AWS access portal URL from IAM Identity Center > Settings > Identity source.',
        },
        {
            what: "no access rule",
            args: { access: {} },
            message:
                'access: allows nobody: give at least one of access.emails, access.emailDomains, access.groupIds, access.policyIds (or identityCenter.users). An Access application without an allow rule denies everyone, and this component never implies "everyone".',
        },
        {
            what: "no access at all",
            args: { access: undefined },
            message:
                'access: allows nobody: give at least one of access.emails, access.emailDomains, access.groupIds, access.policyIds (or identityCenter.users). An Access application without an allow rule denies everyone, and this component never implies "everyone".',
        },
        {
            what: "malformed email",
            args: { access: { emails: ["ada@example.com", "grace"] } },
            message: 'access.emails[1]: "grace" is not a valid email address; write it as name@example.com.',
        },
        {
            what: "email with a display name",
            args: { access: { emails: ["Ada <ada@example.com>"] } },
            message: 'access.emails[0]: "Ada <ada@example.com>" is not a valid email address; write it as name@example.com.',
        },
        {
            what: "duplicate emails, case-insensitively",
            args: { access: { emails: ["ada@example.com", "bob@example.com", "ADA@example.com"] } },
            message: 'access.emails[2]: "ADA@example.com" duplicates access.emails[0] (compared case-insensitively); remove one of them.',
        },
        {
            what: "email domain with @",
            args: { access: { emailDomains: ["@example.com"] } },
            message:
                'access.emailDomains[0]: "@example.com" contains "@": give the domain only, e.g. "example.com", or move the address to access.emails.',
        },
        {
            what: "email domain with a scheme",
            args: { access: { emailDomains: ["https://example.com"] } },
            message: 'access.emailDomains[0]: "https://example.com" is a URL: give the bare domain, e.g. "example.com".',
        },
        {
            what: "empty attribute name",
            args: { samlAttributes: [{ name: " ", source: "team" }] },
            message:
                "samlAttributes[0].name: must be a non-empty attribute name, e.g. https://aws.amazon.com/SAML/Attributes/AccessControl:Team.",
        },
        {
            what: "duplicate attribute names",
            args: {
                samlAttributes: [
                    { name: "team", source: "a" },
                    { name: "team", source: "b" },
                ],
            },
            message: 'samlAttributes[1].name: "team" duplicates samlAttributes[0].name; SAML attribute names must be unique.',
        },
        {
            what: "bad name format",
            args: { samlAttributes: [{ name: "team", source: "a", nameFormat: "urn:x" }] },
            message: 'samlAttributes[0].nameFormat: "urn:x" is not a SAML name format; use "uri", "basic" or "unspecified".',
        },
        {
            what: "a lone retry.maxDelayMs below the default minDelayMs",
            args: { metadata: { retry: { maxDelayMs: 100 } } },
            message: "metadata: retry.maxDelayMs must be an integer from 500 to 300000",
        },
        {
            what: "bad retry knob",
            args: { metadata: { retry: { attempts: 0 } } },
            message: "metadata: retry.attempts must be an integer from 1 to 20",
        },
    ];

    for (const c of cases) {
        it(`rejects ${c.what} at construction, before any child is registered`, () => {
            cloud.resources.length = 0;
            assert.throws(
                () => new ZeroTrustAwsSso("bad", { ...baseArgs(), ...c.args }),
                (err: Error) => {
                    assert.ok(pulumi.ResourceError.isInstance(err), `expected a ResourceError, got ${err.constructor.name}`);
                    assert.equal(err.message.split("\n")[0].replace(/\.$/, ""), `ZeroTrustAwsSso "bad": ${c.message}`.replace(/\.$/, ""));
                    return true;
                },
            );
            assert.deepEqual(
                cloud.resources.filter((r) => r.type !== COMPONENT).map((r) => r.name),
                [],
            );
        });
    }

    it("reports every bad argument in one error, one line each, and registers no child", () => {
        cloud.resources.length = 0;
        assert.throws(
            () =>
                new ZeroTrustAwsSso("bad", {
                    ...baseArgs(),
                    accountId: "0123",
                    awsAcsUrl: ISSUER,
                    access: { emails: ["ada@example.com", "grace"], emailDomains: ["https://example.com"] },
                    samlAttributes: [{ name: "", source: "team" }],
                }),
            (err: Error) => {
                assert.ok(pulumi.ResourceError.isInstance(err));
                assert.deepEqual(
                    err.message.split("\n").map((line) => line.replace(/^( {2}- [^:]+:).*$/, "$1")),
                    [
                        'ZeroTrustAwsSso "bad": 5 invalid arguments:',
                        "  - accountId:",
                        "  - awsAcsUrl:",
                        "  - access.emails[1]:",
                        "  - access.emailDomains[0]:",
                        "  - samlAttributes[0].name:",
                    ],
                );
                return true;
            },
        );
        assert.deepEqual(
            cloud.resources.filter((r) => r.type !== COMPONENT),
            [],
        );
    });
});
