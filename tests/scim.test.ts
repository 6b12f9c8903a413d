// SCIM provisioning, the pure half: validation of `scim` (every bad input, each naming `scim.<field>`), the
// `scimConfig` the plan builds (token always secret), the refusal of identityCenter.users/groups next to scim, the
// SCIM principals the assignments name, the late checks, the token-expiry warning and the runbook text.
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentError, InvalidArgumentsError } from "../components/invalidArgumentError";
import { planIdentityCenter } from "../components/identityCenter/identityCenterPlan";
import { checkLateValues, planZeroTrustAwsSso } from "../components/plan/zeroTrustAwsSsoPlan";
import { renderAwsSetupSteps, type AwsSetupFacts } from "../components/runbook/awsSetupSteps";
import { parseScimEndpoint, parseScimTokenExpiry, scimTokenWarning } from "../components/scim/scimValueChecks";
import { checkScimValues, planScim, type ScimValues } from "../components/scim/scimPlan";
import type { ZeroTrustAwsSsoArgs } from "../components";
import { isSecret, valueOf } from "../harness/outputs";

const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const ENDPOINT = "https://scim.us-east-1.amazonaws.com/a1b2c3d4-5678-90ab-cdef-111122223333/scim/v2";
// Looks like a real token, so a test can prove it never shows up in a message.
const TOKEN = "AQoDYXdzEJr-SECRET-TOKEN-7f3c9a1e";
const IDP = "3f1c7b52-6d0e-4c8a-9b1f-2a7e5d4c3b21";

function problemsOf(run: () => unknown): InvalidArgumentError[] {
    try {
        run();
    } catch (err) {
        if (err instanceof InvalidArgumentsError) return [...err.problems];
        if (err instanceof InvalidArgumentError) return [err];
        throw err;
    }
    return [];
}

function scimValues(overrides: Partial<ScimValues> = {}): ScimValues {
    return { endpoint: ENDPOINT, token: TOKEN, sourceIdpId: IDP, ...overrides };
}

function scimArgs(overrides: Partial<ZeroTrustAwsSsoArgs> = {}): ZeroTrustAwsSsoArgs {
    return {
        accountId: ACCOUNT,
        awsIssuerUrl: ISSUER,
        awsAcsUrl: ACS,
        access: { emailDomains: ["corp.example"] },
        scim: { endpoint: ENDPOINT, token: TOKEN, sourceIdpId: IDP },
        ...overrides,
    };
}

describe("scim: the endpoint", () => {
    const cases: [string, unknown, { region: string; tenantId: string; url: string } | RegExp][] = [
        ["commercial", ENDPOINT, { region: "us-east-1", tenantId: "a1b2c3d4-5678-90ab-cdef-111122223333", url: ENDPOINT }],
        [
            "trailing slash tolerated, removed",
            `${ENDPOINT}/`,
            { region: "us-east-1", tenantId: "a1b2c3d4-5678-90ab-cdef-111122223333", url: ENDPOINT },
        ],
        [
            "AWS's documented example (11-digit first group)",
            "https://scim.us-east-2.amazonaws.com/11111111111-2222-3333-4444-555555555555/scim/v2",
            {
                region: "us-east-2",
                tenantId: "11111111111-2222-3333-4444-555555555555",
                url: "https://scim.us-east-2.amazonaws.com/11111111111-2222-3333-4444-555555555555/scim/v2",
            },
        ],
        [
            "GovCloud",
            "https://scim.us-gov-west-1.amazonaws.com/abc-123/scim/v2",
            { region: "us-gov-west-1", tenantId: "abc-123", url: "https://scim.us-gov-west-1.amazonaws.com/abc-123/scim/v2" },
        ],
        [
            "China",
            "https://scim.cn-north-1.amazonaws.com.cn/abc-123/scim/v2",
            { region: "cn-north-1", tenantId: "abc-123", url: "https://scim.cn-north-1.amazonaws.com.cn/abc-123/scim/v2" },
        ],
        ["missing", undefined, /^scim\.endpoint: is required: copy it from IAM Identity Center > Settings/],
        ["empty", " ", /^scim\.endpoint: is required/],
        ["the token pasted here", TOKEN, /^scim\.endpoint: is not a URL \(the value is not shown: it may be a secret\)/],
        ["http", ENDPOINT.replace("https", "http"), /^scim\.endpoint: must be a plain https URL without credentials, query or fragment/],
        ["credentials", ENDPOINT.replace("https://", "https://u:p@"), /must be a plain https URL/],
        ["a query", `${ENDPOINT}?x=1`, /must be a plain https URL/],
        [
            "another host",
            "https://example.com/abc/scim/v2",
            /^scim\.endpoint: has host example\.com, which is not an IAM Identity Center SCIM host/,
        ],
        ["the issuer URL", ISSUER, /That is a sign-in host \(the issuer or ACS URL\), not the SCIM endpoint\./],
        [
            "no tenant",
            "https://scim.us-east-1.amazonaws.com/scim/v2",
            /^scim\.endpoint: does not have the SCIM path \/<tenant id>\/scim\/v2/,
        ],
        ["v1", "https://scim.us-east-1.amazonaws.com/abc/scim/v1", /does not have the SCIM path/],
        ["two trailing slashes", `${ENDPOINT}//`, /does not have the SCIM path/],
        ["a resource path", `${ENDPOINT}/Users`, /does not have the SCIM path/],
    ];
    for (const [name, value, expected] of cases) {
        it(name, () => {
            if (expected instanceof RegExp) {
                assert.throws(
                    () => parseScimEndpoint(value),
                    (err: Error) => {
                        assert.match(err.message, expected);
                        assert.ok(!err.message.includes(TOKEN), "never quotes the token");
                        return true;
                    },
                );
            } else assert.deepEqual(parseScimEndpoint(value), expected);
        });
    }
});

