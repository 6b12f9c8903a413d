// The plugin's SamlMetadata: a real custom resource `zero-trust-aws-sso:index:SamlMetadata`, whose
// check/diff/create/read/update/delete this plugin serves (docs/plugin.md). It stands in for the dynamic resource of
// the npm package, which cannot load inside a plugin (pulumi/pulumi#5455), and runs the very same functions: every
// operation below is a delegation into components/metadata/samlMetadataRetrieval.ts, as samlMetadataProvider.ts is.
import * as pulumi from "@pulumi/pulumi";
import type { SamlMetadataChild } from "../../components/metadata/declareMetadata";
import {
    logSamlMetadataWarnings,
    SamlMetadata,
    samlMetadataProperties,
    type SamlMetadataArgs,
} from "../../components/metadata/samlMetadata";
import {
    checkSamlMetadataInputs,
    diffSamlMetadataInputs,
    pickSamlMetadataInputs,
    retrieveSamlMetadata,
    type SamlMetadataState,
} from "../../components/metadata/samlMetadataRetrieval";

/** The custom resource's type token. */
export const SAML_METADATA_TYPE = "zero-trust-aws-sso:index:SamlMetadata";

type Props = Record<string, unknown>;

/** The component's `<name>-metadata` child under the plugin: same arguments and outputs as the dynamic `SamlMetadata`. */
export class SamlMetadataResource extends pulumi.CustomResource implements SamlMetadataChild {
    declare public readonly url: pulumi.Output<string>;
    declare public readonly xml: pulumi.Output<string>;
    declare public readonly entityId: pulumi.Output<string>;
    declare public readonly ssoUrl: pulumi.Output<string>;
    declare public readonly signingCertificate: pulumi.Output<string>;
    declare public readonly signingCertificateSha256: pulumi.Output<string>;
    declare public readonly signingCertificateNotAfter: pulumi.Output<string>;
    declare public readonly warnings: pulumi.Output<string[]>;
    declare public readonly fetchedFrom: pulumi.Output<string>;

    constructor(name: string, args: SamlMetadataArgs, opts: pulumi.CustomResourceOptions, version: string) {
        const problem = SamlMetadata.argsProblem(args);
        if (problem) {
            throw new pulumi.ResourceError(`SamlMetadata "${name}": ${problem}`, opts.parent);
        }
        // The version names this plugin to the engine, as a generated SDK's resources do.
        super(SAML_METADATA_TYPE, name, samlMetadataProperties(args), { ...opts, version });
        logSamlMetadataWarnings(this, this.warnings);
    }
}

/**
 * Values as the engine sends them to a provider that accepts secrets: a secret is wrapped in a signature object
 * (see @pulumi/pulumi runtime/rpc). The retrieval functions take plain values; the engine marks an output secret again
 * when the input of the same name was secret.
 */
function plain(value: unknown): unknown {
    if (pulumi.runtime.isRpcSecret(value)) return plain(pulumi.runtime.unwrapRpcSecret(value));
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    }
    return value;
}

/** A provider response must not hold `undefined` (a protobuf Struct cannot carry it); the state is plain JSON data. */
function stateOf(state: SamlMetadataState): Props {
    return JSON.parse(JSON.stringify(state)) as Props;
}

/** The CRUD of {@link SAML_METADATA_TYPE}: the dynamic provider's operations, over the provider protocol. */
export const samlMetadataOperations = {
    async check(_olds: Props, news: Props): Promise<pulumi.provider.CheckResult> {
        // The checked inputs are the given ones, secrets still wrapped, so that they stay secret in state.
        const { failures } = checkSamlMetadataInputs(plain(news) as Props);
        return { inputs: news, failures };
    },
    async diff(olds: Props, news: Props): Promise<pulumi.provider.DiffResult> {
        return diffSamlMetadataInputs(plain(olds) as Props, plain(news) as Props);
    },
    async create(inputs: Props): Promise<pulumi.provider.CreateResult> {
        const outs = await retrieveSamlMetadata(pickSamlMetadataInputs(plain(inputs) as Props), true);
        return { id: outs.url, outs: stateOf(outs) };
    },
    async read(id: string, props: Props): Promise<pulumi.provider.ReadResult> {
        const state = plain(props) as Props;
        const inputs = pickSamlMetadataInputs(state);
        try {
            const outs = await retrieveSamlMetadata(inputs, false, state as Partial<SamlMetadataState>);
            return { id, props: stateOf(outs), inputs: JSON.parse(JSON.stringify(inputs)) as Props };
        } catch (err) {
            throw new Error(`Refreshing SAML metadata failed; the stored document is unchanged. ${(err as Error).message}`);
        }
    },
    async update(news: Props): Promise<pulumi.provider.UpdateResult> {
        return { outs: stateOf(await retrieveSamlMetadata(pickSamlMetadataInputs(plain(news) as Props), true)) };
    },
};
