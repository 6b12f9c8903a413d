// Declares the component's SamlMetadata child from the Access application's computed SAML values. The metadata URL
// is the documented `<ssoEndpoint>/saml-metadata`, never rebuilt from ids (docs/cloudflare.md).
import type * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import type { Gate } from "../access/declareAccess";
import { SamlMetadata, type MetadataRetrievalArgs } from "./samlMetadata";

/** The metadata child and the application values it was derived from. */
export interface MetadataResources {
    metadata: SamlMetadata;
    ssoEndpoint: pulumi.Output<string>;
    idpEntityId: pulumi.Output<string>;
    metadataUrl: pulumi.Output<string>;
}

/** Declares `<name>-metadata` for `application`; its url waits for the gate, so a bad late value fetches nothing. */
export function declareMetadata(
    name: string,
    parent: pulumi.Resource,
    application: cloudflare.ZeroTrustAccessApplication,
    retrieval: MetadataRetrievalArgs | undefined,
    gate: Gate,
): MetadataResources {
    const saasApp = application.saasApp;
    const ssoEndpoint = saasApp.apply((s) => required(s?.ssoEndpoint, "saasApp.ssoEndpoint"));
    const idpEntityId = saasApp.apply((s) => required(s?.idpEntityId, "saasApp.idpEntityId"));
    const metadataUrl = ssoEndpoint.apply((endpoint) => `${endpoint.replace(/\/+$/, "")}/saml-metadata`);
    const metadata = new SamlMetadata(
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
