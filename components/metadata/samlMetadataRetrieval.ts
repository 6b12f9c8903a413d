// Everything the SamlMetadata dynamic provider does, as plain functions.
//
// Why a module of its own: the provider object is serialized into `__provider` by Pulumi's closure serializer.
// A module that lives in node_modules (this file, once the package is installed) is serialized as a one-line
// `require("zero-trust-aws-sso/runtime/samlMetadataRetrieval")`, so `__provider` stays a few hundred bytes and
// does not change when the package is upgraded: no `~ __provider` noise in every preview. From a checkout of this
// repo the same module is copied by value instead. Hence the rules here: top-level functions and plain data only,
// no classes, no module state, imports only of node built-ins and of modules that follow the same rules.
import type { RetryPolicy } from "./metadataFetch";
import {
    DEFAULT_ALLOWED_HOSTS,
    DEFAULT_RETRY,
    DEFAULT_TIMEOUT_MS,
    fetchMetadataDocument,
    fetchOptionsProblem,
    metadataUrlProblem,
} from "./metadataFetch";
import { parseSamlMetadata, type SamlMetadataFacts } from "./samlMetadataDocument";
import { readCertificate } from "./signingCertificate";
import { excerptText } from "../safeText";

/** The value the engine puts in place of an input that is not known yet (during preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The provider's inputs, as stored in state. */
export interface SamlMetadataInputs {
    url: string;
    expectedEntityId?: string;
    expectedSsoUrl?: string;
    expectedCertificate?: string;
    allowedHosts?: string[];
    timeoutMs?: number;
    retry?: Partial<RetryPolicy>;
}

/** The provider's outputs: the inputs plus what the document says. */
export interface SamlMetadataState extends SamlMetadataInputs, SamlMetadataFacts {
    /** The document exactly as served. */
    xml: string;
    /** The URL that answered, after redirects. */
    fetchedFrom: string;
}

/** The input keys, in a fixed order (state and diffs must not depend on object key order). */
export const SAML_METADATA_INPUT_KEYS = [
    "url",
    "expectedEntityId",
    "expectedSsoUrl",
    "expectedCertificate",
    "allowedHosts",
    "timeoutMs",
    "retry",
] as const;

/** True when `value` or anything inside it is the engine's unknown placeholder. */
export function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN_VALUE) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

/** The inputs out of a property bag that may also hold outputs and `__provider`. */
export function pickSamlMetadataInputs(props: Record<string, unknown>): SamlMetadataInputs {
    const inputs: Record<string, unknown> = {};
    for (const key of SAML_METADATA_INPUT_KEYS) {
        if (props[key] !== undefined && props[key] !== null) inputs[key] = props[key];
    }
    return inputs as unknown as SamlMetadataInputs;
}

/**
 * The provider's `check`: no I/O, and values that are still unknown (preview) are left for later.
 * Returns failures that name the property and the fix.
 */
export function checkSamlMetadataInputs(news: Record<string, unknown>): {
    inputs: Record<string, unknown>;
    failures: { property: string; reason: string }[];
} {
    const failures: { property: string; reason: string }[] = [];
    const url = news.url;
    const allowedHosts = news.allowedHosts;
    if (url === undefined || url === null || url === "") {
        failures.push({
            property: "url",
            reason: "url is required: the application's SAML metadata endpoint, <ssoEndpoint>/saml-metadata.",
        });
    } else if (!containsUnknown(url) && !containsUnknown(allowedHosts)) {
        if (typeof url !== "string") {
            failures.push({ property: "url", reason: "url must be a string." });
        } else {
            const problem = metadataUrlProblem(url, Array.isArray(allowedHosts) ? (allowedHosts as string[]) : DEFAULT_ALLOWED_HOSTS);
            if (problem) failures.push({ property: "url", reason: problem });
        }
    }
    const knobs = { timeoutMs: news.timeoutMs, retry: news.retry, allowedHosts: news.allowedHosts };
    if (!containsUnknown(knobs)) {
        const problem = fetchOptionsProblem(knobs as Parameters<typeof fetchOptionsProblem>[0]);
        if (problem) failures.push({ property: /^(timeoutMs|allowedHosts)/.exec(problem)?.[1] ?? "retry", reason: problem });
    }
    const cert = news.expectedCertificate;
    if (typeof cert === "string" && cert !== "" && cert !== UNKNOWN_VALUE) {
        try {
            readCertificate(cert, "expectedCertificate");
        } catch (err) {
            failures.push({ property: "expectedCertificate", reason: (err as Error).message });
        }
    }
    return { inputs: news, failures };
}

