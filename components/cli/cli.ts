// `npx zero-trust-aws-sso ...`: the manual AWS steps (steps 1 and 3 of Cloudflare's guide "Connect to AWS through
// Access", https://developers.cloudflare.com/cloudflare-one/access-controls/applications/http-apps/saas-apps/aws-sso-saas/)
// from a terminal.
//
// No public AWS API uploads IdP metadata or returns the issuer/ACS URLs (docs/aws.md), so a person does those
// steps by hand. This CLI lets that person download the Access app's SAML metadata and check the copied AWS URLs
// with the very code the component and its dynamic provider run, so that what passes here passes there.
//
// It must never import @pulumi/* (directly or through the modules below): loading the Pulumi SDK takes most of a
// second (docs/pulumi.md), which a person at a terminal notices on every run.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkAwsUrlPair, parseAwsAccessPortalUrl, parseAwsAcsUrl, parseAwsIssuerUrl } from "../identityCenter/awsUrls";
import type { AwsIssuerFacts } from "../identityCenter/awsUrls";
import { InvalidArgumentError } from "../invalidArgumentError";
import { checkScimRegion, parseScimEndpoint } from "../scim/scimValueChecks";
import {
    DEFAULT_ALLOWED_HOSTS,
    DEFAULT_RETRY,
    DEFAULT_TIMEOUT_MS,
    fetchMetadataDocument,
    fetchOptionsProblem,
    metadataUrlProblem,
    type RetryProgress,
} from "../metadata/metadataFetch";
import { parseSamlMetadata } from "../metadata/samlMetadataDocument";
import { readCertificate } from "../metadata/signingCertificate";
import { excerptText, printableText, quoteText } from "../safeText";

/** Where the CLI writes; injectable so that tests run it in-process. */
export interface CliIo {
    /** Writes text to standard output as is (callers include the newlines). */
    stdout: (s: string) => void;
    /** Writes text to standard error as is. */
    stderr: (s: string) => void;
    /** Directory that relative paths (`--output`, `--expect-certificate`) are resolved against. */
    cwd: string;
    /**
     * PEM trust anchor(s) that replace the default store for the metadata download. Tests only: the real bin
     * relies on the system store plus NODE_EXTRA_CA_CERTS (e.g. behind a TLS-inspecting proxy).
     */
    fetchCa?: string;
}

/** Exit codes, as documented in the help text. */
export const EXIT_OK = 0;
/** A check failed, or the metadata could not be downloaded, validated or saved. */
export const EXIT_FAILURE = 1;
/** The command line is wrong: unknown command or flag, missing argument, unusable flag value. */
export const EXIT_USAGE = 2;

/** The command name, as printed in help and messages. */
export const PROGRAM = "zero-trust-aws-sso";
const PACKAGE_NAME = "zero-trust-aws-sso";
/** The file name the Cloudflare guide tells people to save (step 2 of the guide above). */
const DEFAULT_OUTPUT = "access_saml_metadata.xml";
const METADATA_URL_SHAPE = "https://<team>.cloudflareaccess.com/cdn-cgi/access/sso/saml/<id>/saml-metadata";
const UPLOAD_WHERE =
    "IAM Identity Center > Settings > Identity source > Change identity source > External identity provider > IdP SAML metadata";

const TOP_HELP = `Usage: ${PROGRAM} <command> [options]

The manual AWS side of a Cloudflare Access for SaaS (SAML) app in front of AWS IAM Identity Center.

Commands:
  metadata <metadata-url>   Download and check the Access app's SAML metadata, save it for IAM Identity Center.
  check --issuer <url> --acs <url> [--portal <url>] [--scim <url>]
                            Check the URLs copied from the IAM Identity Center console.
  help [command]            Show help for a command.

Options:
  -h, --help      Show this help (${PROGRAM} <command> --help for a command's options).
  -v, --version   Print the version.

Exit codes: 0 ok, 1 a check or the download failed, 2 usage error.
`;