describe("scim: every value, each problem naming scim.<field>", () => {
    const cases: [string, Partial<ScimValues>, string | undefined, [string, RegExp][]][] = [
        ["all good", {}, "us-east-1", []],
        [
            "region differs from the issuer's",
            { endpoint: ENDPOINT.replace("us-east-1", "eu-west-1") },
            "us-east-1",
            [["scim.endpoint", /is in region eu-west-1 but awsIssuerUrl is in us-east-1/]],
        ],
        ["region unknown: not compared", { endpoint: ENDPOINT.replace("us-east-1", "eu-west-1") }, undefined, []],
        [
            "empty token",
            { token: "" },
            "us-east-1",
            [["scim.token", /^is empty; give the IAM Identity Center SCIM access token from secret config/]],
        ],
        ["token not a string", { token: 42 }, "us-east-1", [["scim.token", /^is empty/]]],
        [
            "token is the endpoint",
            { token: ENDPOINT },
            "us-east-1",
            [["scim.token", /is a URL, not an access token: were scim\.endpoint and scim\.token swapped\?/]],
        ],
        [
            "token with a line break",
            { token: `${TOKEN}\n` },
            "us-east-1",
            [["scim.token", /contains whitespace \(a line break from copying\?\)/]],
        ],
        [
            "empty sourceIdpId",
            { sourceIdpId: "" },
            "us-east-1",
            [["scim.sourceIdpId", /^is empty; give the id of the Zero Trust identity provider/]],
        ],
        [
            "deactivateOnDelete a string",
            { deactivateOnDelete: "false" },
            "us-east-1",
            [["scim.deactivateOnDelete", /must be true or false/]],
        ],
        [
            "tokenExpiresAt a free text",
            { tokenExpiresAt: "next year" },
            "us-east-1",
            [["scim.tokenExpiresAt", /^is not a date; write it as YYYY-MM-DD/]],
        ],
        [
            "tokenExpiresAt February 30th",
            { tokenExpiresAt: "2027-02-30" },
            "us-east-1",
            [["scim.tokenExpiresAt", /^"2027-02-30" is not a valid date/]],
        ],
        ["tokenExpiresAt US order", { tokenExpiresAt: "11/30/2027" }, "us-east-1", [["scim.tokenExpiresAt", /is not a date/]]],
        ["mappings not a list", { mappings: { schema: "x" } }, "us-east-1", [["scim.mappings", /must be a list of \{ schema/]]],
        [
            "a mapping without schema",
            { mappings: [{ filter: 'userName sw "a"' }] },
            "us-east-1",
            [["scim.mappings[0].schema", /is required: the SCIM schema/]],
        ],
        [
            "every problem at once",
            { endpoint: "ftp://x", token: "", sourceIdpId: " ", tokenExpiresAt: "soon" },
            "us-east-1",
            [
                ["scim.endpoint", /plain https URL/],
                ["scim.token", /is empty/],
                ["scim.sourceIdpId", /is empty/],
                ["scim.tokenExpiresAt", /is not a date/],
            ],
        ],
    ];
    for (const [name, overrides, region, expected] of cases) {
        it(name, () => {
            const found = problemsOf(() => checkScimValues(scimValues(overrides), region, true));
            assert.deepEqual(
                found.map((p) => p.field),
                expected.map(([f]) => f),
            );
            found.forEach((p, i) => assert.match(p.reason, expected[i][1]));
            for (const p of found) assert.ok(!p.message.includes(TOKEN.slice(0, 12)), `${p.field} quotes the token: ${p.message}`);
        });
    }

    it("skips Outputs at construction and checks them when they resolve (checkLateValues)", () => {
        const late = pulumi.output("");
        assert.deepEqual(
            problemsOf(() => checkScimValues(scimValues({ token: late, endpoint: pulumi.output("x") }), "us-east-1", true)),
            [],
        );
        const found = problemsOf(() =>
            checkLateValues({
                accountId: ACCOUNT,
                awsIssuerUrl: ISSUER,
                awsAcsUrl: ACS,
                scim: scimValues({ endpoint: ENDPOINT.replace("us-east-1", "us-west-2"), token: "" }),
            }),
        );
        assert.deepEqual(
            found.map((p) => p.message),
            [
                "scim.endpoint: is in region us-west-2 but awsIssuerUrl is in us-east-1; both come from the same IAM Identity Center instance, so copy them from the instance this stack manages.",
                "scim.token: is empty; give the IAM Identity Center SCIM access token from secret config (pulumi config set --secret ...; config.requireSecret(...)).",
            ],
        );
    });

    it("parses expiry dates: a day is midnight UTC, a time keeps its offset", () => {
        assert.equal(parseScimTokenExpiry("2027-11-30").toISOString(), "2027-11-30T00:00:00.000Z");
        assert.equal(parseScimTokenExpiry("2027-11-30T10:00:00+02:00").toISOString(), "2027-11-30T08:00:00.000Z");
        assert.equal(parseScimTokenExpiry("2028-02-29T00:00Z").toISOString(), "2028-02-29T00:00:00.000Z");
    });
});

describe("scim: the scimConfig", () => {
    it("enabled, endpoint without trailing slash, idpUid, oauthbearertoken with the token as a secret; optional fields only when given", async () => {
        const plan = planScim({ endpoint: `${ENDPOINT}/`, token: TOKEN, sourceIdpId: IDP });
        const { authentication, ...rest } = plan.scimConfig;
        assert.deepEqual(rest, { enabled: true, remoteUri: ENDPOINT, idpUid: IDP });
        const auth = authentication as { scheme: string; token: pulumi.Output<string> };
        assert.equal(auth.scheme, "oauthbearertoken");
        assert.ok(pulumi.Output.isInstance(auth.token), "the token is an Output");
        assert.equal(await isSecret(auth.token), true, "a plain token is made secret");
        assert.equal(await valueOf(auth.token), TOKEN);
        assert.equal(plan.tokenExpiresAt, undefined);

        const mappings = [{ schema: "urn:ietf:params:scim:schemas:core:2.0:Group", filter: 'displayName sw "aws-"' }];
        const full = planScim({
            endpoint: ENDPOINT,
            token: TOKEN,
            sourceIdpId: IDP,
            deactivateOnDelete: false,
            mappings,
            tokenExpiresAt: "2027-11-30",
        });
        assert.equal(full.scimConfig.deactivateOnDelete, false);
        assert.deepEqual(full.scimConfig.mappings, mappings);
        assert.equal(full.tokenExpiresAt, "2027-11-30");
    });

    it("an endpoint Output loses its trailing slash when it resolves", async () => {
        const plan = planScim({ endpoint: pulumi.output(`${ENDPOINT}/`), token: pulumi.secret(TOKEN), sourceIdpId: IDP });
        assert.equal(await valueOf(plan.scimConfig.remoteUri), ENDPOINT);
    });
});

describe("scim: the plan", () => {
    it("plans the scimConfig; accessMismatches stay empty; Outputs in scim are late values", () => {
        const plan = planZeroTrustAwsSso("aws", scimArgs({ access: { emails: ["ada@corp.example"] } }));
        assert.ok(plan.scim);
        assert.equal(plan.scim.scimConfig.remoteUri, ENDPOINT);
        assert.deepEqual(plan.accessMismatches, { cloudflareOnly: [], awsOnly: [] });
        assert.equal(plan.hasLateValues, false);
        const late = planZeroTrustAwsSso("aws", scimArgs({ scim: { endpoint: ENDPOINT, token: pulumi.secret(TOKEN), sourceIdpId: IDP } }));
        assert.equal(late.hasLateValues, true);
    });

    it("without scim: no scim in the plan", () => {
        const { scim: _scim, ...args } = scimArgs();
        assert.equal("scim" in planZeroTrustAwsSso("aws", args), false);
    });

    it("refuses identityCenter.users and identityCenter.groups with scim, and reports scim problems with the others", () => {
        const found = problemsOf(() =>
            planZeroTrustAwsSso(
                "aws",
                scimArgs({
                    scim: { endpoint: ENDPOINT.replace("us-east-1", "eu-west-1"), token: TOKEN, sourceIdpId: IDP },
                    identityCenter: {
                        users: [{ email: "ada@corp.example", givenName: "Ada", familyName: "Lovelace" }],
                        groups: [{ name: "platform" }],
                    },
                }),
            ),
        );
        assert.deepEqual(
            found.map((p) => p.field),
            ["identityCenter.users", "identityCenter.groups", "scim.endpoint"],
        );
        assert.match(
            found[0].reason,
            /^cannot be combined with scim: Cloudflare provisions the IAM Identity Center users from scim\.sourceIdpId, and two writers of one directory overwrite each other\./,
        );
        for (const p of found) assert.ok(!p.message.includes(TOKEN));
    });

    it("empty users and groups lists are fine with scim (config defaults)", () => {
        const plan = planZeroTrustAwsSso("aws", scimArgs({ identityCenter: { users: [], groups: [] } }));
        assert.deepEqual(plan.identityCenter?.plan.scimLookups, { groups: [], users: [] });
    });
});

describe("scim: assignments name SCIM groups and users", () => {
    const permissionSets = [{ name: "Admin" }, { name: "ReadOnly" }];

    it("plans the assignments and one lookup per distinct principal, sorted", () => {
        const plan = planIdentityCenter(
            {
                users: [],
                permissionSets,
                assignments: [
                    { permissionSet: "Admin", accountIds: ["111122223333"], groups: ["platform"], users: ["Ada@Corp.example"] },
                    {
                        permissionSet: "ReadOnly",
                        accountIds: ["111122223333", "444455556666"],
                        groups: ["auditors", "platform"],
                        users: ["ada@corp.example"],
                    },
                ],
            },
            "identityCenter",
            { scim: true },
        );
        assert.deepEqual(plan.users, []);
        assert.deepEqual(plan.groups, []);
        assert.deepEqual(plan.scimLookups, {
            groups: [
                { name: "auditors", path: "identityCenter.assignments[1].groups[0]" },
                { name: "platform", path: "identityCenter.assignments[0].groups[0]" },
            ],
            users: [{ key: "ada@corp.example", userName: "Ada@Corp.example", path: "identityCenter.assignments[0].users[0]" }],
        });
        assert.deepEqual(
            plan.assignments.map((a) => a.suffix),
            [
                "assignment-Admin-111122223333-group-platform",
                "assignment-Admin-111122223333-user-ada@corp.example",
                "assignment-ReadOnly-111122223333-group-auditors",
                "assignment-ReadOnly-111122223333-group-platform",
                "assignment-ReadOnly-111122223333-user-ada@corp.example",
                "assignment-ReadOnly-444455556666-group-auditors",
                "assignment-ReadOnly-444455556666-group-platform",
                "assignment-ReadOnly-444455556666-user-ada@corp.example",
            ],
        );
    });

    const bad: [string, Record<string, unknown>, string, RegExp][] = [
        [
            "a user that is not an email",
            { users: ["ada"] },
            "identityCenter.assignments[0].users[0]",
            /^"ada" is not an email address; with scim, users are named by their IAM Identity Center user name/,
        ],
        [
            "an empty group name",
            { groups: [" "] },
            "identityCenter.assignments[0].groups[0]",
            /^is empty; give the display name of a group that SCIM provisions/,
        ],
        [
            "the same user twice",
            { users: ["ada@corp.example", "ADA@corp.example"] },
            "identityCenter.assignments[0].users[1]",
            /is already listed as identityCenter\.assignments\[0\]\.users\[0\]/,
        ],
        [
            "nobody",
            {},
            "identityCenter.assignments[0]",
            /^grants permission set "Admin" to nobody; list at least one group \(display names of groups SCIM provisions\)/,
        ],
    ];
    for (const [name, principals, field, reason] of bad) {
        it(name, () => {
            const found = problemsOf(() =>
                planIdentityCenter(
                    { users: [], permissionSets, assignments: [{ permissionSet: "Admin", accountIds: ["111122223333"], ...principals }] },
                    "identityCenter",
                    { scim: true },
                ),
            );
            assert.deepEqual(
                found.map((p) => p.field),
                [field],
            );
            assert.match(found[0].reason, reason);
        });
    }
});

describe("scim: the token expiry warning", () => {
    const now = new Date("2027-11-01T12:00:00Z");
    const cases: [string, string | undefined, string | undefined][] = [
        ["not given", undefined, undefined],
        ["far away", "2028-06-01", undefined],
        ["exactly 30 days and more", "2027-12-01T12:00:00Z", undefined],
        [
            "within 30 days",
            "2027-11-30",
            "the IAM Identity Center SCIM access token expires on 2027-11-30 (in 28 days); before then, generate a new token (IAM Identity Center > Settings > Identity source > Actions > Manage provisioning > Generate token), put it in the stack's secret config with the new scim.tokenExpiresAt, run `pulumi up`, then delete the old token.",
        ],
        ["tomorrow", "2027-11-02T12:00:00Z", "in 1 day"],
        ["today", "2027-11-01T18:00:00Z", "in less than a day"],
        [
            "past",
            "2027-10-15T08:00:00+02:00",
            "the IAM Identity Center SCIM access token expired on 2027-10-15: Cloudflare can no longer provision users and groups into AWS; generate a new token",
        ],
        ["not a date: no warning (validation reports it)", "soon", undefined],
    ];
    for (const [name, expiresAt, expected] of cases) {
        it(name, () => {
            const warning = scimTokenWarning(expiresAt, now);
            if (expected === undefined) assert.equal(warning, undefined);
            else assert.ok(warning?.includes(expected), warning);
        });
    }
});

describe("scim: the runbook", () => {
    const facts: AwsSetupFacts = {
        appName: "Amazon AWS",
        metadataUrl: "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/abc/saml-metadata",
        idpEntityId: "https://acme.cloudflareaccess.com/abc",
        ssoUrl: "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/abc",
        signingCertificateSha256: "AB:CD",
        signingCertificateNotAfter: "2030-01-01T00:00:00.000Z",
        awsIssuerUrl: ISSUER,
        awsAcsUrl: ACS,
    };

    it("step 5 switches to automatic provisioning, names the endpoint, the identity provider and the token expiry", () => {
        const text = renderAwsSetupSteps({
            ...facts,
            scim: { endpoint: ENDPOINT, sourceIdpId: IDP, tokenExpiresAt: "2027-11-30T00:00:00Z" },
        });
        assert.match(
            text,
            /^5\. Under \*\*Settings > Identity source > Provisioning\*\*, provisioning must be \*\*Automatic\*\* \(SCIM\)/m,
        );
        assert.ok(text.includes(`   - SCIM endpoint: \`${ENDPOINT}\``));
        assert.ok(text.includes(`   - source identity provider (Zero Trust > Settings > Authentication): \`${IDP}\``));
        assert.ok(
            text.includes("   The access token expires on 2027-11-30 (`scim.tokenExpiresAt`); before then, generate a new one under"),
        );
        assert.doesNotMatch(text, /keep \*\*Manual\*\* provisioning/);
        assert.doesNotMatch(text, /identityCenter\.users/);
        assert.match(text, /^6\. After the switch/m);
    });

    it("without tokenExpiresAt: says the token lasts one year and how to be warned", () => {
        const text = renderAwsSetupSteps({ ...facts, scim: { endpoint: ENDPOINT, sourceIdpId: IDP } });
        assert.ok(text.includes("The access token is valid for one year; set `scim.tokenExpiresAt` to be warned here."));
    });

    it("the expiry warning goes at the top, with the certificate warnings", () => {
        const warning = scimTokenWarning("2027-11-30", new Date("2027-11-20T00:00:00Z"))!;
        const text = renderAwsSetupSteps({
            ...facts,
            warnings: [warning, "signing certificate AB:CD expires on ..."],
            scim: { endpoint: ENDPOINT, sourceIdpId: IDP },
        });
        const lines = text.split("\n");
        assert.deepEqual(lines.slice(0, 5), ['# Finish the AWS side of "Amazon AWS"', "", "**Attention:**", "", `- ${warning}`]);
        assert.match(lines[4], /expires on 2027-11-30 \(in 10 days\)/);
    });
});
