// The pure functions behind the component, called directly and table-driven: AWS URL parsing, argument validation
// (every problem reported at once) and the plan the component declares from. No Pulumi mocks are needed here:
// these functions create no resources.
import { strict as assert } from "node:assert";
import { checkAwsUrlPair, parseAwsAccessPortalUrl, parseAwsAcsUrl, parseAwsIssuerUrl } from "../components/identityCenter/awsUrls";
import { InvalidArgumentError, InvalidArgumentsError } from "../components/invalidArgumentError";
import {
    checkAccountId,
    checkIdList,
    normalizeEmail,
    normalizeEmailDomain,
    normalizeEmailList,
    samlNameFormat,
    validateZeroTrustAwsSsoArgs,
    withoutEmptyOptionals,
} from "../components/plan/validateArgs";
import { checkLateValues, planZeroTrustAwsSso } from "../components/plan/zeroTrustAwsSsoPlan";
import type { ZeroTrustAwsSsoArgs } from "../components";

const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
const ACCOUNT = "0123456789abcdef0123456789abcdef";

/** The fields an error names: one for InvalidArgumentError, each for InvalidArgumentsError. */
function fieldsOf(run: () => unknown): string[] {
    try {
        run();
    } catch (err) {
        if (err instanceof InvalidArgumentsError) return err.problems.map((p) => p.field);
        if (err instanceof InvalidArgumentError) return [err.field];
        throw err;
    }
    return [];
}

describe("pure functions: AWS URLs", () => {
    const issuers: [string, unknown, { region: string; identityStoreId?: string } | RegExp][] = [
        ["commercial, with identity store id", ISSUER, { region: "us-east-1", identityStoreId: "d-1234567890" }],
        ["trailing slash", `${ISSUER}/`, { region: "us-east-1", identityStoreId: "d-1234567890" }],
        ["opaque id", "https://eu-west-1.signin.aws.amazon.com/platform/saml/abc-123", { region: "eu-west-1" }],
        [
            "GovCloud",
            "https://us-gov-west-1.signin.amazonaws-us-gov.com/platform/saml/d-1234567890",
            { region: "us-gov-west-1", identityStoreId: "d-1234567890" },
        ],
        [
            "China",
            "https://cn-north-1.signin.amazonaws.cn/platform/saml/d-1234567890",
            { region: "cn-north-1", identityStoreId: "d-1234567890" },
        ],
        [
            "dual-stack",
            "https://ap-south-1.sso.signin.aws/platform/saml/d-1234567890",
            { region: "ap-south-1", identityStoreId: "d-1234567890" },
        ],
        ["http", ISSUER.replace("https", "http"), /must use https/],
        ["the ACS URL", ACS, /the two values were swapped/],
        ["another host", "https://example.com/platform/saml/d-1234567890", /is not an AWS sign-in URL \(host example\.com\)/],
        ["a query", `${ISSUER}?x=1`, /must not carry credentials, a query or a fragment/],
        ["no id", "https://us-east-1.signin.aws.amazon.com/platform/saml", /does not have the issuer URL path/],
        ["not a string", 42, /is required/],
        ["empty", " ", /is required/],
        ["not a URL", "us-east-1.signin.aws.amazon.com", /is not a URL/],
    ];
    for (const [what, value, expected] of issuers) {
        it(`issuer: ${what}`, () => {
            if (expected instanceof RegExp)
                assert.throws(
                    () => parseAwsIssuerUrl(value),
                    (e: Error) => e.message.startsWith("awsIssuerUrl: ") && expected.test(e.message),
                );
            else assert.deepEqual(parseAwsIssuerUrl(value), expected);
        });
    }

    const acsUrls: [string, unknown, string | RegExp][] = [
        ["commercial", ACS, "us-east-1"],
        ["GovCloud", "https://us-gov-east-1.signin.amazonaws-us-gov.com/platform/saml/acs/abc", "us-gov-east-1"],
        ["the issuer URL", ISSUER, /the two values were swapped/],
        ["another path", "https://us-east-1.signin.aws.amazon.com/saml/acs/abc", /does not have the ACS URL path/],
    ];
    for (const [what, value, expected] of acsUrls) {
        it(`ACS: ${what}`, () => {
            if (expected instanceof RegExp)
                assert.throws(
                    () => parseAwsAcsUrl(value),
                    (e: Error) => e.message.startsWith("awsAcsUrl: ") && expected.test(e.message),
                );
            else assert.deepEqual(parseAwsAcsUrl(value), { region: expected });
        });
    }

    it("swapped: each message suggests the user's own other value, or the shape on their own host, never an example id", () => {
        const issuer = "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93677a1b2c";
        const acs = "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/7d6c5b4a-3f2e-4d1c-8b9a-0f1e2d3c4b5a";
        assert.throws(() => parseAwsIssuerUrl(acs, "awsIssuerUrl", issuer), {
            message: `awsIssuerUrl: "${acs}" is the Assertion Consumer Service (ACS) URL, not the issuer URL: the two values were swapped. Put it in awsAcsUrl and use the "IAM Identity Center issuer URL" here (${issuer}, the value now in awsAcsUrl).`,
        });
        assert.throws(() => parseAwsAcsUrl(issuer, "awsAcsUrl", acs), {
            message: `awsAcsUrl: "${issuer}" is the issuer URL, not the Assertion Consumer Service (ACS) URL: the two values were swapped. Put it in awsIssuerUrl and use the "IAM Identity Center Assertion Consumer Service (ACS) URL" here (${acs}, the value now in awsIssuerUrl).`,
        });
        // The other field holds the same kind (or nothing): the shape on the user's own sign-in host.
        assert.throws(() => parseAwsIssuerUrl(acs, "awsIssuerUrl", acs), {
            message: `awsIssuerUrl: "${acs}" is the Assertion Consumer Service (ACS) URL, not the issuer URL: the two values were swapped. Put it in awsAcsUrl and use the "IAM Identity Center issuer URL" here (it looks like https://eu-west-1.signin.aws.amazon.com/platform/saml/<id>).`,
        });
        assert.throws(
            () => parseAwsAcsUrl(issuer),
            /here \(it looks like https:\/\/eu-west-1\.signin\.aws\.amazon\.com\/platform\/saml\/acs\/<id>\)\.$/,
        );
    });

    it("pairs: same region passes, different regions name awsAcsUrl", () => {
        checkAwsUrlPair({ region: "us-east-1" }, { region: "us-east-1" });
        assert.deepEqual(
            fieldsOf(() => checkAwsUrlPair({ region: "us-east-1" }, { region: "eu-west-1" })),
            ["awsAcsUrl"],
        );
    });

    const portals: [string, string, boolean][] = [
        ["identity store id", "https://d-1234567890.awsapps.com/start", true],
        ["alias", "https://acme.awsapps.com/start", true],
        ["China", "https://acme.awsapps.cn/start", true],
        ["app.aws portal", "https://ssoins-1234.portal.us-east-1.app.aws", true],
        ["http", "http://acme.awsapps.com/start", false],
        ["another host", "https://acme.example.com/start", false],
        ["nested subdomain", "https://a.b.awsapps.com/start", false],
    ];
    for (const [what, value, ok] of portals) {
        it(`portal: ${what} ${ok ? "passes" : "is refused"}`, () => {
            assert.deepEqual(
                fieldsOf(() => parseAwsAccessPortalUrl(value)),
                ok ? [] : ["awsAccessPortalUrl"],
            );
        });
    }
});