const METADATA_HELP = `Usage: ${PROGRAM} metadata <metadata-url> [options]

Downloads the SAML metadata of the Access for SaaS application, validates it exactly as the component's
provider does, and saves the document byte for byte as fetched, ready to upload in
${UPLOAD_WHERE}.
Nothing is written unless the document passes every check.

Arguments:
  <metadata-url>                The app's SAML metadata endpoint (its SSO endpoint + /saml-metadata):
                                ${METADATA_URL_SHAPE}

Options:
  -o, --output <file>           Where to save the XML (default ${DEFAULT_OUTPUT}). "-" writes the XML to
                                stdout and the summary to stderr.
      --json                    Print the summary as one JSON object: { file, url, entityId, ssoUrl,
                                signingCertificateSha256, signingCertificateNotAfter, warnings, attempts }.
      --allowed-host <pattern>  Host the URL and every redirect must be on; repeat for several. Replaces the
                                default (${DEFAULT_ALLOWED_HOSTS.join(", ")}). "*.example.com" matches subdomains only.
      --timeout-ms <n>          Time allowed per attempt, in ms (default ${DEFAULT_TIMEOUT_MS}).
      --attempts <n>            Requests made at most, with growing pauses between them (default ${DEFAULT_RETRY.attempts}).
      --expect-entity-id <id>   Fail unless the document's entityID is exactly this.
      --expect-sso-url <url>    Fail unless a SingleSignOnService Location is exactly this.
      --expect-certificate <x>  Fail unless this signing certificate is in the document: a file holding PEM,
                                or the PEM/base64 text itself (--expect-certificate="$(cat cert.pem)").
  -h, --help                    Show this help.

Trust: the system certificate store; add a TLS-inspecting proxy's CA with NODE_EXTRA_CA_CERTS=<file>.
Exit codes: 0 saved, 1 download or validation failed (nothing written), 2 usage error.
`;

const CHECK_HELP = `Usage: ${PROGRAM} check --issuer <url> --acs <url> [--portal <url>] [--scim <url>] [--json]

Checks the values copied from IAM Identity Center > Settings > Identity source > Change identity source >
External identity provider > Service provider metadata, with the validation the component runs on its
awsIssuerUrl, awsAcsUrl, awsAccessPortalUrl and scim.endpoint arguments. Prints every finding, one per line.

Options:
      --issuer <url>   IAM Identity Center issuer URL (component argument awsIssuerUrl).
      --acs <url>      IAM Identity Center Assertion Consumer Service (ACS) URL (awsAcsUrl).
      --portal <url>   AWS access portal URL (awsAccessPortalUrl); optional.
      --scim <url>     SCIM endpoint from Settings > Identity source > Automatic provisioning (scim.endpoint);
                       optional. Its region must be the issuer's. (The access token is never asked for.)
      --json           Print { ok, findings: [{ field, ok, message }] } as one JSON object.
  -h, --help           Show this help.

Exit codes: 0 all checks pass, 1 a check failed, 2 usage error.
`;

const HELP: Readonly<Record<string, string>> = { metadata: METADATA_HELP, check: CHECK_HELP };

/** A command-line mistake: reported with a pointer to the right help, exit code 2. */
class UsageError extends Error {
    constructor(
        message: string,
        /** The command whose help explains the fix; undefined for the top-level help. */
        readonly command?: string,
    ) {
        super(message);
        this.name = "UsageError";
    }
}

/** Something the user asked about is wrong (bad URL, failed download, invalid document): exit code 1. */
class FailureError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "FailureError";
    }
}

