// The component with `scim`, under mocks: the application's captured `scimConfig` (the token only ever as a secret),
// no `scimConfig` without scim, the SCIM principal lookups with their filters, the "not provisioned yet" failure,
// Output values checked when they resolve, and the token-expiry warning in the log and at the top of the runbook.
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { MockCloud } from "../harness/mockCloud";
import { valueOf } from "../harness/outputs";
import { captureWarnings } from "../harness/warnings";
import { ZeroTrustAwsSso, type ZeroTrustAwsSsoArgs } from "../components";
import { APP, ASSIGNMENT, GROUP, USER } from "../harness/resourceTypes";
// The mock monitor hands secrets to newResource in the SDK's wire form.
import { revealSecrets, visibleJson } from "../harness/wire";

const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
const ENDPOINT = "https://scim.us-east-1.amazonaws.com/a1b2c3d4-5678-90ab-cdef-111122223333/scim/v2";
const TOKEN = "AQoDYXdzEJr-SECRET-TOKEN-7f3c9a1e";
const IDP = "3f1c7b52-6d0e-4c8a-9b1f-2a7e5d4c3b21";
const GET_GROUP = "aws:identitystore/getGroup:getGroup";
const GET_USER = "aws:identitystore/getUser:getUser";

function args(overrides: Partial<ZeroTrustAwsSsoArgs> = {}): ZeroTrustAwsSsoArgs {
    return {
        accountId: "0123456789abcdef0123456789abcdef",
        awsIssuerUrl: ISSUER,
        awsAcsUrl: ACS,
        access: { emailDomains: ["corp.example"], emails: ["ada@corp.example"] },
        metadata: { allowedHosts: ["localhost"], retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 } },
        scim: { endpoint: `${ENDPOINT}/`, token: TOKEN, sourceIdpId: IDP },
        ...overrides,
    };
}

