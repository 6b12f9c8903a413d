// The component with `identityCenter`: one list of people drives the Access policy and Identity Center, people on
// one side only are reported, and the AWS values cross-check each other.
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { MockCloud } from "../harness/mockCloud";
import { valueOf } from "../harness/outputs";
import { captureWarnings } from "../harness/warnings";
import { ZeroTrustAwsSso, type ZeroTrustAwsSsoArgs } from "../components";
import { COMPONENT, POLICY, USER } from "../harness/resourceTypes";

const users = [
    { email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" },
    { email: "Grace@Example.com", givenName: "Grace", familyName: "Hopper" },
];

function args(overrides: Partial<ZeroTrustAwsSsoArgs> = {}): ZeroTrustAwsSsoArgs {
    return {
        accountId: "0123456789abcdef0123456789abcdef",
        awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890",
        awsAcsUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718",
        metadata: { allowedHosts: ["localhost"], retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 } },
        identityCenter: {
            users,
            groups: [{ name: "platform", members: ["ada@example.com"] }],
            permissionSets: [{ name: "Admin", managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] }],
            assignments: [{ permissionSet: "Admin", accountIds: ["111122223333"], groups: ["platform"] }],
        },
        ...overrides,
    };
}

describe("ZeroTrustAwsSso with identityCenter", function () {
    let cloud: MockCloud;
    const warnings = captureWarnings();
    before(async () => {
        cloud = await MockCloud.start();
    });
    after(async () => cloud.close());
    beforeEach(() => {
        cloud.resources.length = 0;
    });

    it("allows exactly the Identity Center users when access.emails is omitted", async () => {
        const sso = new ZeroTrustAwsSso("ic", args());
        await valueOf(sso.awsSetupSteps);
        assert.deepEqual(cloud.find(POLICY, "ic-policy").inputs.includes, [
            { email: { email: "ada@example.com" } },
            { email: { email: "grace@example.com" } },
        ]);
        assert.deepEqual(
            cloud
                .ofType(USER)
                .map((u) => u.inputs.userName)
                .sort(),
            ["Grace@Example.com", "ada@example.com"],
        );
        assert.deepEqual(await valueOf(sso.accessMismatches), { cloudflareOnly: [], awsOnly: [] });
        assert.equal(await valueOf(sso.awsAccessPortalUrl), "https://d-1234567890.awsapps.com/start");
        const steps = await valueOf(sso.awsSetupSteps);
        assert.match(steps, /manages these 2 users \(username = email\)/);
        assert.match(steps, /`Grace@Example\.com`/);
        assert.match(steps, /open https:\/\/d-1234567890\.awsapps\.com\/start/);
        assert.deepEqual(warnings, []);
        // The default portal URL is registered as the component's output, as before.
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.deepEqual(cloud.registeredOutputs.get(cloud.find(COMPONENT, "ic").urn), {
            awsAccessPortalUrl: "https://d-1234567890.awsapps.com/start",
            accessMismatches: { cloudflareOnly: [], awsOnly: [] },
            awsSetupSteps: steps,
        });
    });

    it("treats an empty access.emails list (a config default) like an omitted one", async () => {
        const sso = new ZeroTrustAwsSso("ic-empty", args({ access: { emails: [] }, awsAccessPortalUrl: "", sessionDuration: "" }));
        await valueOf(sso.awsSetupSteps);
        assert.equal(cloud.find(POLICY, "ic-empty-policy").inputs.includes.length, 2);
        assert.equal(await valueOf(sso.awsAccessPortalUrl), "https://d-1234567890.awsapps.com/start");
    });

    it("reports people on one side only, as warnings and as accessMismatches", async () => {
        const sso = new ZeroTrustAwsSso("ic-mismatch", args({ access: { emails: ["ada@example.com", "eve@example.com"] } }));
        await valueOf(sso.awsSetupSteps);
        assert.deepEqual(await valueOf(sso.accessMismatches), { cloudflareOnly: ["eve@example.com"], awsOnly: ["grace@example.com"] });
        assert.deepEqual(warnings.sort(), [
            "eve@example.com may pass the Access policy but has no IAM Identity Center user, so AWS will reject the sign-in; add them to identityCenter.users or remove them from access.emails.",
            "grace@example.com has an IAM Identity Center user but no Access rule allows them; add them to access.emails (or a matching access.emailDomains entry) or remove the user.",
        ]);
        const steps = await valueOf(sso.awsSetupSteps);
        assert.match(steps, /allowed by Access but without an Identity Center user:\n {5}- `eve@example\.com`/);
        assert.match(steps, /Identity Center users not allowed by the Access policy:\n {5}- `grace@example\.com`/);
    });

    it("counts an email domain as covering the users in it", async () => {
        const sso = new ZeroTrustAwsSso("ic-domain", args({ access: { emails: ["ada@example.com"], emailDomains: ["example.com"] } }));
        assert.deepEqual(await valueOf(sso.accessMismatches), { cloudflareOnly: [], awsOnly: [] });
    });

    it("rejects an issuer URL copied from another Identity Center instance", () => {
        assert.throws(
            () =>
                new ZeroTrustAwsSso(
                    "ic-other",
                    args({
                        identityCenter: {
                            ...args().identityCenter!,
                            identityStoreId: "d-9999999999",
                            instanceArn: "arn:aws:sso:::instance/ssoins-9999999999999999",
                        },
                    }),
                ),
            {
                message:
                    'ZeroTrustAwsSso "ic-other": awsIssuerUrl: names identity store d-1234567890 but identityCenter.identityStoreId is d-9999999999: the issuer URL was copied from another IAM Identity Center instance. Copy it again from the instance this stack manages.',
            },
        );
    });

    it("catches the same mismatch when the identity store id comes from the instance lookup", async () => {
        const sso = new ZeroTrustAwsSso(
            "ic-lookup",
            args({ awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-5555555555" }),
        );
        await assert.rejects(
            valueOf(sso.applicationId),
            /awsIssuerUrl: names identity store d-5555555555 but identityCenter.identityStoreId is d-1234567890/,
        );
    });

    it("creates none of the AWS resources either when a late check fails", async () => {
        const sso = new ZeroTrustAwsSso(
            "ic-gated",
            args({ awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-5555555555" }),
        );
        await assert.rejects(valueOf(sso.awsSetupSteps));
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Only this component's children: registrations of earlier tests may still be arriving.
        const children = cloud.resources.filter((r) => r.name.startsWith("ic-gated-")).map((r) => r.type);
        assert.deepEqual(children, []);
    });

    it("surfaces Identity Center validation as a ResourceError naming the path", () => {
        assert.throws(
            () =>
                new ZeroTrustAwsSso(
                    "ic-bad",
                    args({
                        identityCenter: {
                            users,
                            assignments: [{ permissionSet: "Nope", accountIds: ["111122223333"], users: ["ada@example.com"] }],
                        },
                    }),
                ),
            (err: Error) =>
                pulumi.ResourceError.isInstance(err) &&
                /^ZeroTrustAwsSso "ic-bad": identityCenter\.assignments\[0\]\.permissionSet: /.test(err.message),
        );
    });
});