/**
 * Runs the CLI on `argv` (the arguments after the script name) and resolves to the exit code; never throws and
 * never prints a stack trace, because the audience is a person at a terminal, not a developer.
 *
 * @param argv Arguments, e.g. `["metadata", "https://acme.cloudflareaccess.com/...", "-o", "-"]`.
 * @param io Output sinks and the working directory; see {@link CliIo}.
 * @returns 0 ok, 1 validation/fetch failure, 2 usage error.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
    try {
        return await dispatch(argv, io);
    } catch (error) {
        if (error instanceof UsageError) {
            const help = error.command ? `${PROGRAM} ${error.command} --help` : `${PROGRAM} --help`;
            io.stderr(`${PROGRAM}: ${oneLine(error.message)}; see '${help}'.\n`);
            return EXIT_USAGE;
        }
        // FailureError, InvalidArgumentError, the fetcher's and the parser's errors all carry a finished sentence.
        // Anything else is a bug, and its message is still more useful than a stack trace to the person running this.
        const message = error instanceof Error ? error.message : String(error);
        io.stderr(`${PROGRAM}: ${oneLine(message)}\n`);
        return EXIT_FAILURE;
    }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
    const [first, ...rest] = argv;
    if (first === undefined) {
        // No command at all: the help is the most useful answer, but on stderr with a usage exit so that a script
        // that lost its arguments does not look successful.
        io.stderr(TOP_HELP);
        return EXIT_USAGE;
    }
    if (first === "metadata") return metadataCommand(rest, io);
    if (first === "check") return checkCommand(rest, io);
    if (first === "help") {
        const topic = rest[0];
        if (rest.length > 1 || (topic !== undefined && !(topic in HELP))) {
            throw new UsageError(`no help for ${rest.map((a) => `'${excerptText(a)}'`).join(" ")}: the commands are metadata and check`);
        }
        io.stdout(topic === undefined ? TOP_HELP : HELP[topic]);
        return EXIT_OK;
    }
    if (!first.startsWith("-")) {
        throw new UsageError(`unknown command '${excerptText(first)}': the commands are metadata and check`);
    }
    const { values } = parse(argv, { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" } }, undefined);
    if (values.help) {
        io.stdout(TOP_HELP);
        return EXIT_OK;
    }
    if (values.version) {
        io.stdout(`${packageVersion(__dirname)}\n`);
        return EXIT_OK;
    }
    // parseArgs accepted the flags, so this is `--` or similar with nothing after it.
    throw new UsageError("missing command: the commands are metadata and check");
}

// ---- metadata -------------------------------------------------------------------------------------------------

const METADATA_OPTIONS = {
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
    "allowed-host": { type: "string", multiple: true },
    "timeout-ms": { type: "string" },
    attempts: { type: "string" },
    "expect-entity-id": { type: "string" },
    "expect-sso-url": { type: "string" },
    "expect-certificate": { type: "string" },
    help: { type: "boolean", short: "h" },
} as const;

async function metadataCommand(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args, METADATA_OPTIONS, "metadata");
    if (values.help) {
        io.stdout(METADATA_HELP);
        return EXIT_OK;
    }
    const request = metadataRequest(values, positionals, io.cwd);
    const { url, allowedHosts, timeoutMs, retry, output } = request;
    // Retries can take half a minute or more: say what is happening on stderr (stdout may carry the document).
    const onRetry = (p: RetryProgress): void =>
        io.stderr(
            `${PROGRAM}: attempt ${p.attempt} of ${p.attempts} failed (${p.reason}); trying again in ${(p.delayMs / 1000).toFixed(1)} s\n`,
        );
    const fetched = await fetchMetadataDocument(url, { allowedHosts, timeoutMs, retry, ca: io.fetchCa, onRetry }).catch((err: Error) => {
        throw new Error(hostFlagHint(err.message));
    });
    const facts = parseSamlMetadata(fetched.body, request.expected);
    // The fetcher refuses a body that is not UTF-8 text, so these bytes are exactly the ones served (metadataCharset.ts).
    const bytes = Buffer.from(fetched.body, "utf8");
    const toStdout = output === "-";
    const file = toStdout ? "-" : resolve(io.cwd, output);
    if (toStdout) io.stdout(fetched.body);
    else saveFile(file, output, bytes);

    // With the XML on stdout, every other word goes to stderr so that `-o - > file` captures the document alone.
    const report = toStdout ? io.stderr : io.stdout;
    if (values.json) {
        const summary = {
            file,
            url,
            entityId: facts.entityId,
            ssoUrl: facts.ssoUrl,
            signingCertificateSha256: facts.signingCertificateSha256,
            signingCertificateNotAfter: facts.signingCertificateNotAfter,
            warnings: facts.warnings,
            attempts: fetched.attempts,
        };
        report(`${safeJson(summary)}\n`);
        return EXIT_OK;
    }
    const tries = `${fetched.attempts} attempt${fetched.attempts === 1 ? "" : "s"}`;
    const redirected = fetched.finalUrl === new URL(url).href ? "" : ` (redirected to ${excerptText(fetched.finalUrl)})`;
    const where = toStdout ? "stdout" : excerptText(output);
    report(
        `Saved ${bytes.length} bytes of SAML metadata to ${where}, fetched from ${excerptText(url)}${redirected} in ${tries}.\n` +
            `  Entity ID:    ${excerptText(facts.entityId)}\n` +
            `  SSO URL:      ${excerptText(facts.ssoUrl)}\n` +
            `  Certificate:  SHA-256 ${facts.signingCertificateSha256}\n` +
            `  Expires:      ${facts.signingCertificateNotAfter}\n` +
            `Next: upload it in ${UPLOAD_WHERE}.\n`,
    );
    for (const warning of facts.warnings) io.stderr(`${PROGRAM}: warning: ${oneLine(warning)}\n`);
    return EXIT_OK;
}

/** What `metadata` was asked to do, with every flag checked before any request. */
function metadataRequest(values: ReturnType<typeof parse<typeof METADATA_OPTIONS>>["values"], positionals: string[], cwd: string) {
    if (positionals.length === 0) throw new UsageError(`missing <metadata-url>, e.g. ${METADATA_URL_SHAPE}`, "metadata");
    if (positionals.length > 1) {
        throw new UsageError(`expected one <metadata-url> but got ${positionals.length} arguments`, "metadata");
    }
    const url = positionals[0];
    // Flag values are settled before the URL so that a typo in a flag is a usage error even with a bad URL.
    const allowedHosts = values["allowed-host"] ?? [...DEFAULT_ALLOWED_HOSTS];
    const timeoutMs = values["timeout-ms"] === undefined ? DEFAULT_TIMEOUT_MS : integerFlag("--timeout-ms", values["timeout-ms"]);
    const attempts = values.attempts === undefined ? DEFAULT_RETRY.attempts : integerFlag("--attempts", values.attempts);
    const retry = { ...DEFAULT_RETRY, attempts };
    // The same checks the provider's `check` runs on its inputs, reworded to name the flags people typed.
    const knobProblem = fetchOptionsProblem({ timeoutMs, retry, allowedHosts });
    if (knobProblem) throw new UsageError(flagNames(knobProblem), "metadata");
    const certificate = values["expect-certificate"] === undefined ? undefined : certificateFlag(values["expect-certificate"], cwd);
    const output = values.output ?? DEFAULT_OUTPUT;
    if (output === "") throw new UsageError(`--output needs a file name, or "-" for stdout`, "metadata");
    // Refused before any request, with the same wording the provider uses.
    const urlProblem = metadataUrlProblem(url, allowedHosts);
    if (urlProblem) throw new FailureError(`<metadata-url>: ${hostFlagHint(urlProblem)}`);
    const expected = { entityId: values["expect-entity-id"], ssoUrl: values["expect-sso-url"], certificate };
    return { url, allowedHosts, timeoutMs, retry, output, expected };
}

