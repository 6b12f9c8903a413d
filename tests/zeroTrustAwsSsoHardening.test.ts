// The component against hostile and careless input (issue 10): names with invisible or control characters, secrets
// that are invalid, trailing slashes, Cloudflare durations, the newer AWS sign-in host, and metadata the team domain
// serves ambiguous or in another charset, all under mocks with the real provider host behind SamlMetadata.
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { MockCloud } from "../harness/mockCloud";
import { valueOf } from "../harness/outputs";
import { ZeroTrustAwsSso, type ZeroTrustAwsSsoArgs } from "../components";
import { APP } from "../harness/resourceTypes";
import { QUOTE_MAX_CHARS } from "../components/safeText";

const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
const ACCOUNT = "0123456789abcdef0123456789abcdef";
// Any raw control, bidi or zero-width character in a message.
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

function baseArgs(overrides: Partial<ZeroTrustAwsSsoArgs> = {}): ZeroTrustAwsSsoArgs {
    return {
        accountId: ACCOUNT,
        awsIssuerUrl: ISSUER,
        awsAcsUrl: ACS,
        access: { emails: ["ada@example.com"] },
        metadata: { allowedHosts: ["localhost"], retry: { attempts: 1, minDelayMs: 10, maxDelayMs: 20 } },
        ...overrides,
    };
}

/** The message of the construction error, asserting it is printable and names no stack. */
function constructionError(name: string, args: ZeroTrustAwsSsoArgs): string {
    try {
        new ZeroTrustAwsSso(name, args);
    } catch (err) {
        assert.ok(pulumi.ResourceError.isInstance(err));
        const message = (err as Error).message;
        assert.doesNotMatch(message.replace(/\n {2}- /g, " "), UNSAFE, message);
        return message;
    }
    return assert.fail("expected a construction error");
}

async function rejection(output: pulumi.Output<unknown>): Promise<string> {
    try {
        await valueOf(output);
    } catch (err) {
        return (err as Error).message;
    }
    return assert.fail("expected a rejection");
}