describe("pure functions: argument validators", () => {
    const emails: [unknown, string | RegExp][] = [
        ["Ada@Example.COM", "ada@example.com"],
        ["a.b+tag@sub.example.co.uk", "a.b+tag@sub.example.co.uk"],
        ["ada", /is not a valid email address/],
        ["Ada <ada@example.com>", /is not a valid email address/],
        ["ada@localhost", /is not a valid email address/],
        ["", /must be an email address/],
        [undefined, /must be an email address/],
        [`${"a".repeat(250)}@example.com`, /is not a valid email address/],
    ];
    for (const [value, expected] of emails) {
        it(`email ${JSON.stringify(value)?.slice(0, 30)}`, () => {
            if (typeof expected === "string") assert.equal(normalizeEmail(value, "f"), expected);
            else assert.throws(() => normalizeEmail(value, "f"), expected);
        });
    }

    const domains: [unknown, string | RegExp][] = [
        ["Example.COM", "example.com"],
        ["ada@example.com", /give the domain only, e\.g\. "example\.com"/],
        ["https://example.com", /is a URL/],
        ["example.com/", /is a URL/],
        ["localhost", /is not a domain name/],
        ["-bad.example.com", /is not a domain name/],
        ["", /must be a domain/],
    ];
    for (const [value, expected] of domains) {
        it(`email domain ${JSON.stringify(value)}`, () => {
            if (typeof expected === "string") assert.equal(normalizeEmailDomain(value, "f"), expected);
            else assert.throws(() => normalizeEmailDomain(value, "f"), expected);
        });
    }

    it("account ids: 32 hex characters, any case", () => {
        checkAccountId(ACCOUNT);
        checkAccountId(ACCOUNT.toUpperCase());
        for (const bad of ["", ACCOUNT.slice(1), `${ACCOUNT}0`, "g".repeat(32), undefined, 42]) {
            assert.deepEqual(
                fieldsOf(() => checkAccountId(bad)),
                ["accountId"],
                String(bad),
            );
        }
    });

    it("a list reports every bad entry and every duplicate at once, sorted and lower-cased when valid", () => {
        assert.deepEqual(normalizeEmailList(["b@example.com", "A@example.com"], "access.emails"), ["a@example.com", "b@example.com"]);
        assert.deepEqual(
            fieldsOf(() => normalizeEmailList(["x", "a@example.com", "A@EXAMPLE.com", "y"], "access.emails")),
            ["access.emails[0]", "access.emails[2]", "access.emails[3]"],
        );
    });

    it("id lists: empty entries and duplicates; Outputs are skipped", () => {
        checkIdList(["a", "b"], "access.groupIds");
        assert.deepEqual(
            fieldsOf(() => checkIdList(["a", " ", "a"], "access.groupIds")),
            ["access.groupIds[1]", "access.groupIds"],
        );
        assert.deepEqual(
            fieldsOf(() => checkIdList("a" as unknown as string[], "access.policyIds")),
            ["access.policyIds"],
        );
    });

    const formats: [string | undefined, string, string][] = [
        [undefined, "https://aws.amazon.com/SAML/Attributes/AccessControl:Team", "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"],
        [undefined, "department", "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"],
        ["basic", "department", "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"],
        ["urn:oasis:names:tc:SAML:2.0:attrname-format:uri", "x", "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"],
    ];
    for (const [nameFormat, name, expected] of formats) {
        it(`SAML name format ${nameFormat ?? "(default)"} for ${name}`, () => {
            assert.equal(samlNameFormat({ name, source: "s", ...(nameFormat ? { nameFormat } : {}) }, "samlAttributes[0]"), expected);
        });
    }

    it('treats optional "" and [] as unset, and leaves everything else alone', () => {
        const args = {
            accountId: ACCOUNT,
            awsIssuerUrl: ISSUER,
            awsAcsUrl: ACS,
            appName: "",
            sessionDuration: "",
            awsAccessPortalUrl: "",
            allowedIdps: [],
            samlAttributes: [],
        };
        assert.deepEqual(withoutEmptyOptionals(args), { accountId: ACCOUNT, awsIssuerUrl: ISSUER, awsAcsUrl: ACS });
        assert.equal(withoutEmptyOptionals({ ...args, appName: "x" }).appName, "x");
    });
});