/**
 * JSON with every character that could act on a terminal written as a `\uXXXX` escape: JSON.stringify escapes C0
 * controls but leaves C1 controls, bidi and zero-width characters as they are. The result is still valid JSON.
 */
function safeJson(value: unknown): string {
    return JSON.stringify(value).replace(
        /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

/** A non-negative decimal integer; the range is left to fetchOptionsProblem, which owns the limits. */
function integerFlag(flag: string, value: string): number {
    if (!/^\d{1,9}$/.test(value.trim())) throw new UsageError(`${flag} must be a whole number, not ${quoteText(value)}`, "metadata");
    return Number(value.trim());
}

/** The fetch's advice "add the host to allowedHosts", in the CLI's terms: the flag that does it. */
function hostFlagHint(message: string): string {
    return message
        .replace(/add the host to allowedHosts/g, "add the host with --allowed-host <host>")
        .replace(/on an allowed host \(/g, "on a host allowed by --allowed-host (");
}

/** Renames fetchOptionsProblem's field paths to the flags that set them. */
function flagNames(problem: string): string {
    return problem
        .replace(/^timeoutMs\b/, "--timeout-ms")
        .replace(/^retry\.attempts\b/, "--attempts")
        .replace(/^allowedHosts\[\d+\]/, "--allowed-host")
        .replace(/^allowedHosts\b/, "--allowed-host");
}

/** The certificate text behind `--expect-certificate`: inline PEM, a file, or inline base64, checked up front. */
function certificateFlag(value: string, cwd: string): string {
    let text: string;
    if (value.includes("-----BEGIN")) {
        text = value;
    } else {
        const path = resolve(cwd, value);
        if (existsSync(path) && statSync(path).isFile()) {
            text = readFileSync(path, "utf8");
        } else if (/^[A-Za-z0-9+/=\s]{64,}$/.test(value)) {
            // Long enough that it cannot be a mistyped file name: the base64 body of a <ds:X509Certificate>.
            text = value;
        } else {
            throw new UsageError(
                `--expect-certificate: ${quoteText(value)} is neither a file nor PEM or base64 certificate text`,
                "metadata",
            );
        }
    }
    try {
        // Checked before the download: a broken expectation would otherwise cost a full round of retries first.
        readCertificate(text, "--expect-certificate");
    } catch (error) {
        throw new UsageError(error instanceof Error ? error.message.replace(/\.$/, "") : String(error), "metadata");
    }
    return text;
}

/**
 * Writes through a temporary file in the same directory and renames it into place, so that an interrupted run
 * never leaves a truncated document where a person would upload it, and a failed run leaves an old file alone.
 */
function saveFile(file: string, shown: string, bytes: Buffer): void {
    const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
    try {
        writeFileSync(temporary, bytes, { flag: "wx" });
        renameSync(temporary, file);
    } catch (error) {
        rmSync(temporary, { force: true });
        throw new FailureError(`cannot save the metadata to ${quoteText(shown)}: ${fsReason(error)}.`);
    }
}

function fsReason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "ENOENT") return "its directory does not exist";
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    if (code === "EISDIR") return "it is a directory";
    if (code === "EROFS") return "the file system is read-only";
    return error instanceof Error ? error.message : String(error);
}

// ---- check ----------------------------------------------------------------------------------------------------

const CHECK_OPTIONS = {
    issuer: { type: "string" },
    acs: { type: "string" },
    portal: { type: "string" },
    scim: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
} as const;

/** One line of the `check` report. */
interface Finding {
    /** The component argument the finding is about, e.g. `awsIssuerUrl`. */
    field: string;
    ok: boolean;
    /** What was found (ok) or what is wrong and how to fix it (not ok), without the field prefix. */
    message: string;
}

function checkCommand(args: string[], io: CliIo): number {
    const { values, positionals } = parse(args, CHECK_OPTIONS, "check");
    if (values.help) {
        io.stdout(CHECK_HELP);
        return EXIT_OK;
    }
    if (positionals.length > 0) {
        throw new UsageError(
            `unexpected argument '${excerptText(positionals[0])}': give the URLs with --issuer, --acs and --portal`,
            "check",
        );
    }
    const issuerUrl = values.issuer;
    const acsUrl = values.acs;
    if (issuerUrl === undefined) throw new UsageError("missing --issuer <url> (the IAM Identity Center issuer URL)", "check");
    if (acsUrl === undefined) throw new UsageError("missing --acs <url> (the IAM Identity Center ACS URL)", "check");

    // Every check runs even after a failure: a person fixing values copied from a console wants the whole list.
    const findings: Finding[] = [];
    const issuer = attempt(
        findings,
        "awsIssuerUrl",
        () => parseAwsIssuerUrl(issuerUrl, "awsIssuerUrl", acsUrl),
        (facts: AwsIssuerFacts) =>
            facts.identityStoreId ? `region ${facts.region}, identity store ${facts.identityStoreId}` : `region ${facts.region}`,
    );
    const acs = attempt(
        findings,
        "awsAcsUrl",
        () => parseAwsAcsUrl(acsUrl, "awsAcsUrl", issuerUrl),
        (facts) => `region ${facts.region}`,
    );
    if (issuer && acs) {
        attempt(
            findings,
            "awsAcsUrl",
            () => checkAwsUrlPair(issuer, acs),
            () => `same region as awsIssuerUrl (${acs.region})`,
        );
    }
    const portalUrl = values.portal;
    if (portalUrl !== undefined) {
        attempt(
            findings,
            "awsAccessPortalUrl",
            () => parseAwsAccessPortalUrl(portalUrl, "awsAccessPortalUrl"),
            () => "an AWS access portal URL",
        );
    }

    if (values.scim !== undefined) checkScimEndpointFlag(findings, values.scim, issuer);

    const failed = findings.filter((f) => !f.ok).length;
    if (values.json) {
        io.stdout(`${safeJson({ ok: failed === 0, findings })}\n`);
    } else {
        for (const f of findings) io.stdout(`${f.ok ? "ok  " : "FAIL"} ${f.field}: ${oneLine(f.message)}\n`);
        if (failed > 0) io.stderr(`${PROGRAM}: ${failed} of ${findings.length} checks failed.\n`);
    }
    return failed === 0 ? EXIT_OK : EXIT_FAILURE;
}

/** The SCIM endpoint's shape, then its region against the issuer's when both parse. */
function checkScimEndpointFlag(findings: Finding[], value: string, issuer: AwsIssuerFacts | undefined): void {
    const scim = attempt(
        findings,
        "scim.endpoint",
        () => parseScimEndpoint(value, "scim.endpoint"),
        (facts) => `region ${facts.region}, tenant ${facts.tenantId}`,
    );
    if (scim && issuer) {
        attempt(
            findings,
            "scim.endpoint",
            () => checkScimRegion(scim, issuer.region, "scim.endpoint"),
            () => `same region as awsIssuerUrl (${scim.region})`,
        );
    }
}

/** Runs one check, records its finding, and returns its result (undefined when it failed). */
function attempt<T>(findings: Finding[], field: string, run: () => T, describe: (result: T) => string): T | undefined {
    try {
        const result = run();
        findings.push({ field, ok: true, message: describe(result) });
        return result;
    } catch (error) {
        if (!(error instanceof InvalidArgumentError)) throw error;
        // The error's message starts with "<field>: "; the report prints the field in a column of its own.
        const prefix = `${error.field}: `;
        const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
        findings.push({ field: error.field, ok: false, message });
        return undefined;
    }
}

// ---- shared ---------------------------------------------------------------------------------------------------

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** node:util parseArgs in strict mode, its errors turned into one-line usage errors. */
function parse<T extends OptionSpec>(args: string[], options: T, command: string | undefined) {
    try {
        return parseArgs({ args, options, strict: true, allowPositionals: command !== undefined });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) {
            // Node's messages run to several sentences of advice about "--"; the first one says what is wrong.
            const message = (error as Error).message;
            const first = (message.split(/\.\s/)[0] ?? "").replace(/\.$/, "");
            let text = first.charAt(0).toLowerCase() + first.slice(1);
            // Strict parseArgs refuses a separate value that starts with "-", which is how inline PEM starts.
            const option = /^Option '(--[^']+)' argument is ambiguous/.exec(message)?.[1];
            if (option) text += `: to give a value that starts with "-", write ${option}=<value>`;
            throw new UsageError(text, command);
        }
        throw error;
    }
}

/** The `version` of this package's package.json, found by walking up from `start`. */
function packageVersion(start: string): string {
    // Walking up works from components/ under ts-node and from dist/components/ once installed, without baking
    // the layout into a relative path; the name check skips any unrelated package.json on the way.
    for (let dir = start; ; dir = dirname(dir)) {
        const candidate = join(dir, "package.json");
        if (existsSync(candidate)) {
            const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: unknown; version?: unknown };
            if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return pkg.version;
        }
        if (dirname(dir) === dir) throw new FailureError(`cannot find the package.json of ${PACKAGE_NAME} above ${start}.`);
    }
}

/**
 * Messages can embed pasted or served text; one finding must stay one harmless line. Values are quoted safely where the
 * messages are built (components/safeText.ts); this is the last guard for the line as a whole.
 */
function oneLine(text: string): string {
    return printableText(text.replace(/\s*[\r\n]+\s*/g, " "));
}