function sameValue(a: unknown, b: unknown): boolean {
    return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The provider's `diff`: any input change re-fetches (update); a new url is a different document (replace).
 * Unknown values count as changes, so a preview shows an update only when something upstream changes.
 */
export function diffSamlMetadataInputs(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean } {
    const changed = SAML_METADATA_INPUT_KEYS.filter((k) => containsUnknown(news[k]) || !sameValue(olds[k], news[k]));
    // An unknown url (the application's endpoint is being recomputed) is shown as an update, not a replacement: the
    // engine calls diff again with the known value during `up`, and replaces only if the url really changed.
    const urlChanged = !containsUnknown(news.url) && !sameValue(olds.url, news.url);
    return { changes: changed.length > 0, replaces: urlChanged ? ["url"] : [], deleteBeforeReplace: false };
}

/**
 * Downloads, parses and validates the metadata. With `enforceCertificate` false (refresh) a certificate other
 * than the expected one is accepted, so that a rotation shows up as changed outputs instead of a failed refresh.
 */
export async function retrieveSamlMetadata(
    inputs: SamlMetadataInputs,
    enforceCertificate: boolean,
    previous?: Partial<SamlMetadataState>,
): Promise<SamlMetadataState> {
    const retry = { ...DEFAULT_RETRY, ...(inputs.retry ?? {}) };
    const fetched = await fetchMetadataDocument(inputs.url, {
        allowedHosts: inputs.allowedHosts ?? [...DEFAULT_ALLOWED_HOSTS],
        timeoutMs: inputs.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        retry,
    });
    return samlMetadataState(inputs, fetched.body, fetched.finalUrl, enforceCertificate, previous);
}

/**
 * The provider's state for a document that was fetched from `finalUrl`: what {@link retrieveSamlMetadata} returns
 * after the download. Separate so that the test mocks (zero-trust-aws-sso/testing) produce exactly the same outputs.
 */
export function samlMetadataState(
    inputs: SamlMetadataInputs,
    body: string,
    finalUrl: string,
    enforceCertificate: boolean,
    previous?: Partial<SamlMetadataState>,
): SamlMetadataState {
    // "" means "not given", as it does in check (an Output that resolved to an empty string).
    const expected = {
        entityId: inputs.expectedEntityId || undefined,
        ssoUrl: inputs.expectedSsoUrl || undefined,
        certificate: inputs.expectedCertificate || undefined,
    };
    let facts: SamlMetadataFacts;
    try {
        facts = parseSamlMetadata(body, expected);
    } catch (err) {
        // On refresh the expected certificate is a preference, not a requirement: while it is published it stays the
        // one reported (as create reported it); once it is gone, the rotation shows up as changed outputs.
        if (enforceCertificate || !expected.certificate) throw err;
        facts = parseSamlMetadata(body, { ...expected, certificate: undefined });
    }
    const warnings = [...facts.warnings];
    if (previous?.signingCertificateSha256 && previous.signingCertificateSha256 !== facts.signingCertificateSha256) {
        warnings.push(
            `The signing certificate of ${excerptText(inputs.url)} changed from SHA-256 ${previous.signingCertificateSha256} to ${facts.signingCertificateSha256}: ` +
                `upload the new metadata file to IAM Identity Center, or sign-ins will fail.`,
        );
    }
    return {
        ...pickSamlMetadataInputs(inputs as unknown as Record<string, unknown>),
        ...facts,
        warnings,
        xml: body,
        fetchedFrom: finalUrl,
    };
}