describe("pure functions: validation reports every problem at once", () => {
    const valid: ZeroTrustAwsSsoArgs = {
        accountId: ACCOUNT,
        awsIssuerUrl: ISSUER,
        awsAcsUrl: ACS,
        access: { emails: ["ada@example.com"] },
    };
    const cases: [string, ZeroTrustAwsSsoArgs, string[]][] = [
        ["valid", valid, []],
        ["one bad field", { ...valid, accountId: "x" }, ["accountId"]],
        [
            "bad account, swapped URLs, bad email and domain",
            { accountId: "x", awsIssuerUrl: ACS, awsAcsUrl: ISSUER, access: { emails: ["nope"], emailDomains: ["a@b.com"] } },
            ["accountId", "awsIssuerUrl", "awsAcsUrl", "access.emails[0]", "access.emailDomains[0]"],
        ],
        [
            "bad attributes, retry knob and allowedIdps",
            {
                ...valid,
                samlAttributes: [{ name: "", source: "s" }],
                metadata: { retry: { attempts: 0 } },
                allowedIdps: "idp" as unknown as string[],
            },
            ["allowedIdps", "samlAttributes[0].name", "metadata"],
        ],
        ["nobody allowed", { ...valid, access: {} }, ["access"]],
        ["a bad email is not also 'nobody allowed'", { ...valid, access: { emails: ["nope"] } }, ["access.emails[0]"]],
    ];
    for (const [what, args, fields] of cases) {
        it(what, () =>
            assert.deepEqual(
                fieldsOf(() => validateZeroTrustAwsSsoArgs(args)),
                fields,
            ),
        );
    }

    it("lists each problem on a line of its own, after a count", () => {
        assert.throws(
            () => validateZeroTrustAwsSsoArgs({ ...valid, accountId: "x", access: { emails: ["nope"] } }),
            (err: Error) => {
                const lines = err.message.split("\n");
                assert.equal(lines[0], "2 invalid arguments:");
                assert.match(lines[1], /^ {2}- accountId: "x" is not a Cloudflare account id/);
                assert.match(lines[2], /^ {2}- access\.emails\[0\]: "nope" is not a valid email address/);
                return true;
            },
        );
    });

    it("Identity Center and top-level problems come in one error", () => {
        const args: ZeroTrustAwsSsoArgs = {
            ...valid,
            accountId: "x",
            identityCenter: {
                users: [{ email: "bad", givenName: "A", familyName: "B" }],
                permissionSets: [{ name: "has space" }],
            },
        };
        assert.deepEqual(
            fieldsOf(() => planZeroTrustAwsSso("aws", args)),
            ["accountId", "identityCenter.users[0].email", "identityCenter.permissionSets[0].name"],
        );
    });

    it("late values use the same validators and also report every problem", () => {
        checkLateValues({ accountId: ACCOUNT, awsIssuerUrl: ISSUER, awsAcsUrl: ACS, identityStoreId: "d-1234567890" });
        assert.deepEqual(
            fieldsOf(() => checkLateValues({ accountId: "x", awsIssuerUrl: ISSUER, awsAcsUrl: "nope" })),
            ["accountId", "awsAcsUrl"],
        );
        assert.deepEqual(
            fieldsOf(() => checkLateValues({ accountId: ACCOUNT, awsIssuerUrl: ISSUER, awsAcsUrl: ACS, identityStoreId: "d-0000000000" })),
            ["awsIssuerUrl"],
        );
    });
});

