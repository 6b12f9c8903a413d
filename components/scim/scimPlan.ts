// The SCIM part of the plan: validation of `scim` (known values now, Outputs when they resolve) and the `scimConfig`
// input of the Access application, as plain functions. The token is a secret from end to end: it is wrapped with
// pulumi.secret here, and no message ever quotes it (the value checks are in scimValueChecks.ts).
//
// Facts: the `scimConfig` fields and the `oauthbearertoken` scheme are in docs/cloudflare.md ("SCIM").
import type * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, InvalidArgumentError } from "../invalidArgumentError";
import type { ScimArgs } from "./scimArgs";
import { checkScimRegion, checkScimSourceIdpId, checkScimToken, parseScimEndpoint, parseScimTokenExpiry } from "./scimValueChecks";

type ScimConfig = cloudflare.types.input.ZeroTrustAccessApplicationScimConfig;

/** The SCIM part of the plan. */
export interface ScimPlan {
    /** The application's `scimConfig`; `authentication.token` is a secret Output. */
    scimConfig: ScimConfig;
    /** The endpoint without a trailing `/` (an Output when it was given as one). */
    endpoint: pulumi.Input<string>;
    /** The identity provider whose users and groups are pushed. */
    sourceIdpId: pulumi.Input<string>;
    /** When the token expires, as given. */
    tokenExpiresAt?: pulumi.Input<string>;
}

/** The values of `scim` that are checked, known now or resolved later. */
export interface ScimValues {
    endpoint: unknown;
    token: unknown;
    sourceIdpId: unknown;
    deactivateOnDelete?: unknown;
    tokenExpiresAt?: unknown;
    mappings?: unknown;
}

/**
 * Checks the known values of `scim` (an undefined-or-Output value is skipped when `onlyKnown`), and the endpoint's
 * region against `issuerRegion` when both are known. Every problem is reported at once.
 */
export function checkScimValues(values: ScimValues, issuerRegion: string | undefined, onlyKnown: boolean): void {
    if (!values || typeof values !== "object") {
        throw new InvalidArgumentError("scim", "must be an object { endpoint, token, sourceIdpId, ... }.");
    }
    const problems = new ArgumentProblems();
    const known = (v: unknown): boolean => !onlyKnown || !isLate(v);
    if (known(values.endpoint)) {
        const endpoint = problems.check(() => parseScimEndpoint(values.endpoint));
        if (endpoint && issuerRegion) problems.check(() => checkScimRegion(endpoint, issuerRegion));
    }
    if (known(values.token)) problems.check(() => checkScimToken(values.token));
    if (known(values.sourceIdpId)) problems.check(() => checkScimSourceIdpId(values.sourceIdpId));
    const { deactivateOnDelete, tokenExpiresAt, mappings } = values;
    if (deactivateOnDelete !== undefined && known(deactivateOnDelete) && typeof deactivateOnDelete !== "boolean") {
        problems.add(new InvalidArgumentError("scim.deactivateOnDelete", "must be true or false (or omitted for Cloudflare's default)."));
    }
    if (tokenExpiresAt !== undefined && known(tokenExpiresAt)) problems.check(() => parseScimTokenExpiry(tokenExpiresAt));
    if (mappings !== undefined && known(mappings)) problems.check(() => checkScimMappings(mappings));
    problems.throwIfAny();
}

/** Mappings: a list of objects, each naming the SCIM `schema` it applies to. */
export function checkScimMappings(value: unknown, field = "scim.mappings"): void {
    const shape =
        "{ schema, filter?, transformJsonata?, operations?, enabled?, strictness? } (Cloudflare's ZeroTrustAccessApplicationScimConfigMapping)";
    if (!Array.isArray(value)) throw new InvalidArgumentError(field, `must be a list of ${shape}.`);
    const problems = new ArgumentProblems();
    value.forEach((m: unknown, i) => {
        if (isLate(m)) return;
        if (typeof m !== "object" || m === null || Array.isArray(m)) {
            problems.add(new InvalidArgumentError(`${field}[${i}]`, `must be an object ${shape}.`));
            return;
        }
        const schema = (m as Record<string, unknown>).schema;
        if (!isLate(schema) && (typeof schema !== "string" || schema.trim() === "")) {
            problems.add(
                new InvalidArgumentError(
                    `${field}[${i}].schema`,
                    'is required: the SCIM schema the mapping applies to, e.g. "urn:ietf:params:scim:schemas:core:2.0:User".',
                ),
            );
        }
    });
    problems.throwIfAny();
}

/** True when a value is only known later (an Output or a Promise). */
export function isLate(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * The application's `scimConfig` for validated `scim`. The token is wrapped with pulumi.secret whatever the caller
 * passed (a plain string included), so it is encrypted in the state and masked in every diff.
 */
export function planScim(scim: ScimArgs): ScimPlan {
    const endpoint = isLate(scim.endpoint)
        ? pulumi.output(scim.endpoint).apply((e) => e.replace(/\/$/, ""))
        : (scim.endpoint as string).replace(/\/$/, "");
    const scimConfig: ScimConfig = {
        enabled: true,
        remoteUri: endpoint,
        idpUid: scim.sourceIdpId,
        authentication: { scheme: "oauthbearertoken", token: pulumi.secret(scim.token) },
        ...(scim.deactivateOnDelete !== undefined ? { deactivateOnDelete: scim.deactivateOnDelete } : {}),
        ...(scim.mappings !== undefined ? { mappings: scim.mappings } : {}),
    };
    return {
        scimConfig,
        endpoint,
        sourceIdpId: scim.sourceIdpId,
        ...(scim.tokenExpiresAt !== undefined ? { tokenExpiresAt: scim.tokenExpiresAt } : {}),
    };
}
