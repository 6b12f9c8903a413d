// Declares the component's SamlMetadata child from the Access application's computed SAML values. The metadata URL
// is the documented `<ssoEndpoint>/saml-metadata`, never rebuilt from ids (docs/cloudflare.md).
//
// Which resource carries the child is a parameter: TypeScript programs get the dynamic resource `SamlMetadata`
// (its registrations are what existing stacks hold), the multi-language plugin (plugin/) passes its own custom
// resource `zero-trust-aws-sso:index:SamlMetadata`, because dynamic providers cannot load inside a plugin
// (docs/plugin.md). Both receive exactly the same arguments.
import type * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import type { Gate } from "../access/declareAccess";
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

/** Declares `<name>-metadata` for `application`; its url waits for the gate, so a bad late value fetches nothing. */
export function declareMetadata<M extends SamlMetadataChild>(
    name: string,
    parent: pulumi.Resource,
    application: cloudflare.ZeroTrustAccessApplication,
    retrieval: MetadataRetrievalArgs | undefined,
    gate: Gate,
    declareChild: DeclareSamlMetadata<M>,
): MetadataResources<M> {
    const saasApp = application.saasApp;
    const ssoEndpoint = saasApp.apply((s) => required(s?.ssoEndpoint, "saasApp.ssoEndpoint"));
    const idpEntityId = saasApp.apply((s) => required(s?.idpEntityId, "saasApp.idpEntityId"));
    const metadataUrl = ssoEndpoint.apply((endpoint) => `${endpoint.replace(/\/+$/, "")}/saml-metadata`);
    const metadata = declareChild(
        `${name}-metadata`,
        {
            url: gate(metadataUrl),
            expectedEntityId: idpEntityId,
            expectedSsoUrl: ssoEndpoint,
            expectedCertificate: saasApp.apply((s) => s?.publicKey || undefined) as pulumi.Output<string>,
            allowedHosts: retrieval?.allowedHosts,
            timeoutMs: retrieval?.timeoutMs,
            retry: retrieval?.retry,
        },
        { parent },
    );
    return { metadata, ssoEndpoint, idpEntityId, metadataUrl };
}

function required(value: string | undefined, what: string): string {
    if (!value) {
        throw new Error(`Cloudflare returned no ${what} for the Access application; is it a SAML SaaS application?`);
    }
    return value;
}
