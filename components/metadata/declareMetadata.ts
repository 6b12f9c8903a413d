// Declares the component's SamlMetadata child from the Access application's computed SAML values. The metadata URL
// is the documented `<ssoEndpoint>/saml-metadata`, never rebuilt from ids (docs/cloudflare.md).
//
// Which resource carries the child is a parameter: TypeScript programs get the dynamic resource `SamlMetadata`
// (its registrations are what existing stacks hold), the multi-language plugin (plugin/) passes its own custom
// resource `zero-trust-aws-sso:index:SamlMetadata`, because dynamic providers cannot load inside a plugin
// (docs/plugin.md). Both receive exactly the same arguments.
import type * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { Gate } from "../access/declareAccess";
import { reportedOnceError, unknownValue } from "../computedValues";
import { SamlMetadata, type MetadataRetrievalArgs, type SamlMetadataArgs } from "./samlMetadata";

/** What the component reads from its metadata child, whichever resource type carries it. */
export interface SamlMetadataChild extends pulumi.Resource {
    readonly url: pulumi.Output<string>;
    readonly xml: pulumi.Output<string>;
    readonly entityId: pulumi.Output<string>;
    readonly ssoUrl: pulumi.Output<string>;
    readonly signingCertificate: pulumi.Output<string>;
    readonly signingCertificateSha256: pulumi.Output<string>;
    readonly signingCertificateNotAfter: pulumi.Output<string>;
    readonly warnings: pulumi.Output<string[]>;
}

/** Declares the metadata child `name` with `args`. */
export type DeclareSamlMetadata<M extends SamlMetadataChild> = (
    name: string,
    args: SamlMetadataArgs,
    opts: pulumi.CustomResourceOptions,
) => M;

/** The default: the dynamic resource {@link SamlMetadata}, as every TypeScript program has registered it since 0.1.0. */
export const declareDynamicSamlMetadata: DeclareSamlMetadata<SamlMetadata> = (name, args, opts) => new SamlMetadata(name, args, opts);

/** The metadata child and the application values it was derived from. */
export interface MetadataResources<M extends SamlMetadataChild = SamlMetadata> {
    metadata: M;
    ssoEndpoint: pulumi.Output<string>;
    idpEntityId: pulumi.Output<string>;
    metadataUrl: pulumi.Output<string>;
}

/** The `saasApp` values Cloudflare computes when it creates a SAML application; the component needs the first two. */
const REQUIRED_SAAS_VALUES = ["ssoEndpoint", "idpEntityId"] as const;

type SaasApp = cloudflare.types.output.ZeroTrustAccessApplicationSaasApp | undefined;

/** Declares `<name>-metadata` for `application`; its url waits for the gate, so a bad late value fetches nothing. */
export function declareMetadata<M extends SamlMetadataChild>(
    name: string,
    parent: pulumi.Resource,
    application: cloudflare.ZeroTrustAccessApplication,
    retrieval: MetadataRetrievalArgs | undefined,
    gate: Gate,
    declareChild: DeclareSamlMetadata<M>,
): MetadataResources<M> {
    // Each value is derived from `saasApp` directly (one apply each, as a hand-written program would), and each
    // checks that all required values are there, failing with the same error object, so it is reported once.
    const computed = computedValueCheck(name, parent);
    const ssoEndpoint = application.saasApp.apply((s) => computed(s).ssoEndpoint || unknownValue<string>());
    const idpEntityId = application.saasApp.apply((s) => computed(s).idpEntityId || unknownValue<string>());
    // The certificate is optional in deploy mode (without it the metadata check only skips the comparison), but in a
    // preview a missing one is as unknown as the other computed values.
    const publicKey = application.saasApp.apply(
        (s) => computed(s).publicKey || (pulumi.runtime.isDryRun() ? unknownValue<string>() : undefined),
    );
    const metadataUrl = ssoEndpoint.apply((endpoint) => `${endpoint.replace(/\/+$/, "")}/saml-metadata`);
    const metadata = declareChild(
        `${name}-metadata`,
        {
            url: gate(metadataUrl),
            expectedEntityId: idpEntityId,
            expectedSsoUrl: ssoEndpoint,
            expectedCertificate: publicKey as pulumi.Output<string>,
            allowedHosts: retrieval?.allowedHosts,
            timeoutMs: retrieval?.timeoutMs,
            retry: retrieval?.retry,
        },
        { parent },
    );
    return { metadata, ssoEndpoint, idpEntityId, metadataUrl };
}

/**
 * A check of `saasApp` that returns it (or `{}`) when it holds the values the component needs. A missing one is what
 * a preview looks like (the engine reports values computed on create as unknown, but a mock that echoes its inputs
 * returns a known `saasApp` without them), so in a preview the derived value stays unknown; in deploy mode it is an
 * error naming every missing value, one object for every caller.
 */
function computedValueCheck(name: string, parent: pulumi.Resource): (saasApp: SaasApp) => Partial<NonNullable<SaasApp>> {
    let error: pulumi.ResourceError | undefined;
    return (saasApp) => {
        const missing = REQUIRED_SAAS_VALUES.filter((key) => !saasApp?.[key]);
        if (missing.length === 0 || pulumi.runtime.isDryRun()) return saasApp ?? {};
        throw (error ??= reportedOnceError(missingSaasValuesMessage(name, missing), parent));
    };
}

/** The deploy-mode message for missing computed values: what is missing, the likely cause, and the fix under mocks. */
export function missingSaasValuesMessage(name: string, missing: readonly string[]): string {
    const values = missing.map((key) => `saasApp.${key}`).join(" and ");
    return (
        `ZeroTrustAwsSso "${name}": Cloudflare returned no ${values} for the Access application "${name}-app"; is it a SAML SaaS application? ` +
        `Under Pulumi mocks (pulumi.runtime.setMocks), pass zeroTrustAwsSsoMocks() from "zero-trust-aws-sso/testing", ` +
        `or return saasApp.ssoEndpoint, saasApp.idpEntityId and saasApp.publicKey from your newResource mock.`
    );
}
