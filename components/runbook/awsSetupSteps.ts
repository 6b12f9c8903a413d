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
    awsAccessPortalUrl?: string | undefined;
    /** Identity Center users this stack manages (emails); undefined when users are managed elsewhere. */
    identityCenterUsers?: string[] | undefined;
    /** People on one side only (see `accessMismatches`). */
    accessMismatches?: { cloudflareOnly: string[]; awsOnly: string[] } | undefined;
    /** Warnings from the metadata check (expiry soon, rotation found on refresh). */
    warnings?: string[] | undefined;
    /** The stack output that holds the XML, for the save command. Default `metadataXml`. */
    metadataXmlOutput?: string | undefined;
    /**
     * SCIM provisioning, when `scim` is given: step 5 then describes automatic provisioning instead of manual users.
     * Never the token. Default: manual provisioning.
     */
    scim?: AwsSetupScimFacts | undefined;
}

/** What the runbook says about SCIM provisioning. */
export interface AwsSetupScimFacts {
    /** The IAM Identity Center SCIM endpoint the Access application provisions to. */
    endpoint: string;
    /** The Zero Trust identity provider whose users and groups are provisioned. */
    sourceIdpId: string;
    /** When the access token expires, as given (`YYYY-MM-DD` or ISO 8601); undefined when not given. */
    tokenExpiresAt?: string | undefined;
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

/**
 * Renders the remaining AWS console steps as Markdown. Deterministic: same facts, same text (warnings, such as a
 * SCIM token about to expire, are computed by the caller and passed in `warnings`).
 */
export function renderAwsSetupSteps(facts: AwsSetupFacts): string {
    const f = safeFacts(facts);
    return [
        ...header(f),
        ...identitySourceSteps(f),
        ...(f.scim ? scimProvisioningStep(f.scim) : manualProvisioningStep(f)),
        ...closingSteps(f),
    ].join("\n");
}

function header(f: AwsSetupFacts): string[] {
    const lines = [`# Finish the AWS side of "${f.appName}"`, ""];
    if (f.warnings && f.warnings.length > 0) {
        lines.push("**Attention:**", "", ...f.warnings.map((w) => `- ${w}`), "");
    }
    return lines;
}

// Steps 1 to 4: save the metadata, check the service provider metadata, upload, confirm.
function identitySourceSteps(f: AwsSetupFacts): string[] {
    const output = f.metadataXmlOutput ?? "metadataXml";
    return [
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
    ];
}

// Step 5 without SCIM: every person needs a user whose username is their email.
function manualProvisioningStep(f: AwsSetupFacts): string[] {
    const lines = [
        "5. Under **Settings > Identity source > Provisioning** keep **Manual** provisioning: Access for SaaS does not",
        "   provision users (no SCIM), so every person must exist in IAM Identity Center with a username that is",
        "   exactly their email address (the SAML NameID Cloudflare sends).",
    ];
    if (f.identityCenterUsers && f.identityCenterUsers.length > 0) {
        lines.push(`   This stack manages these ${f.identityCenterUsers.length} users (username = email):`, list(f.identityCenterUsers));
    } else {
        lines.push(
            "   Create each user with **Username = email address** (or let this component manage them with `identityCenter.users`).",
        );
    }
    const m = f.accessMismatches;
    if (m && (m.cloudflareOnly.length > 0 || m.awsOnly.length > 0)) {
        lines.push("   People on one side only will not be able to sign in:");
        if (m.cloudflareOnly.length > 0) {
            lines.push("   - allowed by Access but without an Identity Center user:", list(m.cloudflareOnly).replace(/^ {3}/gm, "     "));
        }
        if (m.awsOnly.length > 0) {
            lines.push("   - Identity Center users not allowed by the Access policy:", list(m.awsOnly).replace(/^ {3}/gm, "     "));
        }
    }
    return lines;
}

// Step 5 with SCIM: automatic provisioning, its endpoint and token, and who gets provisioned.
function scimProvisioningStep(scim: AwsSetupScimFacts): string[] {
    const expiry =
        scim.tokenExpiresAt !== undefined
            ? `   The access token expires on ${scim.tokenExpiresAt.slice(0, 10)} (\`scim.tokenExpiresAt\`); before then, generate a new one under`
            : "   The access token is valid for one year; set `scim.tokenExpiresAt` to be warned here. Before it expires, generate a new one under";
    return [
        "5. Under **Settings > Identity source > Provisioning**, provisioning must be **Automatic** (SCIM): Cloudflare Access",
        "   creates, updates and removes the IAM Identity Center users and groups. If it is not enabled yet, choose **Enable**",
        "   for *Automatic provisioning*, copy the **SCIM endpoint** and the **Access token** (shown only once) into this stack's",
        "   secret config (`pulumi config set --secret ...`), and run `pulumi up`. The endpoint this stack provisions to is:",
        `   - SCIM endpoint: ${code(scim.endpoint)}`,
        `   - source identity provider (Zero Trust > Settings > Authentication): ${code(scim.sourceIdpId)}`,
        "   Cloudflare pushes the users and groups of that identity provider (narrowed by `scim.mappings`, if any); only the",
        "   groups pushed can be named in `identityCenter.assignments`. The Access policy still decides who may sign in.",
        expiry,
        "   **Settings > Identity source > Actions > Manage provisioning > Generate token**, put it in the secret config, run",
        "   `pulumi up`, then delete the old token.",
    ];
}

// Steps 6 to 8: check the certificate AWS shows, test the sign-in, and what to do on rotation.
function closingSteps(f: AwsSetupFacts): string[] {
    return [
        "6. After the switch, AWS shows the IdP certificate under **Settings > Identity source > Manage authentication**:",
        `   its expiry must read ${f.signingCertificateNotAfter.slice(0, 10)}; the SHA-256 fingerprint to compare is \`${f.signingCertificateSha256}\`.`,
        f.awsAccessPortalUrl
            ? `7. Test: open ${f.awsAccessPortalUrl} in a private window. It must redirect to the Cloudflare Access login, and after signing in you land in the AWS access portal.`
            : "7. Test: open your AWS access portal URL (https://<d-xxxxxxxxxx or alias>.awsapps.com/start) in a private window. It must redirect to the Cloudflare Access login.",
        "8. When the certificate rotates, `pulumi refresh` (or the scheduled `pulumi preview --refresh --expect-no-changes`)",
        "   shows a new `signingCertificateSha256`. Then repeat steps 1 and 3 through **Actions > Manage authentication >",
        "   Manage SAML 2.0 authentication**, before the old certificate expires.",
        "",
    ];
}