function isoDay(daysFromNow: number): string {
    return new Date(Date.now() + daysFromNow * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

describe("ZeroTrustAwsSso with scim", function () {
    let cloud: MockCloud;
    const warnings = captureWarnings();
    before(async () => {
        cloud = await MockCloud.start({ identityStore: { groups: { platform: "g-9067" }, users: { "Ada@Corp.example": "u-4512" } } });
    });
    after(async () => cloud.close());
    beforeEach(() => {
        cloud.resources.length = 0;
        cloud.calls.length = 0;
    });

    it("gives the application scimConfig with the token only as a secret, and no output or log line holds it", async () => {
        const sso = new ZeroTrustAwsSso(
            "aws",
            args({ scim: { endpoint: `${ENDPOINT}/`, token: TOKEN, sourceIdpId: IDP, deactivateOnDelete: true } }),
        );
        const outputs = await Promise.all([valueOf(sso.awsSetupSteps), valueOf(sso.accessMismatches), valueOf(sso.awsAccessPortalUrl)]);
        const app = cloud.find(APP, "aws-app");
        assert.deepEqual(revealSecrets(app.inputs.scimConfig), {
            enabled: true,
            remoteUri: ENDPOINT,
            idpUid: IDP,
            authentication: { scheme: "oauthbearertoken", token: TOKEN },
            deactivateOnDelete: true,
        });
        assert.ok(!visibleJson(cloud.resources.map((r) => r.inputs)).includes(TOKEN), "the token appears only inside a secret");
        assert.ok(!JSON.stringify(outputs).includes(TOKEN), "no component output holds the token");
        assert.ok(!warnings.join("\n").includes(TOKEN), "no warning holds the token");
        assert.deepEqual(outputs[1], { cloudflareOnly: [], awsOnly: [] }, "accessMismatches is empty with scim");
        assert.match(outputs[0], /provisioning must be \*\*Automatic\*\* \(SCIM\)/);
        assert.ok(outputs[0].includes(`- SCIM endpoint: \`${ENDPOINT}\``));
        assert.deepEqual(warnings, [], "no people-on-one-side warnings with scim");
    });

    it("a token given as a secret Output (config.requireSecret) stays a secret", async () => {
        const sso = new ZeroTrustAwsSso("aws", args({ scim: { endpoint: ENDPOINT, token: pulumi.secret(TOKEN), sourceIdpId: IDP } }));
        await valueOf(sso.awsSetupSteps);
        const scimConfig = cloud.find(APP, "aws-app").inputs.scimConfig as Record<string, unknown>;
        // A late value makes the gate wait on the whole scimConfig, so the secret may wrap it entirely.
        assert.ok(!visibleJson(scimConfig).includes(TOKEN));
        assert.equal((revealSecrets(scimConfig) as { authentication: { token: string } }).authentication.token, TOKEN);
    });

    it("without scim, the application's inputs have no scimConfig key", async () => {
        const { scim: _scim, ...plain } = args();
        const sso = new ZeroTrustAwsSso("aws", plain);
        await valueOf(sso.awsSetupSteps);
        assert.equal("scimConfig" in cloud.find(APP, "aws-app").inputs, false);
        assert.match(await valueOf(sso.awsSetupSteps), /keep \*\*Manual\*\* provisioning/);
    });

    it("assignments resolve SCIM groups (DisplayName) and users (UserName) in the identity store, creating no users or groups", async () => {
        const sso = new ZeroTrustAwsSso(
            "aws",
            args({
                identityCenter: {
                    users: [],
                    permissionSets: [{ name: "Admin" }],
                    assignments: [
                        { permissionSet: "Admin", accountIds: ["111122223333"], groups: ["platform"], users: ["Ada@Corp.example"] },
                    ],
                },
            }),
        );
        await Promise.all([valueOf(sso.awsSetupSteps), ...sso.identityCenter!.assignments.map((a) => valueOf(a.id))]);
        assert.deepEqual(
            cloud.calls.filter((c) => c.token === GET_GROUP || c.token === GET_USER).map((c) => [c.token, c.inputs]),
            [
                [
                    GET_GROUP,
                    {
                        identityStoreId: "d-1234567890",
                        alternateIdentifier: { uniqueAttribute: { attributePath: "DisplayName", attributeValue: "platform" } },
                    },
                ],
                [
                    GET_USER,
                    {
                        identityStoreId: "d-1234567890",
                        alternateIdentifier: { uniqueAttribute: { attributePath: "UserName", attributeValue: "Ada@Corp.example" } },
                    },
                ],
            ],
        );
        const assignments = cloud.ofType(ASSIGNMENT).map((r) => [r.name, r.inputs.principalType, r.inputs.principalId]);
        assert.deepEqual(assignments, [
            ["aws-assignment-Admin-111122223333-group-platform", "GROUP", "g-9067"],
            ["aws-assignment-Admin-111122223333-user-ada@corp.example", "USER", "u-4512"],
        ]);
        assert.deepEqual([...cloud.ofType(USER), ...cloud.ofType(GROUP)], []);
    });

    it("a group SCIM has not provisioned yet fails its assignment with what to do", async () => {
        const sso = new ZeroTrustAwsSso(
            "aws",
            args({
                identityCenter: {
                    users: [],
                    permissionSets: [{ name: "Admin" }],
                    assignments: [{ permissionSet: "Admin", accountIds: ["111122223333"], groups: ["platform", "ghosts"] }],
                },
            }),
        );
        await valueOf(sso.awsSetupSteps);
        const ghost = sso.identityCenter!.assignments[0]; // sorted by name: "...-group-ghosts" first
        await assert.rejects(valueOf(ghost.id), (err: Error) => {
            assert.match(
                err.message,
                /identityCenter\.assignments\[0\]\.groups\[1\]: SCIM group "ghosts" is not in identity store d-1234567890: SCIM has not provisioned it yet\. .*wait for Cloudflare's first provisioning cycle.*not filtered out by scim\.mappings\./,
            );
            assert.ok(!err.message.includes(TOKEN));
            return true;
        });
    });

    it("a bad value fails at construction, naming scim.<field> and never quoting the token", () => {
        assert.throws(
            () => new ZeroTrustAwsSso("aws", args({ scim: { endpoint: TOKEN, token: ENDPOINT, sourceIdpId: "" } })),
            (err: Error) => {
                assert.ok(err instanceof pulumi.ResourceError);
                assert.match(err.message, /^ZeroTrustAwsSso "aws": 3 invalid arguments:\n {2}- scim\.endpoint: is not a URL/);
                assert.match(err.message, /\n {2}- scim\.token: is a URL, not an access token/);
                assert.match(err.message, /\n {2}- scim\.sourceIdpId: is empty/);
                assert.ok(!err.message.includes(TOKEN));
                return true;
            },
        );
        assert.throws(
            () =>
                new ZeroTrustAwsSso(
                    "aws",
                    args({ identityCenter: { users: [{ email: "ada@corp.example", givenName: "Ada", familyName: "Lovelace" }] } }),
                ),
            /identityCenter\.users: cannot be combined with scim/,
        );
        assert.equal(cloud.resources.length, 0, "nothing registered");
    });

    it("Output values are checked when they resolve: a wrong region fails every child, without the token", async () => {
        const sso = new ZeroTrustAwsSso(
            "aws",
            args({
                scim: {
                    endpoint: pulumi.output(ENDPOINT.replace("us-east-1", "eu-west-1")),
                    token: pulumi.secret(TOKEN),
                    sourceIdpId: IDP,
                },
            }),
        );
        await assert.rejects(valueOf(sso.applicationId), (err: Error) => {
            assert.match(err.message, /scim\.endpoint: is in region eu-west-1 but awsIssuerUrl is in us-east-1/);
            assert.ok(!err.message.includes(TOKEN));
            return true;
        });
        await assert.rejects(valueOf(sso.awsSetupSteps));
    });

    it("warns at the top of the runbook and in the log when the token expires within 30 days", async () => {
        const soon = isoDay(10);
        const sso = new ZeroTrustAwsSso(
            "aws",
            args({ scim: { endpoint: ENDPOINT, token: TOKEN, sourceIdpId: IDP, tokenExpiresAt: soon } }),
        );
        const steps = await valueOf(sso.awsSetupSteps);
        const lines = steps.split("\n");
        assert.equal(lines[2], "**Attention:**");
        assert.match(lines[4], new RegExp(`^- the IAM Identity Center SCIM access token expires on ${soon} \\(in (9|10) days\\)`));
        assert.deepEqual(
            warnings.filter((w) => w.includes("SCIM access token")),
            [`scim.tokenExpiresAt: ${lines[4].slice(2)}`],
        );
    });

    it("no warning when the token expires later; a past date says it expired", async () => {
        const later = new ZeroTrustAwsSso(
            "later",
            args({ scim: { endpoint: ENDPOINT, token: TOKEN, sourceIdpId: IDP, tokenExpiresAt: isoDay(90) } }),
        );
        assert.doesNotMatch(await valueOf(later.awsSetupSteps), /Attention/);
        const past = isoDay(-3);
        const expired = new ZeroTrustAwsSso(
            "past",
            args({ scim: { endpoint: ENDPOINT, token: TOKEN, sourceIdpId: IDP, tokenExpiresAt: past } }),
        );
        assert.match(await valueOf(expired.awsSetupSteps), new RegExp(`- the IAM Identity Center SCIM access token expired on ${past}:`));
    });
});
