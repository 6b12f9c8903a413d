import * as pulumi from "@pulumi/pulumi";
import { fetchOptionsProblem, metadataUrlProblem, DEFAULT_ALLOWED_HOSTS, type RetryPolicy } from "./metadataFetch";
import { samlMetadataProvider } from "./samlMetadataProvider";
import { SAML_METADATA_INPUT_KEYS } from "./samlMetadataRetrieval";
import { readCertificate } from "./signingCertificate";
import { quoteText } from "../safeText";

/** How the SAML metadata document is downloaded. Every field is optional; defaults suit Cloudflare. */
export interface MetadataRetrievalArgs {
    /** Per-request timeout covering the whole response, in milliseconds. Default 10000. */
    timeoutMs?: number | undefined;
    /**
     * Retries with capped exponential backoff and jitter, for transient answers (404 right after the application
     * is created, 429, 5xx, network errors). `attempts` counts every request, the first included.
     * Default `{ attempts: 8, minDelayMs: 500, maxDelayMs: 10000 }`.
     */
    retry?: Partial<RetryPolicy> | undefined;
    /**
     * Host name patterns the metadata (and any redirect) may come from; `*.example.com` matches subdomains.
     * Default `["*.cloudflareaccess.com"]`.
     */
    allowedHosts?: string[] | undefined;
}

/** Arguments of {@link SamlMetadata}. */
export interface SamlMetadataArgs {
    /** The metadata URL, `<saasApp.ssoEndpoint>/saml-metadata`. HTTPS only. */
    url: pulumi.Input<string>;
    /** When given, the document's `entityID` must equal it (the application's `saasApp.idpEntityId`). */
    expectedEntityId?: pulumi.Input<string> | undefined;
    /** When given, a `SingleSignOnService` Location must equal it (the application's `saasApp.ssoEndpoint`). */
    expectedSsoUrl?: pulumi.Input<string> | undefined;
    /**
     * When given (PEM or base64), this certificate must be among the signing certificates and is the one
     * reported (the application's `saasApp.publicKey`). Otherwise the certificate valid the longest is chosen.
     */
    expectedCertificate?: pulumi.Input<string> | undefined;
    /** See {@link MetadataRetrievalArgs.allowedHosts}. */
    allowedHosts?: pulumi.Input<pulumi.Input<string>[]> | undefined;
    /** See {@link MetadataRetrievalArgs.timeoutMs}. */
    timeoutMs?: pulumi.Input<number> | undefined;
    /** See {@link MetadataRetrievalArgs.retry}. */
    retry?: pulumi.Input<Partial<RetryPolicy>> | undefined;
}

/**
 * The SAML IdP metadata of a Cloudflare Access for SaaS application, downloaded from the team domain and
 * validated (SAML 2.0 EntityDescriptor, IDPSSODescriptor, SingleSignOnService, an unexpired X.509 signing
 * certificate, and every `expected*` value). `pulumi refresh` downloads it again, so a rotated certificate shows
 * up as changed outputs. Deleting the resource only forgets the document.
 */
export class SamlMetadata extends pulumi.dynamic.Resource {
    /** The URL the document was requested from. */
    declare public readonly url: pulumi.Output<string>;
    /** The metadata XML exactly as served: save it as `access_saml_metadata.xml` and upload it to AWS. */
    declare public readonly xml: pulumi.Output<string>;
    /** The IdP entity ID (`EntityDescriptor/@entityID`). */
    declare public readonly entityId: pulumi.Output<string>;
    /** The IdP single sign-on URL. */
    declare public readonly ssoUrl: pulumi.Output<string>;
    /** The signing certificate, PEM. */
    declare public readonly signingCertificate: pulumi.Output<string>;
    /** Its SHA-256 fingerprint, uppercase colon-separated hex (as `openssl x509 -fingerprint -sha256` prints it). */
    declare public readonly signingCertificateSha256: pulumi.Output<string>;
    /** Its expiry, ISO 8601 UTC. */
    declare public readonly signingCertificateNotAfter: pulumi.Output<string>;
    /** Things worth a look that did not stop the deployment (certificate expiring soon, rotation found on refresh). */
    declare public readonly warnings: pulumi.Output<string[]>;
    /** The URL the document finally came from, after redirects. */
    declare public readonly fetchedFrom: pulumi.Output<string>;