describe("ZeroTrustAwsSso against hostile and careless input", function () {
    let cloud: MockCloud;
    let serve: ((xml: string) => string) | undefined;
    before(async () => {
        cloud = await MockCloud.start({ serveMetadata: (_app, xml) => (serve ? serve(xml) : xml) });
    });
    after(async () => cloud.close());
    beforeEach(() => {
        cloud.resources.length = 0;
        serve = undefined;
    });

    describe("clean names: every bad name at once, with its field path and code point", () => {
        it("emails, domains, attribute names, the app name, and quoted values made visible", () => {
            const message = constructionError("names", {
                ...baseArgs(),
                appName: "AWS\u202Egnp.exe",
                access: { emails: ["ada@example.com\n", "eve\u200B@example.com"], emailDomains: ["exa\u0007mple.com"] },
                samlAttributes: [{ name: "Team\u2066x", source: "team" }],
            });
            assert.match(message, /^ZeroTrustAwsSso "names": 5 invalid arguments:/);
            assert.match(message, /access\.emails\[0\]: "ada@example\.com\\n" contains a line break \(U\+000A\) at position 16;/);
            assert.match(
                message,
                /access\.emails\[1\]: "eve<U\+200B>@example\.com" contains an invisible or bidirectional formatting character \(U\+200B\) at position 4;/,
            );
            assert.match(
                message,
                /access\.emailDomains\[0\]: "exa\\u0007mple\.com" contains a control character \(U\+0007\) at position 4;/,
            );
            assert.match(
                message,
                /appName: "AWS<U\+202E>gnp\.exe" contains an invisible or bidirectional formatting character \(U\+202E\)/,
            );
            assert.match(message, /samlAttributes\[0\]\.name: "Team<U\+2066>x" contains .* \(U\+2066\)/);
        });

        it("Identity Center users, group names and permission set names", () => {
            const identityCenter = (users: { email: string; givenName: string; familyName: string }[], group = "Admins") => ({
                ...baseArgs(),
                access: {},
                identityCenter: {
                    identityStoreId: "d-1234567890",
                    instanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef",
                    users,
                    groups: [{ name: group, members: [] }],
                    permissionSets: [{ name: "Read\u200DOnly", managedPolicyArns: [] }],
                },
            });
            // Identity Center sections report their first problem each; the sections are reported together.
            const first = constructionError(
                "ic-names",
                identityCenter([{ email: "ada\uFEFF@example.com", givenName: "Ada", familyName: "L" }]),
            );
            assert.match(first, /identityCenter\.users\[0\]\.email: "ada<U\+FEFF>@example\.com" contains .*\(U\+FEFF\) at position 4/);
            assert.match(first, /identityCenter\.permissionSets\[0\]\.name: "Read<U\+200D>Only" contains .*\(U\+200D\)/);
            const second = constructionError(
                "ic-names",
                identityCenter([{ email: "bob@example.com", givenName: "Bob\r", familyName: "B" }], "Admins\u2069"),
            );
            assert.match(second, /identityCenter\.users\[0\]\.givenName: "Bob\\r" contains a line break \(U\+000D\)/);
            const third = constructionError("ic-names", identityCenter([], "Admins\u2069"));
            assert.match(third, /identityCenter\.groups\[0\]\.name: "Admins<U\+2069>" contains .*\(U\+2069\)/);
        });

        it("a megabyte of pasted text is quoted as a bounded excerpt with its length", () => {
            const message = constructionError("long", { ...baseArgs(), access: { emails: [`${"a".repeat(1048576)}@`] } });
            assert.match(message, /access\.emails\[0\]: "a{200}…" \(1048577 characters\) is not a valid email address/);
            assert.ok(message.length < 1000, `${message.length} characters`);
        });
    });

    describe("sessionDuration in Cloudflare's format", () => {
        for (const good of ["24h", "30m", "1h30m", "300ms", "2.5h", "45s", "1000000us", "90µs"]) {
            it(`accepts ${good} and registers it as given`, async () => {
                const sso = new ZeroTrustAwsSso(`duration-${good.replace(/\W/g, "_")}`, baseArgs({ sessionDuration: good }));
                await valueOf(sso.awsSetupSteps);
                assert.equal(cloud.find(APP, `duration-${good.replace(/\W/g, "_")}-app`).inputs.sessionDuration, good);
            });
        }
        const bad: [string, RegExp][] = [
            ["24", /"24" is not a Cloudflare duration: write numbers with units ns, us, ms, s, m or h/],
            ["1d", /"1d" is not a Cloudflare duration/],
            ["PT8H", /"PT8H" is not a Cloudflare duration/],
            ["24 h", /"24 h" is not a Cloudflare duration/],
            ["-1h", /"-1h" is not a Cloudflare duration/],
            ["0h0m", /"0h0m" is zero; give a positive duration/],
            ["24h\u202E", /"24h<U\+202E>" is not a Cloudflare duration/],
        ];
        for (const [value, expected] of bad) {
            it(`refuses ${JSON.stringify(value)}`, () => {
                assert.match(constructionError("duration", baseArgs({ sessionDuration: value })), expected);
            });
        }
    });

    describe("issuer and ACS URLs", () => {
        it("registers a URL pasted with a trailing slash without it (Cloudflare compares the SP entity ID exactly)", async () => {
            const sso = new ZeroTrustAwsSso("slash", baseArgs({ awsIssuerUrl: `${ISSUER}/`, awsAcsUrl: pulumi.output(`${ACS}//`) }));
            const steps = await valueOf(sso.awsSetupSteps);
            const saasApp = cloud.find(APP, "slash-app").inputs.saasApp as Record<string, unknown>;
            assert.equal(saasApp.spEntityId, ISSUER);
            assert.equal(saasApp.consumerServiceUrl, ACS);
            assert.ok(steps.includes(`issuer URL: \`${ISSUER}\``));
        });

        it("registers URLs without a trailing slash exactly as given, known or late", async () => {
            const sso = new ZeroTrustAwsSso("no-slash", baseArgs({ awsAcsUrl: pulumi.output(ACS) }));
            await valueOf(sso.awsSetupSteps);
            const saasApp = cloud.find(APP, "no-slash-app").inputs.saasApp as Record<string, unknown>;
            assert.equal(saasApp.spEntityId, ISSUER);
            assert.equal(saasApp.consumerServiceUrl, ACS);
        });

        it("accepts the <region>.signin.aws host of instances created from February 2026", async () => {
            const issuer = "https://eu-central-1.signin.aws/platform/saml/d-1234567890";
            const acs = "https://eu-central-1.signin.aws/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
            const sso = new ZeroTrustAwsSso("new-host", baseArgs({ awsIssuerUrl: issuer, awsAcsUrl: acs }));
            await valueOf(sso.awsSetupSteps);
            assert.equal((cloud.find(APP, "new-host-app").inputs.saasApp as Record<string, unknown>).spEntityId, issuer);
        });

        it("masks credentials and escapes controls in a bad URL", () => {
            const message = constructionError("url", baseArgs({ awsIssuerUrl: "https://user:hunter2@evil.example/\u001b]0;pwned\u0007" }));
            assert.ok(!message.includes("hunter2"), message);
            assert.match(message, /awsIssuerUrl: "https:\/\/\*\*\*@evil\.example\/\\u001b\]0;pwned\\u0007" must not carry credentials/);
        });
    });

    describe("secrets are never echoed", () => {
        const secretValue = "not-an-account-SECRET-0123456789";
        it("an invalid secret accountId names the field and why, not the value", async () => {
            const sso = new ZeroTrustAwsSso("secret-account", baseArgs({ accountId: pulumi.secret(secretValue) }));
            const message = await rejection(sso.awsSetupSteps);
            assert.match(message, /accountId: \[secret\] is not a Cloudflare account id: expected 32 hexadecimal characters/);
            assert.ok(!message.includes("SECRET"), message);
        });

        it("invalid secret AWS URLs, and their region mismatch, show no part of the URLs", async () => {
            const sso = new ZeroTrustAwsSso(
                "secret-urls",
                baseArgs({
                    awsIssuerUrl: pulumi.secret("https://tenant-SECRET.example.com/platform/saml/d-1234567890"),
                    awsAcsUrl: pulumi.secret(ACS.replace("us-east-1", "eu-west-1")),
                }),
            );
            const message = await rejection(sso.awsSetupSteps);
            assert.match(message, /awsIssuerUrl: \[secret\] is not an AWS sign-in URL \(host \[secret\]\)/);
            assert.ok(!message.includes("SECRET") && !message.includes("tenant"), message);

            const pair = new ZeroTrustAwsSso(
                "secret-pair",
                baseArgs({ awsIssuerUrl: pulumi.secret(ISSUER), awsAcsUrl: pulumi.secret(ACS.replace("us-east-1", "eu-west-1")) }),
            );
            const pairMessage = await rejection(pair.awsSetupSteps);
            assert.match(pairMessage, /awsAcsUrl: is in another region than awsIssuerUrl/);
            assert.ok(!pairMessage.includes("eu-west-1") && !pairMessage.includes("us-east-1"), pairMessage);
        });

        it("the same invalid values, not secret, are quoted (so the redaction is the secret's doing)", async () => {
            const sso = new ZeroTrustAwsSso("plain-late", baseArgs({ accountId: pulumi.output(secretValue) }));
            assert.match(await rejection(sso.awsSetupSteps), new RegExp(`accountId: "${secretValue}" is not a Cloudflare account id`));
        });

        it("a secret portal URL that is invalid is not shown either", async () => {
            const sso = new ZeroTrustAwsSso(
                "secret-portal",
                baseArgs({ awsAccessPortalUrl: pulumi.secret("https://SECRET.example.com/start") }),
            );
            const message = await rejection(sso.awsAccessPortalUrl);
            assert.match(message, /awsAccessPortalUrl: \[secret\] is not an AWS access portal URL/);
            assert.ok(!message.includes("SECRET"), message);
        });
    });

    describe("metadata from the team domain, through the provider host", () => {
        it("refuses a second IDPSSODescriptor, saying what AWS would do", async () => {
            serve = (xml) => xml.replace(/(<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>)/, "$1$1");
            const sso = new ZeroTrustAwsSso("two-idps", baseArgs());
            assert.match(
                await rejection(sso.metadataXml),
                /has 2 SAML 2\.0 IDPSSODescriptor elements; IAM Identity Center would use one of them/,
            );
        });

        it("refuses a SingleSignOnService Location (SOAP binding) that is not the application's SSO endpoint", async () => {
            serve = (xml) =>
                xml.replace(
                    "</md:IDPSSODescriptor>",
                    '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="https://evil.example/sso"/></md:IDPSSODescriptor>',
                );
            const sso = new ZeroTrustAwsSso("extra-location", baseArgs());
            const message = await rejection(sso.metadataXml);
            assert.match(
                message,
                /the SingleSignOnService Locations differ: "https:\/\/evil\.example\/sso" \(Binding "urn:oasis:names:tc:SAML:2\.0:bindings:SOAP"\)/,
            );
            assert.match(message, /IAM Identity Center would send sign-in requests of that binding to "https:\/\/evil\.example\/sso"/);
        });

        it("quotes hostile names from the document printably and briefly", async () => {
            serve = (xml) => xml.replace(/<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>/, `<x\u200Dy/><${"z".repeat(5000)}/>`);
            const sso = new ZeroTrustAwsSso("hostile-names", baseArgs());
            const message = await rejection(sso.metadataXml);
            assert.match(message, /has no IDPSSODescriptor \(found: x<U\+200D>y, z{60}… \(5000 characters\)\)/);
            assert.doesNotMatch(message, UNSAFE);
            assert.ok(message.length < 2 * QUOTE_MAX_CHARS + 400, `${message.length}`);
        });
    });
});