describe("pure functions: the plan", () => {
    const base: ZeroTrustAwsSsoArgs = {
        accountId: ACCOUNT,
        awsIssuerUrl: ISSUER,
        awsAcsUrl: ACS,
        access: { emails: ["B@example.com", "a@example.com"] },
    };

    it("plans the policy and application from known values, sorted", () => {
        const plan = planZeroTrustAwsSso("aws", {
            ...base,
            access: {
                emails: ["B@example.com", "a@example.com"],
                emailDomains: ["Example.org"],
                groupIds: ["g2", "g1"],
                policyIds: ["p2", "p1"],
            },
            allowedIdps: ["idp-b", "idp-a"],
            sessionDuration: "8h",
        });
        assert.deepEqual(plan.access.policy, {
            name: "Amazon AWS - aws",
            includes: [
                { email: { email: "a@example.com" } },
                { email: { email: "b@example.com" } },
                { emailDomain: { domain: "example.org" } },
                { group: { id: "g1" } },
                { group: { id: "g2" } },
            ],
        });
        assert.deepEqual(plan.access.policyIds, ["p2", "p1"]);
        assert.deepEqual(plan.access.application, {
            name: "Amazon AWS",
            saasApp: { authType: "saml", spEntityId: ISSUER, consumerServiceUrl: ACS, nameIdFormat: "email" },
            allowedIdps: ["idp-a", "idp-b"],
            sessionDuration: "8h",
        });
        assert.equal(plan.hasLateValues, false);
        assert.equal(plan.identityCenter, undefined);
    });

    const cases: [string, Partial<ZeroTrustAwsSsoArgs>, (plan: ReturnType<typeof planZeroTrustAwsSso>) => void][] = [
        ["only policyIds: no policy of its own", { access: { policyIds: ["p"] } }, (p) => assert.equal(p.access.policy, undefined)],
        [
            "one identity provider: auto-redirect",
            { allowedIdps: ["idp"] },
            (p) => assert.equal(p.access.application.autoRedirectToIdentity, true),
        ],
        [
            "explicit autoRedirectToIdentity false wins",
            { allowedIdps: ["idp"], autoRedirectToIdentity: false },
            (p) => assert.equal(p.access.application.autoRedirectToIdentity, undefined),
        ],
        ["appName names the policy", { appName: "AWS prod" }, (p) => assert.equal(p.access.policy?.name, "AWS prod - aws")],
        ['"" appName is the default', { appName: "" }, (p) => assert.equal(p.access.application.name, "Amazon AWS")],
    ];
    for (const [what, overrides, check] of cases) {
        it(what, () => check(planZeroTrustAwsSso("aws", { ...base, ...overrides })));
    }

    it("with identityCenter: users stand in for access.emails, mismatches are planned, resources sorted", () => {
        const plan = planZeroTrustAwsSso("aws", {
            ...base,
            access: { emails: [] },
            identityCenter: {
                users: [
                    { email: "Zed@example.com", givenName: "Z", familyName: "Z" },
                    { email: "amy@example.com", givenName: "A", familyName: "A" },
                ],
            },
        });
        assert.deepEqual(plan.access.policy?.includes, [{ email: { email: "amy@example.com" } }, { email: { email: "zed@example.com" } }]);
        assert.deepEqual(
            plan.identityCenter?.plan.users.map((u) => u.suffix),
            ["user-amy@example.com", "user-zed@example.com"],
        );
        assert.deepEqual(plan.accessMismatches, { cloudflareOnly: [], awsOnly: [] });
    });

    it("reports people on one side only", () => {
        const plan = planZeroTrustAwsSso("aws", {
            ...base,
            access: { emails: ["ada@example.com"] },
            identityCenter: { users: [{ email: "bob@example.com", givenName: "B", familyName: "B" }] },
        });
        assert.deepEqual(plan.accessMismatches, { cloudflareOnly: ["ada@example.com"], awsOnly: ["bob@example.com"] });
    });
});
