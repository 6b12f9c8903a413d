// The README's placeholder values are refused as "still the example value", everywhere the values are checked (at
// construction, when an Output resolves, in the CLI's parsers), and the README uses no other placeholders.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { InvalidArgumentsError, parseAwsAccessPortalUrl, parseAwsAcsUrl, parseAwsIssuerUrl } from "../components";
import { EXAMPLE_ACCOUNT_ID, EXAMPLE_ACS_ID, EXAMPLE_IDENTITY_STORE_ID } from "../components/plan/exampleValues";
import { checkLateValues, planZeroTrustAwsSso } from "../components/plan/zeroTrustAwsSsoPlan";

const ISSUER = `https://us-east-1.signin.aws.amazon.com/platform/saml/${EXAMPLE_IDENTITY_STORE_ID}`;
const ACS = `https://us-east-1.signin.aws.amazon.com/platform/saml/acs/${EXAMPLE_ACS_ID}`;
const PORTAL = `https://${EXAMPLE_IDENTITY_STORE_ID}.awsapps.com/start`;
const WHERE =
    "copy yours from IAM Identity Center > Settings > Identity source > Change identity source > External identity provider > Service provider metadata.";
const EXPECTED = [
    `accountId: "${EXAMPLE_ACCOUNT_ID}" is still the example value from the README; use your Cloudflare account id (the 32 hex characters in dash.cloudflare.com/<account id>).`,
    `awsIssuerUrl: "${ISSUER}" is still the example value from the README; ${WHERE}`,
    `awsAcsUrl: "${ACS}" is still the example value from the README; ${WHERE}`,
    `awsAccessPortalUrl: "${PORTAL}" is still the example value from the README; copy your AWS access portal URL from IAM Identity Center > Settings, or leave it out.`,
];

describe("the README's placeholder values", () => {
    it("are refused at construction, all of them in one error, each naming its field", () => {
        assert.throws(
            () =>
                planZeroTrustAwsSso("aws", {
                    accountId: EXAMPLE_ACCOUNT_ID,
                    awsIssuerUrl: ISSUER,
                    awsAcsUrl: ACS,
                    awsAccessPortalUrl: PORTAL,
                    access: { emails: ["ada@example.com"] },
                }),
            (err: Error) =>
                err instanceof InvalidArgumentsError &&
                assert.deepEqual(
                    err.problems.map((p) => p.message),
                    EXPECTED,
                ) === undefined,
        );
    });

    it("are refused when they arrive as Outputs, by the late check", () => {
        assert.throws(
            () => checkLateValues({ accountId: EXAMPLE_ACCOUNT_ID, awsIssuerUrl: ISSUER, awsAcsUrl: ACS }),
            (err: Error) =>
                err instanceof InvalidArgumentsError &&
                assert.deepEqual(
                    err.problems.map((p) => p.message),
                    EXPECTED.slice(0, 3),
                ) === undefined,
        );
    });

    it("are refused by the parsers the CLI's check uses, under the field name given", () => {
        assert.throws(() => parseAwsIssuerUrl(ISSUER, "--issuer"), {
            message: `--issuer: "${ISSUER}" is still the example value from the README; ${WHERE}`,
        });
        assert.throws(() => parseAwsAcsUrl(ACS), { message: EXPECTED[2] });
        assert.throws(() => parseAwsAccessPortalUrl(PORTAL), { message: EXPECTED[3] });
    });

    it("only exactly: real-looking values next to them pass", () => {
        assert.deepEqual(parseAwsIssuerUrl(ISSUER.replace("d-1111111111", "d-1111111112")), {
            region: "us-east-1",
            identityStoreId: "d-1111111112",
        });
        assert.deepEqual(parseAwsAcsUrl(ACS.replace(/5$/, "6")), { region: "us-east-1" });
    });

    it("are the only account ids, identity store ids and ACS ids in the README's examples", () => {
        const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
        const found = (pattern: RegExp): string[] => [...new Set([...readme.matchAll(pattern)].map((m) => m[1]))];
        assert.deepEqual(found(/(?:accountId:? "?)([0-9a-f]{32})\b/g), [EXAMPLE_ACCOUNT_ID]);
        assert.deepEqual(found(/\b(d-[0-9a-f]{10})\b/g), [EXAMPLE_IDENTITY_STORE_ID]);
        assert.deepEqual(found(/\/acs\/([0-9a-f-]{36})\b/g), [EXAMPLE_ACS_ID]);
    });
});
