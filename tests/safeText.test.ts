// components/safeText.ts and the runbook's use of it: table-driven tests of the pure quoting functions.
import { strict as assert } from "node:assert";
import {
    QUOTE_MAX_CHARS,
    escapeCharacter,
    excerptText,
    firstUnsafeCharacter,
    maskUrlCredentials,
    printableText,
    quoteList,
    quoteText,
} from "../components/safeText";
import { renderAwsSetupSteps, type AwsSetupFacts } from "../components/runbook/awsSetupSteps";

const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

describe("safeText", () => {
    const quoted: [string, unknown, string][] = [
        ["plain text reads as JSON.stringify writes it", "ada@example.com", '"ada@example.com"'],
        ["quotes and backslashes", 'a"b\\c', '"a\\"b\\\\c"'],
        ["line breaks and tab", "a\r\n\tb", '"a\\r\\n\\tb"'],
        ["ESC and BEL (terminal title)", "\u001b]0;x\u0007", '"\\u001b]0;x\\u0007"'],
        ["DEL and C1 controls", "\u007f\u0085\u009b", '"\\u007f\\u0085\\u009b"'],
        ["bidi override and isolates", "a\u202Eb\u2066c\u2069", '"a<U+202E>b<U+2066>c<U+2069>"'],
        ["zero-width and BOM", "\u200B\u200C\u200D\uFEFF\u2060", '"<U+200B><U+200C><U+200D><U+FEFF><U+2060>"'],
        ["line and paragraph separators", "\u2028\u2029", '"<U+2028><U+2029>"'],
        ["a lone surrogate", "a\uD800b", '"a\\ud800b"'],
        ["a tag character (invisible)", "a\u{E0041}b", '"a<U+E0041>b"'],
        ["emoji and accents are kept", "Zoë 😀", '"Zoë 😀"'],
        ["URL credentials masked", "see https://user:pw@host/x and ftp://tok@h", '"see https://***@host/x and ftp://***@h"'],
        ["not a string", 42, '"42"'],
    ];
    for (const [what, value, expected] of quoted) {
        it(`quoteText: ${what}`, () => assert.equal(quoteText(value), expected));
    }

    it("quoteText cuts after QUOTE_MAX_CHARS characters of output, with an ellipsis and the full length", () => {
        assert.equal(quoteText("x".repeat(QUOTE_MAX_CHARS)), `"${"x".repeat(QUOTE_MAX_CHARS)}"`);
        assert.equal(quoteText("x".repeat(QUOTE_MAX_CHARS + 1)), `"${"x".repeat(QUOTE_MAX_CHARS)}…" (201 characters)`);
        // Escapes count toward the bound: 300 ESC characters show as 33 escapes of 6 characters.
        const escaped = quoteText("\u001b".repeat(300));
        assert.equal(escaped, `"${"\\u001b".repeat(33)}…" (300 characters)`);
        // A surrogate pair is never split.
        assert.equal(quoteText(`${"x".repeat(199)}😀😀`), `"${"x".repeat(199)}…" (203 characters)`);
    });

    it("is linear on a megabyte of hostile text (letters that look like a URL scheme, controls)", () => {
        const inputs = ["a".repeat(1 << 20), "a://".repeat(1 << 18), "\u202E".repeat(1 << 20), `https://${"u".repeat(1 << 20)}`];
        for (const input of inputs) {
            const out = quoteText(input);
            assert.ok(out.length < QUOTE_MAX_CHARS + 40);
            assert.doesNotMatch(out, UNSAFE);
            assert.equal(printableText(input).length >= input.length, true);
        }
    });

    it("excerptText does not quote; printableText escapes only what is unsafe; quoteList bounds a list", () => {
        assert.equal(excerptText('GET "x"\u001b'), 'GET "x"\\u001b');
        assert.equal(printableText('a "b"\n\u202E'), 'a "b"\\n<U+202E>');
        assert.equal(quoteList(["a", "b", "c", "d", "e", "f", "g"]), '"a", "b", "c", "d", "e" and 2 more');
        assert.equal(escapeCharacter("é"), "é");
    });

    const names: [string, { index: number; name: string } | undefined][] = [
        ["ada@example.com", undefined],
        ["Zoë Ñandú", undefined],
        ["ada@example.com\n", { index: 15, name: "U+000A" }],
        ["a\u00ADb", { index: 1, name: "U+00AD" }],
        ["\u3164", { index: 0, name: "U+3164" }],
        ["x\u200Fy", { index: 1, name: "U+200F" }],
    ];
    for (const [text, expected] of names) {
        it(`firstUnsafeCharacter(${JSON.stringify(text)})`, () => {
            const found = firstUnsafeCharacter(text);
            assert.deepEqual(found && { index: found.index, name: found.name }, expected);
        });
    }

    it("maskUrlCredentials leaves emails and credential-free URLs alone", () => {
        assert.equal(maskUrlCredentials("ada@example.com https://host/a@b"), "ada@example.com https://host/a@b");
    });
});

describe("awsSetupSteps with hostile values", () => {
    const facts: AwsSetupFacts = {
        appName: "AWS\u001b]0;pwned\u0007",
        metadataUrl: "https://user:pw@acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/x/saml-metadata",
        idpEntityId: "https://acme.cloudflareaccess.com/`rm -rf`",
        ssoUrl: `https://acme.cloudflareaccess.com/${"s".repeat(5000)}`,
        signingCertificateSha256: "AA:BB",
        signingCertificateNotAfter: "2030-01-01T00:00:00.000Z",
        awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890\u202E",
        awsAcsUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/x",
        warnings: ["line one\nline two \u001b[31m"],
        identityCenterUsers: ["ada@example.com"],
    };
    const text = renderAwsSetupSteps(facts);

    it("has no raw control or invisible character, and masks credentials", () => {
        assert.doesNotMatch(text.replace(/\n/g, ""), UNSAFE);
        assert.ok(!text.includes("user:pw"));
        assert.ok(text.includes('# Finish the AWS side of "AWS\\u001b]0;pwned\\u0007"'));
        assert.ok(text.includes("- line one line two \\u001b[31m"));
    });

    it("keeps code spans closed around a backtick, and bounds long values", () => {
        assert.ok(text.includes("IdP issuer URL: `` https://acme.cloudflareaccess.com/`rm -rf` ``"));
        assert.match(text, /IdP sign-in URL: `https:\/\/acme\.cloudflareaccess\.com\/s+… \(5034 characters\)`/);
        assert.ok(text.includes("platform/saml/d-1234567890<U+202E>`"));
    });
});