    constructor(name: string, args: SamlMetadataArgs, opts?: pulumi.CustomResourceOptions) {
        const problem = SamlMetadata.argsProblem(args);
        if (problem) {
            throw new pulumi.ResourceError(`SamlMetadata ${quoteText(name)}: ${problem}`, opts?.parent);
        }
        super(samlMetadataProvider, name, samlMetadataProperties(args), opts, "zero-trust-aws-sso", "SamlMetadata");
        logSamlMetadataWarnings(this, this.warnings);
    }

    /**
     * Why these arguments cannot work, judged from the values known now (Outputs are judged by the provider's
     * `check` once they resolve); undefined when they are fine.
     */
    static argsProblem(args: SamlMetadataArgs): string | undefined {
        if (!args || args.url === undefined || args.url === null) {
            return "url is required: the application's SAML metadata endpoint, <ssoEndpoint>/saml-metadata.";
        }
        const plainHosts = Array.isArray(args.allowedHosts) && args.allowedHosts.every((h) => typeof h === "string");
        const knobs: Parameters<typeof fetchOptionsProblem>[0] = {};
        if (typeof args.timeoutMs === "number") knobs.timeoutMs = args.timeoutMs;
        if (isPlainObject(args.retry)) knobs.retry = args.retry as Partial<RetryPolicy>;
        if (plainHosts) knobs.allowedHosts = args.allowedHosts as string[];
        const knobProblem = fetchOptionsProblem(knobs);
        if (knobProblem) return knobProblem;
        if (typeof args.url === "string" && (plainHosts || args.allowedHosts === undefined)) {
            const urlProblem = metadataUrlProblem(args.url, (args.allowedHosts as string[] | undefined) ?? DEFAULT_ALLOWED_HOSTS);
            if (urlProblem) return urlProblem;
        }
        if (typeof args.expectedCertificate === "string") {
            try {
                readCertificate(args.expectedCertificate, "expectedCertificate");
            } catch (err) {
                return (err as Error).message;
            }
        }
        return undefined;
    }
}

// Every output key is seeded as undefined so that the SDK resolves the declared Output properties (this is how a
// dynamic resource gets typed outputs); undefined inputs are left out instead, since each declared property costs the
// SDK several promises and an undefined input registers nothing anyway.
const UNSET_OUTPUTS = {
    xml: undefined,
    entityId: undefined,
    ssoUrl: undefined,
    signingCertificate: undefined,
    signingCertificateSha256: undefined,
    signingCertificateNotAfter: undefined,
    warnings: undefined,
    fetchedFrom: undefined,
} as const;

/**
 * The properties a SamlMetadata resource registers: the given inputs and every output key. Shared with the plugin's
 * custom resource (plugin/src/samlMetadataResource.ts), so that both register the same property bag.
 */
export function samlMetadataProperties(args: SamlMetadataArgs): pulumi.Inputs {
    return { ...definedInputs(args), ...UNSET_OUTPUTS };
}

/** Shows the provider's warnings (certificate expiring soon, rotation found on refresh) against the resource. */
export function logSamlMetadataWarnings(resource: pulumi.Resource, warnings: pulumi.Output<string[]>): void {
    warnings.apply((list) => (list ?? []).forEach((w) => pulumi.log.warn(w, resource)));
}

function definedInputs(args: SamlMetadataArgs): Partial<SamlMetadataArgs> {
    const inputs: Record<string, unknown> = {};
    for (const key of SAML_METADATA_INPUT_KEYS) {
        if (args[key] !== undefined) inputs[key] = args[key];
    }
    return inputs as Partial<SamlMetadataArgs>;
}

function isPlainObject(value: unknown): boolean {
    return typeof value === "object" && value !== null && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}
