// The part of the Cloudflare guide that AWS offers no API for (switching the identity source and uploading the
// IdP metadata), written out as a runbook with the exact values filled in, so the operator copies, not types.
//
// The runbook is pasted into tickets and rendered as Markdown, so every value is shown through components/safeText.ts
// (bounded, control and invisible characters made visible, URL credentials masked) and code spans survive a backtick.
import { excerptText, printableText } from "../safeText";

/** The values the runbook quotes. */
export interface AwsSetupFacts {
    /** The Access application name. */
    appName: string;
    /** Where the metadata was downloaded from. */
    metadataUrl: string;
    /** The IdP entity ID / issuer (Cloudflare). */
    idpEntityId: string;
    /** The IdP sign-in URL (Cloudflare). */
    ssoUrl: string;
    /** SHA-256 fingerprint of the signing certificate. */
    signingCertificateSha256: string;
    /** Expiry of the signing certificate, ISO 8601. */
    signingCertificateNotAfter: string;
    /** The IAM Identity Center issuer URL (SP entity ID). */
    awsIssuerUrl: string;
    /** The IAM Identity Center ACS URL. */
    awsAcsUrl: string;
    /** The AWS access portal URL, when known. */
    awsAccessPortalUrl?: string;
    /** Identity Center users this stack manages (emails); undefined when users are managed elsewhere. */
    identityCenterUsers?: string[];
    /** People on one side only (see `accessMismatches`). */
    accessMismatches?: { cloudflareOnly: string[]; awsOnly: string[] };
    /** Warnings from the metadata check (expiry soon, rotation found on refresh). */
    warnings?: string[];
    /** The stack output that holds the XML, for the save command. Default `metadataXml`. */
    metadataXmlOutput?: string;
}

function list(items: string[]): string {
    return items.map((i) => `   - ${code(i)}`).join("\n");
}

/** A Markdown code span holding `value` made safe; a value with a backtick gets a double-backtick fence. */
function code(value: string): string {
    const text = excerptText(value);
    return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Every value of `f` made safe for the runbook (see the file header), so that no line below quotes raw text. */
function safeFacts(f: AwsSetupFacts): AwsSetupFacts {
    const text = (v: string): string => excerptText(v);
    return {
        ...f,
        appName: text(f.appName),
        metadataUrl: text(f.metadataUrl),
        signingCertificateSha256: text(f.signingCertificateSha256),
        signingCertificateNotAfter: text(f.signingCertificateNotAfter),
        awsAccessPortalUrl: f.awsAccessPortalUrl === undefined ? undefined : text(f.awsAccessPortalUrl),
        warnings: f.warnings?.map((w) => printableText(w.replace(/\s*[\r\n]+\s*/g, " "))),
    };
}

/** Renders the remaining AWS console steps as Markdown. Deterministic: same facts, same text. */
export function renderAwsSetupSteps(facts: AwsSetupFacts): string {
    const f = safeFacts(facts);
    const output = f.metadataXmlOutput ?? "metadataXml";
    const lines: string[] = [];
    lines.push(`# Finish the AWS side of "${f.appName}"`, "");
    if (f.warnings && f.warnings.length > 0) {
        lines.push("**Attention:**", "", ...f.warnings.map((w) => `- ${w}`), "");
    }
    lines.push(
        "AWS has no API for these steps; do them once in the console, and again whenever the certificate rotates.",
        "",
        "1. Save the Cloudflare metadata document:",
        "",
        "   ```sh",
        `   pulumi stack output ${output} > access_saml_metadata.xml`,
        "   ```",
        "",
        `   (or download it from ${f.metadataUrl}). Its signing certificate has SHA-256 fingerprint`,
        `   \`${f.signingCertificateSha256}\` and expires on ${f.signingCertificateNotAfter}.`,
        "2. In the AWS console open **IAM Identity Center > Settings > Identity source > Actions > Change identity source**,",
        "   choose **External identity provider**, and check that the *Service provider metadata* shows exactly:",
        `   - IAM Identity Center issuer URL: ${code(f.awsIssuerUrl)}`,
        `   - IAM Identity Center Assertion Consumer Service (ACS) URL: ${code(f.awsAcsUrl)}`,
        "",
        "   If either differs, fix `awsIssuerUrl` / `awsAcsUrl` and run `pulumi up` before going on.",
        "3. Under *Identity provider metadata* choose **IdP SAML metadata** and upload `access_saml_metadata.xml`.",
        "   If you enter the values by hand instead, use:",
        `   - IdP sign-in URL: ${code(f.ssoUrl)}`,
        `   - IdP issuer URL: ${code(f.idpEntityId)}`,
        "   - IdP certificate: the component's `signingCertificate` output (PEM), or the `X509Certificate` in the file",
        "4. Click **Next**, review, type **ACCEPT** and confirm **Change identity source**.",
        "5. Under **Settings > Identity source > Provisioning** keep **Manual** provisioning: Access for SaaS does not",
        "   provision users (no SCIM), so every person must exist in IAM Identity Center with a username that is",
        "   exactly their email address (the SAML NameID Cloudflare sends).",
    );
    if (f.identityCenterUsers && f.identityCenterUsers.length > 0) {
        lines.push(`   This stack manages these ${f.identityCenterUsers.length} users (username = email):`, list(f.identityCenterUsers));
    } else {
        lines.push(
            "   Create each user with **Username = email address** (or let this component manage them with `identityCenter.users`).",
        );
    }
    if (f.accessMismatches && (f.accessMismatches.cloudflareOnly.length > 0 || f.accessMismatches.awsOnly.length > 0)) {
        lines.push("   People on one side only will not be able to sign in:");
        if (f.accessMismatches.cloudflareOnly.length > 0) {
            lines.push(
                "   - allowed by Access but without an Identity Center user:",
                list(f.accessMismatches.cloudflareOnly).replace(/^ {3}/gm, "     "),
            );
        }
        if (f.accessMismatches.awsOnly.length > 0) {
            lines.push(
                "   - Identity Center users not allowed by the Access policy:",
                list(f.accessMismatches.awsOnly).replace(/^ {3}/gm, "     "),
            );
        }
    }
    lines.push(
        "6. After the switch, AWS shows the IdP certificate under **Settings > Identity source > Manage authentication**:",
        `   its expiry must read ${f.signingCertificateNotAfter.slice(0, 10)}; the SHA-256 fingerprint to compare is \`${f.signingCertificateSha256}\`.`,
        f.awsAccessPortalUrl
            ? `7. Test: open ${f.awsAccessPortalUrl} in a private window. It must redirect to the Cloudflare Access login, and after signing in you land in the AWS access portal.`
            : "7. Test: open your AWS access portal URL (https://<d-xxxxxxxxxx or alias>.awsapps.com/start) in a private window. It must redirect to the Cloudflare Access login.",
        "8. When the certificate rotates, `pulumi refresh` (or the scheduled `pulumi preview --refresh --expect-no-changes`)",
        "   shows a new `signingCertificateSha256`. Then repeat steps 1 and 3 through **Actions > Manage authentication >",
        "   Manage SAML 2.0 authentication**, before the old certificate expires.",
        "",
    );
    return lines.join("\n");
}
