import type * as pulumi from "@pulumi/pulumi";
import {
    checkSamlMetadataInputs,
    diffSamlMetadataInputs,
    pickSamlMetadataInputs,
    retrieveSamlMetadata,
    type SamlMetadataState,
} from "./samlMetadataRetrieval";

/**
 * The dynamic provider behind {@link SamlMetadata}. One module-level object, so Pulumi serializes it once per
 * program (serialization is cached per object) and every SamlMetadata resource carries the same `__provider`
 * text. Each method is a one-line delegation into `samlMetadataRetrieval`, which the serializer turns into a
 * `require` when this package is installed; it captures nothing else (no config, no credentials, no resources).
 */
export const samlMetadataProvider: pulumi.dynamic.ResourceProvider = {
    async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
        return checkSamlMetadataInputs(news);
    },
    async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
        return diffSamlMetadataInputs(olds, news);
    },
    async create(inputs: Record<string, unknown>) {
        const outs = await retrieveSamlMetadata(pickSamlMetadataInputs(inputs), true);
        return { id: outs.url, outs };
    },
    async read(id: string, props: Record<string, unknown>) {
        // A failed refresh throws, and the engine then keeps the stored state untouched.
        const inputs = pickSamlMetadataInputs(props);
        try {
            const outs = await retrieveSamlMetadata(inputs, false, props as Partial<SamlMetadataState>);
            return { id, props: outs, inputs };
        } catch (err) {
            throw new Error(`Refreshing SAML metadata failed; the stored document is unchanged. ${(err as Error).message}`);
        }
    },
    async update(_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
        return { outs: await retrieveSamlMetadata(pickSamlMetadataInputs(news), true) };
    },
    // The document belongs to Cloudflare; forgetting it is all there is to do.
    async delete() {},
};
