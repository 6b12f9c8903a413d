// The plugin's entry (plugin/package.json `main`, compiled by plugin/build.js): a hand-written Pulumi provider,
// started the way pulumi-eks starts its own (nodejs/eks/cmd/provider), serving the ZeroTrustAwsSso component and the
// SamlMetadata custom resource with the schema in plugin/schema.json (docs/plugin.md).
//
// Not `ComponentProvider` from @pulumi/pulumi/provider/experimental: it derives the schema from the TypeScript
// types, and its analyzer cannot read this package's argument types; it also has no custom resources.
//
// The module exports nothing on purpose: run-plugin would start its own component provider for an exported
// ComponentResource class.
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ZERO_TRUST_AWS_SSO_TYPE } from "../../components/zeroTrustAwsSso";
import { SAML_METADATA_TYPE, samlMetadataOperations as metadata } from "./samlMetadataResource";
import { constructZeroTrustAwsSso } from "./zeroTrustAwsSsoConstruct";

type Props = Record<string, unknown>;

/** The plugin directory: the nearest directory above this file that holds PulumiPlugin.yaml (src/ or lib/plugin/src/). */
function pluginDir(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "PulumiPlugin.yaml"))) return dir;
    }
    throw new Error(`zero-trust-aws-sso plugin: no PulumiPlugin.yaml above ${__dirname}`);
}

const PLUGIN_DIR = pluginDir();
/** The package's version: the repository root's package.json, which plugin/package.json repeats (tested). */
const VERSION = (JSON.parse(fs.readFileSync(path.join(PLUGIN_DIR, "..", "package.json"), "utf8")) as { version: string }).version;
/** plugin/schema.json, with the version filled in so that it cannot drift from the package's. */
const SCHEMA = JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(PLUGIN_DIR, "schema.json"), "utf8")), version: VERSION });

/** The type token of a URN: `urn:pulumi:<stack>::<project>::<parent types$>type::<name>`. */
function typeOf(urn: string): string {
    return urn.split("::")[2]?.split("$").pop() ?? "";
}

/** Only SamlMetadata is a custom resource here; anything else is a mistake of the caller's. */
function requireSamlMetadata(urn: string): void {
    if (typeOf(urn) !== SAML_METADATA_TYPE) throw new Error(`zero-trust-aws-sso: unknown resource type ${typeOf(urn)}`);
}

const provider: pulumi.provider.Provider = {
    version: VERSION,
    schema: SCHEMA,
    async check(urn, olds: Props, news: Props) {
        requireSamlMetadata(urn);
        return metadata.check(olds, news);
    },
    async diff(_id, urn, olds: Props, news: Props) {
        requireSamlMetadata(urn);
        return metadata.diff(olds, news);
    },
    async create(urn, inputs: Props) {
        requireSamlMetadata(urn);
        return metadata.create(inputs);
    },
    async read(id, urn, props: Props) {
        requireSamlMetadata(urn);
        return metadata.read(id, props);
    },
    async update(_id, urn, _olds: Props, news: Props) {
        requireSamlMetadata(urn);
        return metadata.update(news);
    },
    // The document belongs to Cloudflare; forgetting it is all there is to do.
    async delete(_id, urn) {
        requireSamlMetadata(urn);
    },
    async construct(name, type, inputs, options) {
        if (type !== ZERO_TRUST_AWS_SSO_TYPE) throw new Error(`zero-trust-aws-sso: unknown component type ${type}`);
        return constructZeroTrustAwsSso(name, inputs, options, VERSION);
    },
};

pulumi.provider.main(provider, process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
});
